package dk.tvaers.route;

import dk.tvaers.rules.RuleEngine;
import dk.tvaers.rules.Threshold;
import io.swagger.v3.oas.annotations.media.Schema;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Where cases are and how long they wait, per step of one process version: computed in SQL over the
 * engine's history ({@code ACT_HI_ACTINST}, through its index on definition and end time), never by
 * loading activity instances. A step's completed visits give the median and 90th percentile of the time
 * spent there (those that ended in the date range); its running visits, how many and how long they have
 * waited so far. Every step of the diagram where a case can wait is listed, visited or not, with the
 * alarm threshold that applies to it ({@link RouteProcess#WAIT_THRESHOLDS}). No case is named.
 */
@Component
public class WaitingTimes {

    /** One step: its figures (hours, one decimal; null where no visit counts) and the threshold, if any, in days. */
    public record Step(String activityId, @Schema(nullable = true) String name, String type, long running, long completed,
                       @Schema(nullable = true) Double medianHours, @Schema(nullable = true) Double p90Hours,
                       @Schema(nullable = true) Double runningMedianHours, @Schema(nullable = true) String thresholdCode,
                       @Schema(nullable = true) Integer thresholdDays) {}

    private static final double HOUR_MS = 3_600_000d;

    private final JdbcClient jdbc;
    private final RepositoryService repository;
    private final RuleEngine rules;
    private final Clock clock;

    WaitingTimes(JdbcClient jdbc, RepositoryService repository, RuleEngine rules, Clock clock) {
        this.jdbc = jdbc;
        this.repository = repository;
        this.rules = rules;
        this.clock = clock;
    }

    /** The version's steps in the diagram's reading order; {@code from} and {@code to} (inclusive, either null) bound the completed visits. */
    public List<Step> of(String definitionId, LocalDate from, LocalDate to) {
        if (repository.createProcessDefinitionQuery().processDefinitionId(definitionId).count() == 0) {
            throw new ProcessNotFoundException(definitionId);
        }
        ZoneId zone = clock.getZone();
        Timestamp start = Timestamp.from(from == null ? Instant.EPOCH : from.atStartOfDay(zone).toInstant());
        Timestamp end = Timestamp.from(to == null ? Instant.parse("9999-12-31T00:00:00Z") : to.plusDays(1).atStartOfDay(zone).toInstant());
        Map<String, double[]> completed = new HashMap<>();
        jdbc.sql("""
                select ACT_ID_, count(*) as visits,
                       percentile_cont(0.5) within group (order by DURATION_) as median,
                       percentile_cont(0.9) within group (order by DURATION_) as p90
                from ACT_HI_ACTINST
                where PROC_DEF_ID_ = :definition and END_TIME_ >= :start and END_TIME_ < :end and DURATION_ is not null
                group by ACT_ID_
                """).param("definition", definitionId).param("start", start).param("end", end)
                .query((rs, n) -> completed.put(rs.getString(1), new double[] {rs.getLong(2), rs.getDouble(3), rs.getDouble(4)})).list();
        Map<String, long[]> running = new HashMap<>();
        Instant now = clock.instant();
        jdbc.sql("""
                select ACT_ID_, count(*) as visits, percentile_disc(0.5) within group (order by START_TIME_) as median_start
                from ACT_HI_ACTINST
                where PROC_DEF_ID_ = :definition and END_TIME_ is null
                group by ACT_ID_
                """).param("definition", definitionId)
                .query((rs, n) -> running.put(rs.getString(1), new long[] {rs.getLong(2),
                        Duration.between(rs.getTimestamp(3).toInstant(), now).toMillis()})).list();

        var model = repository.getBpmnModelInstance(definitionId);
        List<Step> steps = new ArrayList<>();
        for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
            if (!(node instanceof Activity) && !(node instanceof IntermediateCatchEvent)) {
                continue;
            }
            double[] done = completed.get(node.getId());
            long[] open = running.get(node.getId());
            String code = RouteProcess.WAIT_THRESHOLDS.get(node.getId());
            Threshold threshold = code == null ? null : rules.active().thresholds().get(code);
            steps.add(new Step(node.getId(), node.getName(), node.getElementType().getTypeName(),
                    open == null ? 0 : open[0], done == null ? 0 : (long) done[0],
                    done == null ? null : hours(done[1]), done == null ? null : hours(done[2]),
                    open == null ? null : hours(Math.max(0, open[1])), threshold == null ? null : code, threshold == null ? null : threshold.days()));
        }
        // In the diagram's reading order: left to right, then top to bottom (steps without a shape last).
        Map<String, double[]> position = new HashMap<>();
        for (BpmnShape shape : model.getModelElementsByType(BpmnShape.class)) {
            if (shape.getBpmnElement() != null && shape.getBounds() != null) {
                position.put(shape.getBpmnElement().getId(), new double[] {shape.getBounds().getX(), shape.getBounds().getY()});
            }
        }
        double[] nowhere = {Double.MAX_VALUE, Double.MAX_VALUE};
        steps.sort(Comparator.comparingDouble((Step s) -> position.getOrDefault(s.activityId(), nowhere)[0])
                .thenComparingDouble(s -> position.getOrDefault(s.activityId(), nowhere)[1]));
        return steps;
    }

    /** The steps where cases spent longest, slowest first: by 90th percentile, then by the running ones' wait. */
    public static List<Step> slowest(List<Step> steps, int limit) {
        Comparator<Step> byWait = Comparator.comparing((Step s) -> s.p90Hours() == null ? -1 : s.p90Hours())
                .thenComparing(s -> s.runningMedianHours() == null ? -1 : s.runningMedianHours());
        return steps.stream().filter(s -> s.p90Hours() != null || s.runningMedianHours() != null).sorted(byWait.reversed()).limit(limit).toList();
    }

    private static double hours(double millis) {
        return Math.round(millis / HOUR_MS * 10) / 10d;
    }
}
