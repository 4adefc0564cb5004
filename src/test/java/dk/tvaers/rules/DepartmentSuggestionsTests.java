package dk.tvaers.rules;

import static dk.tvaers.rules.RulesFixtures.TODAY;
import static dk.tvaers.rules.RulesFixtures.aCase;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** rules/suggestions/department-suggestions.drl: one test per rule, and the nearest facts that must not fire it. */
class DepartmentSuggestionsTests {

    private static RuleSet rules;

    @BeforeAll
    static void build() {
        rules = RulesFixtures.ruleSetOf("suggestions/");
    }

    private static Evaluation evaluate(RulesFixtures.CaseBuilder builder) {
        return rules.evaluate(builder.build());
    }

    private static void assertSuggests(Evaluation evaluation, String department, String rule) {
        assertThat(evaluation.suggestions()).anySatisfy(s -> {
            assertThat(s.department()).isEqualTo(department);
            assertThat(s.rule()).isEqualTo(rule);
            assertThat(s.text()).isNotBlank();
        });
        assertThat(evaluation.firedRules()).contains(rule);
    }

    private static void assertDoesNotFire(Evaluation evaluation, String rule) {
        assertThat(evaluation.firedRules()).doesNotContain(rule);
        assertThat(evaluation.suggestions()).noneMatch(s -> s.rule().equals(rule));
    }

    @Test
    void shipsOneRulePerFlagAndAgeCase() {
        assertThat(rules.ruleNames("suggestions")).hasSize(18);
    }

    @Test
    void noFlagsSuggestNothingForAnAdult() {
        Evaluation evaluation = evaluate(aCase());
        assertThat(evaluation.suggestions()).isEmpty();
        assertThat(evaluation.firedRules()).isEmpty();
    }

    @Test
    void suggestsPsychiatryForMentalHealthFlag() {
        assertSuggests(evaluate(aCase().flags("MENTAL_HEALTH")), "PSYCHIATRY", "mental-health-suggests-psychiatry");
        assertDoesNotFire(evaluate(aCase().flags("PHYSICAL_HEALTH")), "mental-health-suggests-psychiatry");
    }

    @Test
    void suggestsHealthForUntreatedMentalHealth() {
        assertSuggests(evaluate(aCase().flags("MENTAL_HEALTH")), "HEALTH", "untreated-mental-health-suggests-health");
        // A psychologist only requested is no treatment yet.
        assertSuggests(evaluate(aCase().flags("MENTAL_HEALTH").effort(1, "PSYCHOLOGIST", "psykologsamtaler", TODAY.minusDays(90), null, null)),
                "HEALTH", "untreated-mental-health-suggests-health");
    }

    @Test
    void doesNotSuggestHealthWhileTreatmentRuns() {
        assertDoesNotFire(evaluate(aCase().flags("MENTAL_HEALTH")
                .effort(1, "PSYCHIATRIC_TREATMENT", "psykiatrisk behandling", TODAY.minusDays(40), TODAY.minusDays(10), null)),
                "untreated-mental-health-suggests-health");
        // Treatment that ended yesterday no longer counts.
        assertSuggests(evaluate(aCase().flags("MENTAL_HEALTH")
                .effort(1, "PSYCHOLOGIST", "psykologsamtaler", TODAY.minusDays(40), TODAY.minusDays(30), TODAY.minusDays(1))),
                "HEALTH", "untreated-mental-health-suggests-health");
    }

    @Test
    void suggestsUuForNoEducationUnder25() {
        assertSuggests(evaluate(aCase().age(24).flags("NO_EDUCATION")), "UU", "no-education-under-25-suggests-uu");
        assertDoesNotFire(evaluate(aCase().age(25).flags("NO_EDUCATION")), "no-education-under-25-suggests-uu");
    }

    @Test
    void suggestsEducationForNoEducationFrom25() {
        assertSuggests(evaluate(aCase().age(25).flags("NO_EDUCATION")), "EDUCATION", "no-education-from-25-suggests-education");
        assertDoesNotFire(evaluate(aCase().age(24).flags("NO_EDUCATION")), "no-education-from-25-suggests-education");
    }

    @Test
    void suggestsUuForDropOutUnder25() {
        assertSuggests(evaluate(aCase().age(19).flags("DROPPED_OUT")), "UU", "dropped-out-under-25-suggests-uu");
        assertDoesNotFire(evaluate(aCase().age(25).flags("DROPPED_OUT")), "dropped-out-under-25-suggests-uu");
    }

    @Test
    void suggestsEducationForEveryDropOut() {
        assertSuggests(evaluate(aCase().age(19).flags("DROPPED_OUT")), "EDUCATION", "dropped-out-suggests-education");
        assertSuggests(evaluate(aCase().age(40).flags("DROPPED_OUT")), "EDUCATION", "dropped-out-suggests-education");
        assertDoesNotFire(evaluate(aCase().age(19).flags("NO_EDUCATION")), "dropped-out-suggests-education");
    }

