package dk.tvaers.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import dk.tvaers.alarms.CaseEvaluation;
import dk.tvaers.casefile.CaseFiles;
import dk.tvaers.demo.DemoHistory;
import dk.tvaers.rules.CaseSnapshot;
import dk.tvaers.rules.Days;
import dk.tvaers.rules.DepartmentFact;
import dk.tvaers.rules.EffortFact;
import dk.tvaers.rules.RuleEngine;
import dk.tvaers.rules.RuleSet;
import dk.tvaers.rules.Threshold;
import dk.tvaers.support.Route;
import dk.tvaers.support.TvaersTest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Drools against Camunda's DMN engine on the same thresholds, per case, in the same run on the same facts:
 * N active cases drawn as the national benchmark draws them, their snapshots built once (what both sides read),
 * then every case evaluated by the active rule set (Drools: the alarm rules and the suggestion rules together)
 * and by a DMN decision table holding the same day thresholds (an input for the threshold's code and one for the
 * days counted, a rule per threshold, hit policy UNIQUE), asked once for every count the alarm rules compare: days
 * since referral, since the interdisciplinary decision, since each waiting effort was requested, since each
 * agreement's due day, since each suggestion, and days until 18. Prints both and their ratio; asserts only that
 * both found alarms. Run alone: {@code ./mvnw -Pbenchmark test -Dtest=DmnPeerBenchmarkTests -Dbenchmark.cases=10000}.
 */
@TvaersTest
@Tag("benchmark")
class DmnPeerBenchmarkTests {

    static final int CASES = Integer.getInteger("benchmark.cases", 10_000);
    static final int ROUNDS = 3;

    @Autowired JdbcTemplate jdbc;
    @Autowired CaseFiles caseFiles;
    @Autowired CaseEvaluation evaluation;
    @Autowired RuleEngine rules;

    @Test
    void droolsAgainstDmnOnTheSameThresholds() {
        LocalDate today = Route.today();
        DemoHistory.write(jdbc, "DMN-", CASES, 19, today, DemoHistory.Which.ACTIVE);
        List<String> ids = jdbc.queryForList("select id from case_file where external_ref like 'DMN-%' order by id", String.class);
        List<CaseSnapshot> snapshots = new ArrayList<>();
        for (String id : ids) {
            snapshots.add(evaluation.snapshot(caseFiles.find(id).orElseThrow(), today));
        }
        RuleSet active = rules.active();
        DmnEngine dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        DmnDecision table = dmn.parseDecision("thresholds", new ByteArrayInputStream(decisionTable(active).getBytes(StandardCharsets.UTF_8)));

        long[] found = new long[2];
        double drools = Double.MAX_VALUE;
        double camunda = Double.MAX_VALUE;
        for (int round = 0; round < ROUNDS; round++) {
            long start = System.nanoTime();
            long alarms = 0;
            for (CaseSnapshot snapshot : snapshots) {
                alarms += active.evaluate(snapshot).alarms().size();
            }
            drools = Math.min(drools, (System.nanoTime() - start) / 1e6);
            found[0] = alarms;

            start = System.nanoTime();
            alarms = 0;
            for (CaseSnapshot snapshot : snapshots) {
                for (Map.Entry<String, Long> count : counts(snapshot)) {
                    DmnDecisionTableResult result = dmn.evaluateDecisionTable(table,
                            Variables.createVariables().putValue("code", count.getKey()).putValue("days", count.getValue()));
                    alarms += result.size();
                }
            }
            camunda = Math.min(camunda, (System.nanoTime() - start) / 1e6);
            found[1] = alarms;
        }
        assertThat(found[0]).isPositive();
        assertThat(found[1]).isPositive();
        System.out.printf("BENCHMARK drools-vs-dmn, %d cases, best of %d: Drools (every rule: alarms and suggestions) %.0f ms, %.3f ms a case, "
                        + "%d alarms; Camunda DMN (the day thresholds only) %.0f ms, %.3f ms a case, %d alarms: Drools %.2f× DMN's speed%n",
                snapshots.size(), ROUNDS, drools, drools / snapshots.size(), found[0], camunda, camunda / snapshots.size(), found[1], camunda / drools);
        DemoHistory.remove(jdbc, "DMN-");
    }

