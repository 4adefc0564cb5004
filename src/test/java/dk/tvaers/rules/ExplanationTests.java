package dk.tvaers.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** "Why not": for each rule that could suggest a department, its conditions checked on the case, the nearest miss first failing. */
class ExplanationTests {

    static RuleSet rules;

    @BeforeAll
    static void compile() {
        rules = RuleSetBuilder.build(RuleSetBuilder.readFolder(RulesFixtures.RULES), 1, "test", Instant.EPOCH);
    }

    private static Explanation.RuleExplanation rule(Explanation explanation, String name) {
        return explanation.rules().stream().filter(r -> r.rule().name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void aTwentySixYearOldWithoutEducationIsNotSuggestedToUuBecauseOfTheAge() {
        Explanation uu = rules.explain(RulesFixtures.aCase().age(26).flags("NO_EDUCATION").build(), "UU");
        assertThat(uu.suggested()).isFalse();
        assertThat(uu.rules()).extracting(r -> r.rule().name())
                .containsExactlyInAnyOrder("no-education-under-25-suggests-uu", "dropped-out-under-25-suggests-uu");
        Explanation.RuleExplanation noEducation = rule(uu, "no-education-under-25-suggests-uu");
        assertThat(noEducation.fired()).isFalse();
        assertThat(noEducation.conditions()).containsExactly(
                new Explanation.Condition(Explanation.Kind.FLAG, "NO_EDUCATION", "true", true),
                new Explanation.Condition(Explanation.Kind.AGE_UNDER, "25", "26", false));
        assertThat(noEducation.firstFailing()).hasValueSatisfying(c -> assertThat(c.kind()).isEqualTo(Explanation.Kind.AGE_UNDER));
        assertThat(rule(uu, "dropped-out-under-25-suggests-uu").firstFailing())
                .hasValueSatisfying(c -> assertThat(c.required()).isEqualTo("DROPPED_OUT"));
    }

    @Test
    void aSuggestedDepartmentNamesTheRuleThatFired() {
        Explanation uu = rules.explain(RulesFixtures.aCase().age(22).flags("NO_EDUCATION").build(), "UU");
        assertThat(uu.suggested()).isTrue();
        assertThat(rule(uu, "no-education-under-25-suggests-uu").fired()).isTrue();
        assertThat(rule(uu, "no-education-under-25-suggests-uu").conditions()).allSatisfy(c -> assertThat(c.holds()).isTrue());
    }

    @Test
    void aDrlRulesConditionsAreCheckedOneByOne() {
        Explanation treated = rules.explain(RulesFixtures.aCase().flags("MENTAL_HEALTH")
                .effort(1, "PSYCHOLOGIST", "Psykolog", RulesFixtures.TODAY.minusDays(20), RulesFixtures.TODAY.minusDays(10), null).build(), "HEALTH");
        Explanation.RuleExplanation untreated = rule(treated, "untreated-mental-health-suggests-health");
        assertThat(untreated.fired()).isFalse();
        assertThat(untreated.conditions()).extracting(Explanation.Condition::holds).containsExactly(true, false);
        assertThat(untreated.firstFailing()).hasValueSatisfying(c ->
                assertThat(c.required()).isEqualTo("ingen psykiatrisk behandling eller psykolog er i gang"));

        // Without the flag the first condition fails, and the second is still checked on its own.
        Explanation noFlag = rules.explain(RulesFixtures.aCase().build(), "HEALTH");
        assertThat(rule(noFlag, "untreated-mental-health-suggests-health").conditions()).extracting(Explanation.Condition::holds)
                .containsExactly(false, true);
        assertThat(rule(noFlag, "physical-health-suggests-health").conditions()).extracting(Explanation.Condition::holds).containsExactly(false);
    }
}
