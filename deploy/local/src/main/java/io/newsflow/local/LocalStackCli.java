package io.newsflow.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The launcher's command line, behind {@code ./newsflow}.
 *
 * <pre>
 * start [--stack run|test] [--services [--only a,b]]   start what is not running, wait until ready, print where
 * load-sample FILE                         post a JSON-lines corpus and wait until it is searchable
 * status [--stack run|test]                what runs, with pids
 * stop-services [--stack run|test]         stop the services, leave the engines
 * stop [--stack run|test]                  stop the services, then the engines
 * </pre>
 */
public final class LocalStackCli {

    private LocalStackCli() {}

    public static void main(String[] args) {
        try {
            System.exit(run(List.of(args)));
        } catch (StackException e) {
            System.err.println("newsflow: " + e.getMessage());
            System.exit(1);
        } catch (Exception e) {
            System.err.println("newsflow: " + e);
            System.exit(1);
        }
    }

    private static int run(List<String> args) throws Exception {
        List<String> rest = new ArrayList<>(args);
        String stackName = option(rest, "--stack", "run");
        boolean withServices = rest.remove("--services");
        String only = option(rest, "--only", null);
        if (rest.isEmpty()) {
            System.err.println("usage: start [--stack run|test] [--services] | load-sample FILE | status | stop");
            return 2;
        }
        StackConfig config = switch (stackName) {
            case "run" -> StackConfig.run();
            case "test" -> StackConfig.tests();
            default -> throw new StackException("--stack is run or test, not " + stackName);
        };
        LocalStack stack = new LocalStack(config);
        Path repository = Path.of("").toAbsolutePath();
        switch (rest.getFirst()) {
            case "start" -> {
                stack.startEngines().forEach(line -> System.out.println("  " + line));
                if (withServices) {
                    (only == null
                                    ? stack.startServices(repository)
                                    : stack.startServices(repository, List.of(only.split(","))))
                            .forEach(line -> System.out.println("  " + line));
                }
                System.out.println("  data and logs under " + config.stackDir());
            }
            case "load-sample" -> {
                if (rest.size() < 2) {
                    throw new StackException("load-sample needs the corpus file");
                }
                SampleLoader loader = new SampleLoader(
                        "http://127.0.0.1:" + config.ingestPort(), "http://127.0.0.1:" + config.searchPort());
                String adminKey = stack.adminKey();
                String sourceKey =
                        loader.demoSourceKey(adminKey, config.stackDir().resolve("demo-source-key"));
                int taken = loader.load(Path.of(rest.get(1)), sourceKey);
                // ids come from the URLs, so a second load finds the same documents: taken is the target
                long total = loader.awaitSearchable(taken, Duration.ofMinutes(5));
                System.out.println("  " + total + " articles searchable");
                System.out.println("  admin key (NEWSFLOW_ADMIN_KEY):         " + adminKey);
                System.out.println("  demo source '" + SampleLoader.DEMO_SOURCE + "' key (X-Api-Key): " + sourceKey);
                System.out.println("  (both kept, readable by you only, in " + config.stackDir() + ")");
            }
            case "stop-services" -> stack.stopServices(repository).forEach(line -> System.out.println("  " + line));
            case "status" -> stack.status(repository).forEach(line -> System.out.println("  " + line));
            case "stop" -> {
                List<String> stopped = stack.stop(repository);
                (stopped.isEmpty() ? List.of("nothing was running") : stopped)
                        .forEach(line -> System.out.println("  " + line));
            }
            default -> throw new StackException("unknown command " + rest.getFirst());
        }
        return 0;
    }

    private static String option(List<String> args, String name, String defaultValue) {
        int index = args.indexOf(name);
        if (index < 0) {
            return defaultValue;
        }
        if (index + 1 >= args.size()) {
            throw new StackException(name + " needs a value");
        }
        String value = args.get(index + 1);
        args.remove(index + 1);
        args.remove(index);
        return value;
    }
}