    /** Every day count the alarm rules compare with a threshold, for one case, as (threshold code, days). */
    private static List<Map.Entry<String, Long>> counts(CaseSnapshot s) {
        LocalDate today = s.caseFacts().today();
        List<Map.Entry<String, Long>> counts = new ArrayList<>();
        if (!s.caseFacts().hasCoordinator()) {
            counts.add(Map.entry("NO_COORDINATOR", s.caseFacts().daysSinceReferral()));
        }
        if (List.of("REFERRAL", "CONSENT", "SPARRING").contains(s.caseFacts().stage())) {
            counts.add(Map.entry("WAIT_SPARRING", s.caseFacts().daysSinceReferral()));
        }
        if (s.route().interdisciplinaryDecidedOn() != null && s.route().lastNetworkMeetingOn() == null) {
            counts.add(Map.entry("WAIT_NETWORK_MEETING", Days.between(s.route().interdisciplinaryDecidedOn(), today)));
        }
        for (EffortFact effort : s.efforts()) {
            if (effort.isWaiting()) {
                counts.add(Map.entry(effort.type().equals("ADDICTION_TREATMENT") ? "WAIT_SERVICE_ADDICTION_TREATMENT" : "WAIT_SERVICE",
                        Days.between(effort.requestedOn(), today)));
            }
        }
        if (List.of("NETWORK_MEETING", "INTERNSHIP", "FOLLOW_UP").contains(s.caseFacts().stage()) && s.route().lastActivityOn() != null) {
            counts.add(Map.entry("GAP_NO_ACTIVE_EFFORT", Days.between(s.route().lastActivityOn(), today)));
        }
        s.agreements().stream().filter(a -> !a.done()).forEach(a -> counts.add(Map.entry("AGREEMENT_OVERDUE", Days.between(a.due(), today))));
        for (DepartmentFact department : s.departments()) {
            if ("SUGGESTED".equals(department.status()) && department.suggestedOn() != null) {
                counts.add(Map.entry("SUGGESTION_UNANSWERED", Days.between(department.suggestedOn(), today)));
            }
        }
        return counts;
    }

    /** The active thresholds as a DMN 1.3 decision table: code equal and days over the threshold give its severity. */
    private static String decisionTable(RuleSet active) {
        StringBuilder rules = new StringBuilder();
        int n = 0;
        for (Threshold threshold : active.thresholds().all()) {
            if (threshold.code().equals("TRANSITION_AT_18") || threshold.code().equals("CONSENT_MISSING")) {
                continue;
            }
            n++;
            rules.append("""
                    <rule id="r%d"><inputEntry id="c%d"><text>"%s"</text></inputEntry><inputEntry id="d%d"><text>&gt; %d</text></inputEntry>
                      <outputEntry id="o%d"><text>"%s"</text></outputEntry></rule>
                    """.formatted(n, n, threshold.code(), n, threshold.days(), n, threshold.severity()));
        }
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="tvaers-thresholds" name="Grænser" namespace="http://tvaers.dk/dmn">
                  <decision id="thresholds" name="Alarmgrænser">
                    <decisionTable id="table" hitPolicy="UNIQUE">
                      <input id="code" label="Grænse"><inputExpression id="codeExpression" typeRef="string"><text>code</text></inputExpression></input>
                      <input id="days" label="Dage"><inputExpression id="daysExpression" typeRef="long"><text>days</text></inputExpression></input>
                      <output id="severity" name="severity" typeRef="string"/>
                      %s
                    </decisionTable>
                  </decision>
                </definitions>""".formatted(rules);
    }
}
