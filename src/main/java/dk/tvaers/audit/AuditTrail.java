package dk.tvaers.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes and reads the audit trail. Writing runs in its own transaction, so a request that fails
 * and rolls back is still recorded, with its result. There is no update and no delete here, and the
 * database refuses them too.
 */
@Service
public class AuditTrail {

    private final JdbcClient jdbc;
    private final Clock clock;

    AuditTrail(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void record(String user, Collection<String> caseIds, String action, String result) {
        Timestamp now = Timestamp.from(Instant.now(clock));
        List<String> ids = caseIds.isEmpty() ? java.util.Collections.singletonList(null) : List.copyOf(caseIds);
        for (String caseId : ids) {
            jdbc.sql("insert into audit_log (occurred_at, user_id, case_id, action, result) values (?, ?, ?, ?, ?)")
                    .params(now, truncate(user, 100), caseId, truncate(action, 200), truncate(result, 20))
                    .update();
        }
    }

    /** One page of the trail and how many entries the filter matches in all. */
    public record Page(List<AuditEntry> entries, long total) {}

    /** The trail, newest first, filtered by any of case, user and date range (inclusive); no count. */
    @Transactional(readOnly = true)
    public List<AuditEntry> find(String caseId, String user, LocalDate from, LocalDate to, int limit) {
        return entries(where(caseId, user, from, to), 0, limit);
    }

    /** Page {@code page} (from 0) of {@code size} entries, newest first, and how many the filter matches. */
    @Transactional(readOnly = true)
    public Page page(String caseId, String user, LocalDate from, LocalDate to, int page, int size) {
        Where where = where(caseId, user, from, to);
        long total = jdbc.sql("select count(*)" + where.sql()).params(where.params()).query(Long.class).single();
        return new Page(entries(where, page, size), total);
    }

    private record Where(String sql, List<Object> params) {}

    private Where where(String caseId, String user, LocalDate from, LocalDate to) {
        StringBuilder where = new StringBuilder(" from audit_log where 1 = 1");
        List<Object> params = new ArrayList<>();
        if (caseId != null) {
            where.append(" and case_id = ?");
            params.add(caseId);
        }
        if (user != null) {
            where.append(" and user_id = ?");
            params.add(user);
        }
        if (from != null) {
            where.append(" and occurred_at >= ?");
            params.add(Timestamp.from(from.atStartOfDay(clock.getZone()).toInstant()));
        }
        if (to != null) {
            where.append(" and occurred_at < ?");
            params.add(Timestamp.from(to.plusDays(1).atStartOfDay(clock.getZone()).toInstant()));
        }
        return new Where(where.toString(), params);
    }

    private List<AuditEntry> entries(Where where, int page, int size) {
        int limit = Math.max(1, Math.min(size, 10_000));
        long offset = (long) Math.max(0, page) * limit;
        return jdbc.sql("select id, occurred_at, user_id, case_id, action, result" + where.sql()
                        + " order by id desc limit " + limit + " offset " + offset).params(where.params())
                .query((rs, n) -> new AuditEntry(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6)))
                .list();
    }

    private static String truncate(String text, int max) {
        return text == null ? "" : text.length() <= max ? text : text.substring(0, max);
    }
}
