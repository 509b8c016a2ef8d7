package io.newsflow.bench;

import io.newsflow.local.LocalStack;
import io.newsflow.local.StackConfig;
import io.newsflow.local.load.LoadGenerator;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.UUID;

/**
 * The load generator on its own: real articles pushed into the running stack's ingest API at a fixed rate or as
 * fast as it takes them, with a progress bar and a summary. Run by {@code ./newsflow load [articles] [rate]}.
 *
 * <p>Arguments: number of articles (default 1,000), articles per second (default 0: as fast as possible).
 */
public final class Load {

    private Load() {}

    public static void main(String[] args) throws Exception {
        int articles = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
        double rate = args.length > 1 ? Double.parseDouble(args[1]) : 0;
        StackConfig config = StackConfig.run();
        String ingest = "http://127.0.0.1:" + config.ingestPort();
        String search = "http://127.0.0.1:" + config.searchPort();
        Corpus corpus = Corpus.load();
        String run = "load" + UUID.randomUUID().toString().substring(0, 8);
        System.out.printf(
                "Pushing %,d articles from the %s %s (run %s)%n",
                articles, corpus.name(), rate > 0 ? String.format("at %.1f/s", rate) : "as fast as possible", run);
        String key =
                IngestBenchmark.sourceKey(HttpClient.newHttpClient(), ingest, new LocalStack(config).adminKey(), run);
        LoadGenerator.Result result = new LoadGenerator(
                        new LoadGenerator.Settings(
                                ingest,
                                key,
                                articles,
                                rate,
                                rate > 0 ? 1 : 50,
                                rate > 0 ? 8 : 4,
                                Duration.ofMinutes(5)),
                        n -> corpus.article(run, n))
                .run(System.out);
        System.out.printf(
                "Accepted %,d (not accepted %,d) in %.1f s: %,.1f articles/s, %,d requests, %,d retried%n",
                result.acceptedAt().size(),
                result.notAccepted(),
                result.elapsed().toNanos() / 1e9,
                result.articlesPerSecond(),
                result.requests(),
                result.retries());
        long start = System.nanoTime();
        long found = 0;
        while (found < result.acceptedAt().size()
                && System.nanoTime() - start < Duration.ofMinutes(10).toNanos()) {
            Thread.sleep(1000);
            found = EndToEndBenchmark.total(search, run);
        }
        System.out.printf(
                "%,d searchable %.1f s after the last was accepted (search for them: q=%s)%n",
                found, (System.nanoTime() - start) / 1e9, run);
    }
}
