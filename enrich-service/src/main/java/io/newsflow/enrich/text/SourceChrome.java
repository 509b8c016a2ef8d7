package io.newsflow.enrich.text;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Per-source chrome memory: learns each source's repeated lines from its earlier pages, so that the second page of
 * an outlet is cleaner than the first. A line (by its {@link PageLines#key key}) on at least
 * {@link #CHROME_PAGES} distinct pages of one source (this one and earlier ones) is that source's chrome, whatever it says: its menus, its
 * "about us" paragraph, its newsletter box. The cleaner itself stays pure: it is given the keys this class knows.
 *
 * <p>Kept in PostgreSQL ({@link SourceChromeRepository}), bounded: per source the {@link #MAX_LINES} most-seen lines
 * (the least-seen, then the oldest, go first), lines not seen for {@link #FORGET_AFTER} forgotten (an outlet that
 * changes its layout), and the {@link #MAX_PAGES} latest pages remembered so that a replayed article is not counted
 * twice. A PostgreSQL that does not answer costs only the memory: the page is cleaned by the rules alone.
 */
@ApplicationScoped
public class SourceChrome {

    /** Pages of one source a line must be on to be its chrome: the page being cleaned and earlier ones. */
    public static final int CHROME_PAGES = 2;

    static final int MAX_LINES = 5_000;
    static final int MAX_PAGES = 1_000;
    static final Duration FORGET_AFTER = Duration.ofDays(180);
    /** Lines of one page counted at most (a page is a few hundred lines; past this it is a dump, not a page). */
    static final int MAX_PAGE_LINES = 2_000;

    private static final Logger LOG = Logger.getLogger(SourceChrome.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final SourceChromeRepository repository;

    SourceChrome(SourceChromeRepository repository) {
        this.repository = repository;
    }

    /**
     * The keys of the source's chrome lines, as learnt from its pages other than {@code articleId}; empty without a
     * source, or when PostgreSQL does not answer. Reads only.
     */
    public Uni<Set<Long>> known(String sourceId, String articleId) {
        if (sourceId == null || sourceId.isBlank()) {
            return Uni.createFrom().item(Set.of());
        }
        return repository
                .chrome(sourceId, articleId == null ? new UUID(0, 0) : UUID.fromString(articleId), CHROME_PAGES - 1)
                .ifNoItem()
                .after(TIMEOUT)
                .fail()
                .onFailure()
                .recoverWithItem(e -> {
                    LOG.warnf(
                            "Chrome memory of source %s unavailable, page cleaned by the rules alone: %s",
                            sourceId, e.getMessage());
                    return Set.of();
                });
    }

    /** Counts the lines of one page of the source (once per article; a replay changes nothing). */
    public Uni<Void> learn(String sourceId, String articleId, String pageText) {
        if (sourceId == null || sourceId.isBlank() || pageText == null || pageText.isBlank()) {
            return Uni.createFrom().voidItem();
        }
        Set<Long> keys = new TreeSet<>();
        for (String line : PageLines.of(pageText)) {
            if (keys.size() >= MAX_PAGE_LINES) {
                break;
            }
            keys.add(PageLines.key(line));
        }
        return repository
                .learn(
                        sourceId,
                        UUID.fromString(articleId),
                        keys,
                        OffsetDateTime.now(ZoneOffset.UTC).minus(FORGET_AFTER),
                        MAX_LINES,
                        MAX_PAGES)
                .ifNoItem()
                .after(TIMEOUT)
                .fail()
                .onFailure()
                .recoverWithItem(e -> {
                    LOG.warnf("Chrome memory of source %s not updated: %s", sourceId, e.getMessage());
                    return null;
                });
    }
}
