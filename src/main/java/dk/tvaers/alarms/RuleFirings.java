package dk.tvaers.alarms;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How often each rule fired in the last 30 days, counted in SQL: the alarms it raised, and the
 * departments it suggested (a case counts once per rule and department).
 */
@Service
public class RuleFirings {

    public static final int DAYS = 30;

    private final JdbcClient jdbc;
    private final Clock clock;

    RuleFirings(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Rule name → times fired since 30 days ago (a rule that did not fire is absent). */
    @Transactional(readOnly = true)
    public Map<String, Integer> last30Days() {
        Date since = Date.valueOf(LocalDate.now(clock).minusDays(DAYS));
        Map<String, Integer> fired = new HashMap<>();
        jdbc.sql("select rule_name, count(*) from case_alarm where raised_on >= ? group by rule_name").param(since)
                .query(rs -> {
                    fired.merge(rs.getString(1), rs.getInt(2), Integer::sum);
                });
        jdbc.sql("""
                        select r.rule_name, count(*) from case_department_reason r join case_department d on d.id = r.department_id
                        where d.suggested_on >= ? group by r.rule_name
                        """).param(since)
                .query(rs -> {
                    fired.merge(rs.getString(1), rs.getInt(2), Integer::sum);
                });
        return fired;
    }
}