    @Test
    void suggestsFamilyWhenKnownInFamilyDepartment() {
        assertSuggests(evaluate(aCase().flags("KNOWN_IN_FAMILY_DEPT")), "FAMILY", "known-in-family-dept-suggests-family");
        assertDoesNotFire(evaluate(aCase().flags("CHILDREN_WITH_NEEDS")), "known-in-family-dept-suggests-family");
    }

    @Test
    void suggestsFamilyAftercareForPriorPlacementUnder23() {
        assertSuggests(evaluate(aCase().age(22).flags("PRIOR_PLACEMENT")), "FAMILY", "prior-placement-under-23-suggests-family");
        assertDoesNotFire(evaluate(aCase().age(23).flags("PRIOR_PLACEMENT")), "prior-placement-under-23-suggests-family");
    }

    @Test
    void suggestsFamilyForParentOfChildWithNeeds() {
        assertSuggests(evaluate(aCase().age(23).flags("CHILDREN_WITH_NEEDS")), "FAMILY", "children-with-needs-suggests-family");
        assertDoesNotFire(evaluate(aCase().age(23).flags("SOCIAL_ISOLATION")), "children-with-needs-suggests-family");
    }

    @Test
    void suggestsFamilyForEveryoneUnder18() {
        assertSuggests(evaluate(aCase().age(17)), "FAMILY", "under-18-suggests-family");
        assertDoesNotFire(evaluate(aCase().age(18)), "under-18-suggests-family");
    }

    @Test
    void suggestsSocialForHousing() {
        assertSuggests(evaluate(aCase().flags("HOUSING")), "SOCIAL", "housing-suggests-social");
        assertDoesNotFire(evaluate(aCase().flags("DEBT")), "housing-suggests-social");
    }

    @Test
    void suggestsSocialForIsolation() {
        assertSuggests(evaluate(aCase().flags("SOCIAL_ISOLATION")), "SOCIAL", "social-isolation-suggests-social");
        assertDoesNotFire(evaluate(aCase().flags("HOUSING")), "social-isolation-suggests-social");
    }

    @Test
    void suggestsSocialForDebt() {
        assertSuggests(evaluate(aCase().flags("DEBT")), "SOCIAL", "debt-suggests-social");
        assertDoesNotFire(evaluate(aCase().flags("HOUSING")), "debt-suggests-social");
    }

    @Test
    void suggestsAddictionForSubstanceAbuse() {
        assertSuggests(evaluate(aCase().flags("SUBSTANCE_ABUSE")), "ADDICTION", "substance-abuse-suggests-addiction");
        assertDoesNotFire(evaluate(aCase().flags("MENTAL_HEALTH")), "substance-abuse-suggests-addiction");
    }

    @Test
    void suggestsProbationForCriminalRecord() {
        assertSuggests(evaluate(aCase().flags("CRIMINAL_RECORD")), "PROBATION", "criminal-record-suggests-probation");
        assertDoesNotFire(evaluate(aCase().flags("SUBSTANCE_ABUSE")), "criminal-record-suggests-probation");
    }

    @Test
    void suggestsHealthForPhysicalHealth() {
        assertSuggests(evaluate(aCase().flags("PHYSICAL_HEALTH")), "HEALTH", "physical-health-suggests-health");
        assertDoesNotFire(evaluate(aCase().flags("DISABILITY")), "physical-health-suggests-health");
    }

    @Test
    void suggestsPsychiatryForDisability() {
        assertSuggests(evaluate(aCase().flags("DISABILITY")), "PSYCHIATRY", "disability-suggests-psychiatry");
        assertDoesNotFire(evaluate(aCase().flags("PHYSICAL_HEALTH")), "disability-suggests-psychiatry");
    }

    @Test
    void suggestsEmployerWhenReadyForInternship() {
        assertSuggests(evaluate(aCase().flags("READY_FOR_INTERNSHIP")), "EMPLOYER", "ready-for-internship-suggests-employer");
        assertDoesNotFire(evaluate(aCase().flags("NO_EDUCATION")), "ready-for-internship-suggests-employer");
    }

    @Test
    void explainsWithTheCitizensAge() {
        Evaluation evaluation = evaluate(aCase().age(19).flags("NO_EDUCATION"));
        assertThat(evaluation.suggestions()).singleElement()
                .satisfies(s -> assertThat(s.text()).isEqualTo("Borgeren er 19 år og har ingen uddannelse ud over grundskolen"));
    }

    @Test
    void suggestsViktorsFourDepartments() {
        Evaluation evaluation = evaluate(aCase().age(19).flags("MENTAL_HEALTH", "NO_EDUCATION", "SOCIAL_ISOLATION"));
        assertThat(evaluation.suggestions()).extracting(Suggestion::department)
                .containsExactlyInAnyOrder("HEALTH", "PSYCHIATRY", "SOCIAL", "UU");
    }
}
