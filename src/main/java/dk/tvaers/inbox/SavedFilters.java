package dk.tvaers.inbox;

import dk.tvaers.web.Input;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each user's saved inbox filters: a name they chose and the inbox's filters as its query string (only known
 * filter values, as {@link InboxPages.Query} checks them). Nobody sees another user's.
 */
@Component
@Transactional
class SavedFilters {

    /** The most filters one user keeps. */
    static final int MAX_PER_USER = 20;
    static final int MAX_NAME = 60;

    record SavedFilter(long id, String name, String query) {

        /** The inbox with this filter. */
        public String href() {
            return "/indbakke?" + query;
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    SavedFilters(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    List<SavedFilter> of(String user) {
        return jdbc.sql("select id, name, query from saved_filter where user_id = ? order by lower(name), id").param(user)
                .query((rs, n) -> new SavedFilter(rs.getLong(1), rs.getString(2), rs.getString(3))).list();
    }

    /**
     * Saves the query under the name for the user, or says by the field {@code filterName} why not: no name, too long,
     * a CPR number, a name already used, too many; a query without a filter ({@code filter}).
     */
    void save(String user, String name, String query) {
        Input in = new Input();
        String trimmed = in.text("filterName", name, true, MAX_NAME);
        if (query == null || query.isBlank()) {
            in.add("filterName", "noFilter");
        }
        if (trimmed != null && !in.hasErrorFor("filterName")) {
            long same = jdbc.sql("select count(*) from saved_filter where user_id = ? and lower(name) = lower(?)").params(user, trimmed)
                    .query(Long.class).single();
            if (same > 0) {
                in.add("filterName", "filterNameTaken");
            } else if (of(user).size() >= MAX_PER_USER) {
                in.add("filterName", "tooManyFilters", String.valueOf(MAX_PER_USER));
            }
        }
        in.throwIfAny();
        jdbc.sql("insert into saved_filter (user_id, name, query, created_at) values (?, ?, ?, ?)")
                .params(user, trimmed, query, Timestamp.from(clock.instant())).update();
    }

    /** Deletes one of the user's own filters; another user's id deletes nothing. */
    boolean delete(String user, long id) {
        return jdbc.sql("delete from saved_filter where id = ? and user_id = ?").params(id, user).update() > 0;
    }
}
