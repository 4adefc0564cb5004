package dk.tvaers.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rule set as a whole: the shipped folder compiles cleanly, and broken files are named exactly. */
class RuleSetTests {

    private static List<RuleSource> shipped() {
        return RuleSetBuilder.readFolder(RulesFixtures.RULES);
    }

    private static RuleSource source(String name, String text) {
        return new RuleSource(name, text.getBytes(StandardCharsets.UTF_8));
    }

    private static RuleSource thresholds() {
        return shipped().stream().filter(RuleSource::isThresholdFile).findFirst().orElseThrow();
    }

    @Test
    void compilesTheShippedRulesWithoutWarnings() {
        assertThat(RuleSetBuilder.warnings(shipped())).isEmpty();
        RuleSet ruleSet = RuleSetBuilder.build(shipped(), 1, "test", Instant.EPOCH);
        assertThat(ruleSet.sources()).extracting(RuleSource::name)
                .containsExactly("alarms/alarms.drl", "alarms/thresholds.csv", "suggestions/department-suggestions.drl",
                        "suggestions/department-suggestions.xlsx");
        assertThat(ruleSet.ruleNames("alarms")).hasSize(13);
        assertThat(ruleSet.ruleNames("suggestions")).hasSize(18);
        assertThat(ruleSet.thresholds().days()).containsKeys(Thresholds.KNOWN_CODES.toArray(String[]::new));
    }

    @Test
    void everyAlarmCodeOfTheDomainHasARule() {
        RuleSet ruleSet = RuleSetBuilder.build(shipped(), 1, "test", Instant.EPOCH);
        String drl = shipped().stream().filter(s -> s.name().equals("alarms/alarms.drl")).findFirst().orElseThrow().text();
        for (String code : List.of("CONSENT_MISSING", "NO_COORDINATOR", "WAIT_SPARRING", "WAIT_NETWORK_MEETING", "WAIT_SERVICE",
                "GAP_NO_ACTIVE_EFFORT", "AGREEMENT_OVERDUE", "NO_FOLLOW_UP", "SUGGESTION_UNANSWERED", "TRANSITION_AT_18")) {
            assertThat(drl).contains("new Alarm(\"" + code + "\"");
            assertThat(ruleSet.thresholds().get(code)).isNotNull();
        }
    }

    @Test
    void namesFileLineAndReasonOfABrokenRule() {
        List<RuleSource> sources = new ArrayList<>(shipped());
        sources.add(source("suggestions/broken.drl", """
                package suggestions;

                import dk.tvaers.rules.CaseFacts;

                rule "a broken rule"
                when
                    CaseFacts( noSuchField == 3 )
                then
                end
                """));
        assertThatThrownBy(() -> RuleSetBuilder.build(sources, 2, "test", Instant.EPOCH))
                .isInstanceOfSatisfying(RuleCompilationException.class, e -> {
                    assertThat(e.problems()).isNotEmpty().allSatisfy(p -> assertThat(p.file()).isEqualTo("suggestions/broken.drl"));
                    assertThat(e.problems()).anySatisfy(p -> {
                        assertThat(p.line()).isEqualTo(7);
                        assertThat(p.message()).contains("noSuchField");
                    });
                    assertThat(e.getMessage()).contains("suggestions/broken.drl:7");
                });
    }

    @Test
    void namesTheLineOfASyntaxError() {
        List<RuleSource> sources = List.of(thresholds(), source("alarms/typo.drl", """
                package alarms;

                rule "missing then"
                when
                    eval(true)
                en
                """));
        assertThatThrownBy(() -> RuleSetBuilder.build(sources, 2, "test", Instant.EPOCH))
                .isInstanceOfSatisfying(RuleCompilationException.class, e -> assertThat(e.problems())
                        .anySatisfy(p -> {
                            assertThat(p.file()).isEqualTo("alarms/typo.drl");
                            assertThat(p.line()).isPositive();
                        }));
    }

    @Test
    void readsADevelopersDroolsDecisionTable() {
        String table = """
                RuleSet,suggestions
                Import,"dk.tvaers.rules.CaseFacts, dk.tvaers.rules.Suggestion"
                ,
                RuleTable Flag suggestions
                NAME,CONDITION,ACTION
                ,c : CaseFacts,
                ,"hasFlag(""$param"")","insertLogical(new Suggestion(""$param"", drools.getRule().getName(), ""fra tabellen""));"
                Navn,Markering,Afdeling
                table-debt-suggests-social,DEBT,SOCIAL
                table-housing-suggests-social,HOUSING,SOCIAL
                """;
        // A developer's Drools decision table is named x.drl.csv (x.csv is a leaders' suggestion table).
        RuleSet ruleSet = RuleSetBuilder.build(List.of(thresholds(), source("suggestions/table.drl.csv", table)), 2, "test", Instant.EPOCH);
        assertThat(ruleSet.ruleNames("suggestions")).containsExactly("table-debt-suggests-social", "table-housing-suggests-social");
        Evaluation evaluation = ruleSet.evaluate(RulesFixtures.aCase().flags("DEBT").build());
        assertThat(evaluation.suggestions()).singleElement().satisfies(s -> {
            assertThat(s.department()).isEqualTo("SOCIAL");
            assertThat(s.rule()).isEqualTo("table-debt-suggests-social");
        });
    }

    @Test
    void rejectsAThresholdFileWithUnknownCodeOrBadDays() {
        String text = thresholds().text()
                .replace("WAIT_SPARRING,14,", "WAIT_SPARRING,fjorten,")
                .concat("NO_SUCH_ALARM,3,WARNING,hvad\n");
        assertThatThrownBy(() -> Thresholds.parse(source("alarms/thresholds.csv", text)))
                .isInstanceOfSatisfying(RuleCompilationException.class, e -> {
                    assertThat(e.problems()).anySatisfy(p -> {
                        assertThat(p.line()).isEqualTo(4);
                        assertThat(p.message()).contains("helt tal");
                    });
                    assertThat(e.problems()).anySatisfy(p -> assertThat(p.message()).contains("ukendt alarmkode 'NO_SUCH_ALARM'"));
                });
    }

    @Test
    void rejectsAThresholdFileThatLeavesOutACode() {
        String text = thresholds().text().lines().filter(l -> !l.startsWith("GAP_NO_ACTIVE_EFFORT")).reduce("", (a, b) -> a + b + "\n");
        assertThatThrownBy(() -> Thresholds.parse(source("alarms/thresholds.csv", text)))
                .hasMessageContaining("mangler en grænse for alarmkoden GAP_NO_ACTIVE_EFFORT");
    }

    @Test
    void rejectsNegativeDays() {
        String text = thresholds().text().replace("NO_COORDINATOR,5,", "NO_COORDINATOR,-1,");
        assertThatThrownBy(() -> Thresholds.parse(source("alarms/thresholds.csv", text)))
                .hasMessageContaining("alarms/thresholds.csv:3").hasMessageContaining("negativt");
    }
}
