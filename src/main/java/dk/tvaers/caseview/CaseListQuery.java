package dk.tvaers.caseview;

import dk.tvaers.casefile.CaseVisibility;
import dk.tvaers.casefile.Department;
import dk.tvaers.rules.RuleEngine;
import dk.tvaers.rules.RuleInfo;
import dk.tvaers.security.CaseAccessPolicy;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The paged case list: a read model over the case file and the alarm tables. The access policy's
 * visibility is part of the SQL, so paging counts only what the caller may see; of the CPR number it
 * reads only the first six digits, so the full number never leaves the case file's table.
 */
@Component
public class CaseListQuery {

    public record Criteria(String stage, Department department, String alarm) {}

    public record Row(String id, String externalRef, String citizenName, String cprBirthDigits, LocalDate birthDate, String status, String stage,
               LocalDate stageSince, String coordinator, LocalDate referralDate) {}

    public record Page(List<Row> rows, long total) {}

    private final JdbcClient jdbc;
    private final RuleEngine rules;

    CaseListQuery(JdbcClient jdbc, RuleEngine rules) {
        this.jdbc = jdbc;
        this.rules = rules;
    }

    public Page find(Criteria criteria, CaseVisibility visibility, int page, int size) {
        if (visibility.seesNothing()) {
            return new Page(List.of(), 0);
        }
        Where where = where(criteria, visibility);
        long total = bind(jdbc.sql("select count(*) from case_file c" + where.sql()), where.params()).query(Long.class).single();
        List<Row> rows = bind(jdbc.sql("""
                select c.id, c.external_ref, c.citizen_name, substring(c.cpr from 1 for 6), c.birth_date, c.status, c.stage, c.stage_since, c.coordinator, c.referral_date
                from case_file c""" + where.sql() + " order by c.created_at desc, c.id limit :limit offset :offset"), where.params())
                .param("limit", size)
                .param("offset", (long) page * size)
                .query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, LocalDate.class), rs.getString(6), rs.getString(7), rs.getObject(8, LocalDate.class),
                        rs.getString(9), rs.getObject(10, LocalDate.class)))
                .list();
        return new Page(rows, total);
    }

    /** {@code onCase}: whether the clause reads the case file ({@code c}) at all; without, a query of tasks need not join it. */
    public record Where(String sql, Map<String, Object> params, boolean onCase) {}

    /**
     * The policy's visibility and the filters as one where clause, shared by every query here. An alarm filter
     * matches the alarm code, and the alarms raised by the rules whose threshold has that code: the treatment
     * guarantee's rule (threshold WAIT_SERVICE_ADDICTION_TREATMENT, § 101) raises WAIT_SERVICE, and its filter
     * finds exactly those.
     */
    public Where where(Criteria criteria, CaseVisibility visibility) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> params = new LinkedHashMap<>();
        CaseAccessPolicy.SqlCondition visible = CaseAccessPolicy.sql(visibility);
        where.append(visible.sql());
        params.putAll(visible.params());
        if (criteria.stage() != null) {
            where.append(" and c.stage = :stage");
            params.put("stage", criteria.stage());
        }
        if (criteria.department() != null) {
            where.append(" and exists (select 1 from case_department d2 where d2.case_id = c.id and d2.department = :department"
                    + " and d2.status in ('SUGGESTED', 'INVOLVED'))");
            params.put("department", criteria.department().name());
        }
        if (criteria.alarm() != null) {
            List<String> byThreshold = rules.active().rules().stream()
                    .filter(r -> r.kind() == RuleInfo.Kind.ALARM && criteria.alarm().equals(r.threshold()))
                    .map(RuleInfo::name).toList();
            if (byThreshold.isEmpty()) {
                where.append(" and exists (select 1 from case_alarm a where a.case_id = c.id and a.code = :alarm and a.cleared_on is null)");
            } else {
                where.append(" and exists (select 1 from case_alarm a where a.case_id = c.id and a.cleared_on is null"
                        + " and (a.code = :alarm or a.rule_name in (:alarmRules)))");
                params.put("alarmRules", byThreshold);
            }
            params.put("alarm", criteria.alarm());
        }
        boolean onCase = !visible.sql().isEmpty() || criteria.stage() != null || criteria.department() != null || criteria.alarm() != null;
        return new Where(where.toString(), params, onCase);
    }

    /** Open alarm codes per case, for a page of cases. */
    public Map<String, List<String>> openAlarmCodes(List<String> caseIds) {
        Map<String, List<String>> byCase = new LinkedHashMap<>();
        if (caseIds.isEmpty()) {
            return byCase;
        }
        jdbc.sql("select case_id, code from case_alarm where cleared_on is null and case_id in (:ids) order by id")
                .param("ids", caseIds)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2)))
                .list()
                .forEach(e -> byCase.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return byCase;
    }

    public static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, Map<String, Object> params) {
        params.forEach(spec::param);
        return spec;
    }
}
