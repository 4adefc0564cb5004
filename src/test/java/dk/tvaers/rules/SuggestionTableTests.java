package dk.tvaers.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The leaders' suggestion table: read from a spreadsheet or CSV, every problem named by its sheet row. */
class SuggestionTableTests {

    private static List<RuleSource> shippedWithout(String name) {
        return RuleSetBuilder.readFolder(RulesFixtures.RULES).stream().filter(s -> !s.name().equals(name)).toList();
    }

    private static byte[] xlsx(String... rows) {
        return SuggestionTableFixture.xlsx(rows);
    }

    @Test
    void theShippedTableMakesEveryFlagRuleWithItsAgeAndReason() {
        RuleSet rules = RulesFixtures.ruleSetOf("suggestions/");
        assertThat(rules.rules()).filteredOn(r -> r.tableRule() != null).hasSize(17)
                .allSatisfy(r -> assertThat(r.source()).isEqualTo("suggestions/department-suggestions.xlsx"));
        assertThat(rules.rule("no-education-under-25-suggests-uu")).hasValueSatisfying(r -> {
            assertThat(r.tableRule().row()).isEqualTo(3);
            assertThat(r.tableRule().ageUnder()).isEqualTo(25);
            assertThat(r.department()).isEqualTo("UU");
        });
        Evaluation evaluation = rules.evaluate(RulesFixtures.aCase().age(22).flags("NO_EDUCATION").build());
        assertThat(evaluation.suggestions()).singleElement().satisfies(s -> {
            assertThat(s.department()).isEqualTo("UU");
            assertThat(s.text()).isEqualTo("Borgeren er 22 år og har ingen uddannelse ud over grundskolen");
        });
    }

    @Test
    void aSemicolonCsvFromDanishExcelInWindows1252Reads() {
        String csv = "Regel;Flag;Alder fra;Alder under;Afdeling;Begrundelse\r\n"
                + "gæld-foreslår-socialafdelingen;DEBT;;;SOCIAL;\"Borgeren har gæld; \"\"socialrådgiver\"\" kan hjælpe\"\r\n";
        List<RuleSource> sources = new ArrayList<>(shippedWithout("suggestions/department-suggestions.xlsx"));
        sources.add(new RuleSource("suggestions/department-suggestions.csv", csv.getBytes(Charset.forName("windows-1252"))));
        RuleSet rules = RuleSetBuilder.build(sources, 2, "test", Instant.EPOCH);
        Evaluation evaluation = rules.evaluate(RulesFixtures.aCase().flags("DEBT").build());
        assertThat(evaluation.suggestions()).singleElement().satisfies(s -> {
            assertThat(s.rule()).isEqualTo("gæld-foreslår-socialafdelingen");
            assertThat(s.text()).isEqualTo("Borgeren har gæld; \"socialrådgiver\" kan hjælpe");
        });
    }

    @Test
    void namesTheSheetRowOfEveryProblem() {
        byte[] table = xlsx("Regel;Flag;Alder fra;Alder under;Afdeling;Begrundelse",
                "god-regel;DEBT;;;SOCIAL;Gæld",
                ";DEBT;;;SOCIAL;uden navn",
                "ukendt-flag;NO_SUCH_FLAG;;;SOCIAL;hvad",
                "",
                "ukendt-afdeling;DEBT;;;NOWHERE;hvad",
                "alder-omvendt;;30;20;UU;hvad",
                "god-regel;HOUSING;;;SOCIAL;to gange");
        List<RuleSource> sources = new ArrayList<>(shippedWithout("suggestions/department-suggestions.xlsx"));
        sources.add(new RuleSource("suggestions/department-suggestions.xlsx", table));
        assertThatThrownBy(() -> RuleSetBuilder.build(sources, 2, "test", Instant.EPOCH))
                .isInstanceOfSatisfying(RuleCompilationException.class, e -> assertThat(e.problems())
                        .allSatisfy(p -> assertThat(p.file()).isEqualTo("suggestions/department-suggestions.xlsx"))
                        .extracting(RuleProblem::line, RuleProblem::message)
                        .containsExactly(
                                org.assertj.core.groups.Tuple.tuple(3, "'Regel' skal udfyldes med reglens navn"),
                                org.assertj.core.groups.Tuple.tuple(4, "ukendt flag 'NO_SUCH_FLAG'"),
                                org.assertj.core.groups.Tuple.tuple(6, "ukendt afdeling 'NOWHERE'"),
                                org.assertj.core.groups.Tuple.tuple(7, "'Alder fra' skal være mindre end 'Alder under'"),
                                org.assertj.core.groups.Tuple.tuple(8, "reglen 'god-regel' står to gange")));
    }

    @Test
    void aTableWithoutItsColumnsOrNotASpreadsheetIsRefused() {
        List<RuleSource> sources = new ArrayList<>(shippedWithout("suggestions/department-suggestions.xlsx"));
        sources.add(new RuleSource("suggestions/department-suggestions.xlsx", xlsx("Navn;Afdeling", "x;UU")));
        assertThatThrownBy(() -> RuleSetBuilder.build(sources, 2, "test", Instant.EPOCH))
                .hasMessageContaining("suggestions/department-suggestions.xlsx:1: kolonnen 'Regel' mangler i første række");
        sources.set(sources.size() - 1, new RuleSource("suggestions/department-suggestions.xlsx", "not a workbook".getBytes(StandardCharsets.UTF_8)));
        assertThatThrownBy(() -> RuleSetBuilder.build(sources, 2, "test", Instant.EPOCH))
                .hasMessageContaining("kan ikke læses som et regneark");
    }

    @Test
    void theDescriptionsOfTheDrlRulesAreRead() {
        RuleSet rules = RuleSetBuilder.build(RuleSetBuilder.readFolder(RulesFixtures.RULES), 1, "test", Instant.EPOCH);
        assertThat(rules.rules()).filteredOn(r -> r.kind() == RuleInfo.Kind.ALARM).hasSize(13)
                .allSatisfy(r -> {
                    assertThat(r.description()).as(r.name()).isNotBlank().doesNotStartWith("\"");
                    assertThat(r.threshold()).as(r.name()).isNotNull();
                    assertThat(r.source()).isEqualTo("alarms/alarms.drl");
                });
        assertThat(rules.rule("untreated-mental-health-suggests-health")).hasValueSatisfying(r -> {
            assertThat(r.department()).isEqualTo("HEALTH");
            assertThat(r.conditions()).containsExactly("borgeren har psykiske problemer", "ingen psykiatrisk behandling eller psykolog er i gang");
        });
    }
}
