package io.newsflow.local;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Points a {@code @QuarkusTest} at the test stack's real engines, starting those that are not running. It
 * leaves them running when the tests end, so the next test class and module reuse them;
 * {@code ./newsflow test} stops them at the end of the run.
 */
public class LocalStackTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        LocalStack stack = new LocalStack(StackConfig.tests());
        stack.startEngines().forEach(line -> System.out.println("[local stack] " + line));
        return stack.serviceConfiguration();
    }

    @Override
    public void stop() {
        // engines are shared by every test of the run; see the class comment
    }
}
