package dk.tvaers.stats;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The dashboard's figures as computed at most {@code tvaers.stats.cache-for} ago (5 minutes), per node: its
 * visitors ask for the same few periods, and figures of a few minutes ago are today's figures. Each report is
 * computed through {@link Statistics}'s own transaction (read-only, PostgreSQL's working memory raised for it).
 * The API computes afresh.
 */
@Component
public class RecentFigures {

    /** A report and when it was computed. */
    public record Computed(Statistics.Report report, Instant at) {}

    /** What a report is kept for: the period, and whether all figures or only those that compare periods. */
    private record Asked(Period period, boolean comparison) {}

    /** The most periods kept (each a report of a few kilobytes). */
    static final int CACHED_PERIODS = 200;

    private final Statistics statistics;
    private final Clock clock;
    private final Duration cacheFor;
    private final Map<Asked, Computed> cache = new ConcurrentHashMap<>();

    RecentFigures(Statistics statistics, Clock clock, @Value("${tvaers.stats.cache-for:PT5M}") Duration cacheFor) {
        this.statistics = statistics;
        this.clock = clock;
        this.cacheFor = cacheFor;
    }

    /** Every figure of the period ({@link Statistics#report}), at most {@code cacheFor} old. */
    public Computed report(Period period) {
        return recent(new Asked(period, false));
    }

    /** The figures a period is compared on ({@link Statistics#comparison}), at most {@code cacheFor} old. */
    public Computed comparison(Period period) {
        return recent(new Asked(period, true));
    }

    private Computed recent(Asked asked) {
        Instant now = clock.instant();
        Computed known = cache.get(asked);
        if (known != null && !cacheFor.isZero() && !known.at().plus(cacheFor).isBefore(now)) {
            return known;
        }
        Computed fresh = new Computed(asked.comparison() ? statistics.comparison(asked.period()) : statistics.report(asked.period()), now);
        if (cache.size() >= CACHED_PERIODS) {
            cache.entrySet().removeIf(e -> e.getValue().at().plus(cacheFor).isBefore(now));
            if (cache.size() >= CACHED_PERIODS) {
                cache.clear();
            }
        }
        cache.put(asked, fresh);
        return fresh;
    }
}
