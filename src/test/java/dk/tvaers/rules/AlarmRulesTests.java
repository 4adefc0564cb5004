package dk.tvaers.rules;

import static dk.tvaers.rules.RulesFixtures.TODAY;
import static dk.tvaers.rules.RulesFixtures.aCase;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * rules/alarms/alarms.drl with the shipped thresholds: one test per rule, at the threshold (no
 * alarm) and one day over (the alarm), and the nearest facts that must not raise it.
 */
class AlarmRulesTests {

    private static RuleSet rules;

    @BeforeAll
    static void build() {
        rules = RulesFixtures.ruleSetOf("alarms/alarms.drl");
    }

    private static List<Alarm> alarms(RulesFixtures.CaseBuilder builder, String code) {
        return rules.evaluate(builder.build()).alarms().stream().filter(a -> a.code().equals(code)).toList();
    }

    private static Evaluation evaluate(RulesFixtures.CaseBuilder builder) {
        return rules.evaluate(builder.build());
    }

    @Test
    void shipsOneRulePerAlarmCase() {
        assertThat(rules.ruleNames("alarms")).hasSize(13);
    }

    @Test
    void aFreshCaseHasNoAlarms() {
        assertThat(evaluate(aCase()).alarms()).isEmpty();
    }

    // CONSENT_MISSING

    @Test
    void raisesConsentMissingForInvolvedDepartmentWithoutConsent() {
        Evaluation evaluation = evaluate(aCase().stage("SPARRING").department("PSYCHIATRY", "INVOLVED", TODAY.minusDays(2)));
        assertThat(evaluation.alarms()).singleElement().satisfies(alarm -> {
            assertThat(alarm.code()).isEqualTo("CONSENT_MISSING");
            assertThat(alarm.rule()).isEqualTo("consent-missing-for-involved-department");
            assertThat(alarm.severity()).isEqualTo("CRITICAL");
            assertThat(alarm.subject()).isEqualTo("PSYCHIATRY");
        });
        assertThat(evaluation.firedRules()).containsExactly("consent-missing-for-involved-department");
    }

    @Test
    void noConsentAlarmWhenConsentCoversTheDepartmentOrCaseIsStillAtConsent() {
        assertThat(alarms(aCase().stage("SPARRING").department("PSYCHIATRY", "INVOLVED", TODAY).consent("CITIZEN", "PSYCHIATRY"), "CONSENT_MISSING")).isEmpty();
        assertThat(alarms(aCase().stage("CONSENT").department("PSYCHIATRY", "INVOLVED", TODAY), "CONSENT_MISSING")).isEmpty();
        assertThat(alarms(aCase().stage("SPARRING").department("PSYCHIATRY", "SUGGESTED", TODAY), "CONSENT_MISSING")).isEmpty();
        assertThat(alarms(aCase().stage("SPARRING").department("JOBCENTER", "INVOLVED", TODAY), "CONSENT_MISSING")).isEmpty();
        // Consent for another department does not cover this one.
        assertThat(alarms(aCase().stage("SPARRING").department("PSYCHIATRY", "INVOLVED", TODAY).consent("CITIZEN", "UU"), "CONSENT_MISSING")).hasSize(1);
    }

    @Test
    void aMinorsOwnConsentAtTheConsentStepIsConsentMissingAtOnce() {
        List<Alarm> alarms = alarms(aCase().age(17).stage("CONSENT").consent("CITIZEN", "UU"), "CONSENT_MISSING");
        assertThat(alarms).singleElement().satisfies(alarm -> {
            assertThat(alarm.rule()).isEqualTo("citizen-consent-under-18-covers-nothing");
            assertThat(alarm.text()).contains("17 år").contains("dækker intet");
        });
        assertThat(alarms(aCase().age(17).stage("CONSENT").consent("CUSTODY_HOLDER", "UU"), "CONSENT_MISSING")).isEmpty();
        assertThat(alarms(aCase().age(18).stage("CONSENT").consent("CITIZEN", "UU"), "CONSENT_MISSING")).isEmpty();
    }

    @Test
    void raisesConsentMissingUnder18WithoutCustodyHolder() {
        List<Alarm> alarms = alarms(aCase().age(17).stage("SPARRING").consent("CITIZEN", "UU"), "CONSENT_MISSING");
        assertThat(alarms).singleElement().satisfies(alarm -> {
            assertThat(alarm.rule()).isEqualTo("consent-missing-from-custody-holder-under-18");
            assertThat(alarm.text()).contains("17 år").contains("forældremyndighedsindehaveren");
        });
        assertThat(alarms(aCase().age(17).stage("SPARRING").consent("CUSTODY_HOLDER", "UU"), "CONSENT_MISSING")).isEmpty();
        assertThat(alarms(aCase().age(18).stage("SPARRING"), "CONSENT_MISSING")).isEmpty();
        assertThat(alarms(aCase().age(17).stage("CONSENT"), "CONSENT_MISSING")).isEmpty();
    }

    // NO_COORDINATOR: 5 days

    @Test
    void raisesNoCoordinatorFromTheSixthDay() {
        assertThat(alarms(aCase().withoutCoordinator().referredDaysAgo(5), "NO_COORDINATOR")).isEmpty();
        assertThat(alarms(aCase().withoutCoordinator().referredDaysAgo(6), "NO_COORDINATOR")).singleElement().satisfies(alarm -> {
            assertThat(alarm.rule()).isEqualTo("no-coordinator-after-referral");
            assertThat(alarm.since()).isEqualTo(TODAY);
            assertThat(alarm.text()).isEqualTo("Ingen koordinerende sagsbehandler 6 dage efter henvisningen; grænsen er 5");
        });
        assertThat(alarms(aCase().referredDaysAgo(60), "NO_COORDINATOR")).isEmpty();
    }

    // WAIT_SPARRING: 14 days

    @Test
    void raisesWaitSparringFromTheFifteenthDay() {
        assertThat(alarms(aCase().stage("SPARRING").referredDaysAgo(14), "WAIT_SPARRING")).isEmpty();
        assertThat(alarms(aCase().stage("SPARRING").referredDaysAgo(15), "WAIT_SPARRING")).singleElement().satisfies(alarm -> {
            assertThat(alarm.rule()).isEqualTo("referral-waits-for-youth-team-sparring");
            assertThat(alarm.since()).isEqualTo(TODAY);
        });
        assertThat(alarms(aCase().stage("SPARRING").referredDaysAgo(40).sparringHeldOn(TODAY.minusDays(1)), "WAIT_SPARRING")).isEmpty();
        assertThat(alarms(aCase().stage("NETWORK_MEETING").referredDaysAgo(40), "WAIT_SPARRING")).isEmpty();
    }

    // WAIT_NETWORK_MEETING: 21 days

    @Test
    void raisesWaitNetworkMeetingFromTheTwentySecondDay() {
        assertThat(alarms(aCase().stage("NETWORK_MEETING").interdisciplinaryDecidedOn(TODAY.minusDays(21)), "WAIT_NETWORK_MEETING")).isEmpty();
        assertThat(alarms(aCase().stage("NETWORK_MEETING").interdisciplinaryDecidedOn(TODAY.minusDays(22)), "WAIT_NETWORK_MEETING"))
                .singleElement().satisfies(alarm -> assertThat(alarm.rule()).isEqualTo("interdisciplinary-decision-waits-for-network-meeting"));
        assertThat(alarms(aCase().stage("FOLLOW_UP").interdisciplinaryDecidedOn(TODAY.minusDays(40)).networkMeetingOn(TODAY.minusDays(30)), "WAIT_NETWORK_MEETING")).isEmpty();
        // A meeting held before the (new) decision does not count.
        assertThat(alarms(aCase().stage("NETWORK_MEETING").interdisciplinaryDecidedOn(TODAY.minusDays(30)).networkMeetingOn(TODAY.minusDays(60)), "WAIT_NETWORK_MEETING")).hasSize(1);
    }

    // WAIT_SERVICE: 30 days, 14 for addiction treatment

    @Test
    void raisesWaitServiceFromTheThirtyFirstDay() {
        assertThat(alarms(aCase().effort(7, "PSYCHOLOGIST", "psykologsamtaler", TODAY.minusDays(30), null, null), "WAIT_SERVICE")).isEmpty();
        assertThat(alarms(aCase().effort(7, "PSYCHOLOGIST", "psykologsamtaler", TODAY.minusDays(31), null, null), "WAIT_SERVICE"))
                .singleElement().satisfies(alarm -> {
                    assertThat(alarm.rule()).isEqualTo("requested-effort-waits-to-start");
                    assertThat(alarm.subject()).isEqualTo("effort-7");
                    assertThat(alarm.text()).isEqualTo("Venter på psykologsamtaler i 31 dage; grænsen er 30");
                });
        assertThat(alarms(aCase().effort(7, "PSYCHOLOGIST", "psykologsamtaler", TODAY.minusDays(152), TODAY.minusDays(1), null), "WAIT_SERVICE")).isEmpty();
    }

    @Test
    void explainsViktorsWaitForAPsychologist() {
        assertThat(alarms(aCase().effort(7, "PSYCHOLOGIST", "psykologsamtaler", TODAY.minusDays(152), null, null), "WAIT_SERVICE"))
                .singleElement().satisfies(alarm -> assertThat(alarm.text()).isEqualTo("Venter på psykologsamtaler i 152 dage; grænsen er 30"));
    }

    @Test
    void raisesWaitServiceForAddictionTreatmentFromTheFifteenthDay() {
        assertThat(alarms(aCase().effort(8, "ADDICTION_TREATMENT", "stof- og alkoholbehandling", TODAY.minusDays(14), null, null), "WAIT_SERVICE")).isEmpty();
        assertThat(alarms(aCase().effort(8, "ADDICTION_TREATMENT", "stof- og alkoholbehandling", TODAY.minusDays(15), null, null), "WAIT_SERVICE"))
                .singleElement().satisfies(alarm -> {
                    assertThat(alarm.rule()).isEqualTo("addiction-treatment-waits-beyond-treatment-guarantee");
                    assertThat(alarm.severity()).isEqualTo("CRITICAL");
                    assertThat(alarm.text()).contains("behandlingsgarantien giver 14 dage");
                });
    }

    @Test
    void raisesOneWaitServicePerWaitingEffort() {
        assertThat(alarms(aCase()
                .effort(1, "PSYCHOLOGIST", "psykologsamtaler", TODAY.minusDays(40), null, null)
                .effort(2, "HOUSING_SUPPORT", "bostøtte", TODAY.minusDays(50), null, null), "WAIT_SERVICE"))
                .extracting(Alarm::subject).containsExactlyInAnyOrder("effort-1", "effort-2");
    }

    // GAP_NO_ACTIVE_EFFORT: 14 days

    @Test
    void raisesGapFromTheFifteenthDayWithoutEffortOrNextStep() {
        assertThat(alarms(aCase().stage("FOLLOW_UP").lastActivityOn(TODAY.minusDays(14)), "GAP_NO_ACTIVE_EFFORT")).isEmpty();
        assertThat(alarms(aCase().stage("FOLLOW_UP").lastActivityOn(TODAY.minusDays(15)), "GAP_NO_ACTIVE_EFFORT"))
                .singleElement().satisfies(alarm -> assertThat(alarm.rule()).isEqualTo("no-active-effort-and-no-next-step"));
    }

    @Test
    void noGapWhileAnEffortRunsOrANextStepIsScheduled() {
        assertThat(alarms(aCase().stage("FOLLOW_UP").lastActivityOn(TODAY.minusDays(40))
                .effort(1, "MENTOR", "mentor", TODAY.minusDays(60), TODAY.minusDays(50), null), "GAP_NO_ACTIVE_EFFORT")).isEmpty();
        assertThat(alarms(aCase().stage("FOLLOW_UP").lastActivityOn(TODAY.minusDays(40)).nextStepOn(TODAY.plusDays(3)), "GAP_NO_ACTIVE_EFFORT")).isEmpty();
        assertThat(alarms(aCase().stage("FOLLOW_UP").lastActivityOn(TODAY.minusDays(40)).nextStepOn(TODAY.minusDays(3)), "GAP_NO_ACTIVE_EFFORT")).hasSize(1);
        assertThat(alarms(aCase().stage("SPARRING").lastActivityOn(TODAY.minusDays(40)), "GAP_NO_ACTIVE_EFFORT")).isEmpty();
    }

    // AGREEMENT_OVERDUE: 1 day

    @Test
    void raisesAgreementOverdueFromTheSecondDayPastDeadline() {
        assertThat(alarms(aCase().agreement(3, TODAY.minusDays(1), false), "AGREEMENT_OVERDUE")).isEmpty();
        assertThat(alarms(aCase().agreement(3, TODAY.minusDays(2), false), "AGREEMENT_OVERDUE")).singleElement().satisfies(alarm -> {
            assertThat(alarm.rule()).isEqualTo("agreement-past-its-deadline");
            assertThat(alarm.subject()).isEqualTo("agreement-3");
            assertThat(alarm.text()).contains("»Ring til lægen«").contains("koordinator").contains("2 dage over fristen");
        });
        assertThat(alarms(aCase().agreement(3, TODAY.minusDays(20), true), "AGREEMENT_OVERDUE")).isEmpty();
    }

    // NO_FOLLOW_UP: 14 days

    @Test
    void raisesNoFollowUpFromTheFifteenthDayAfterAnEffortEnded() {
        assertThat(alarms(aCase().stage("FOLLOW_UP").effort(4, "INTERNSHIP", "virksomhedspraktik", TODAY.minusDays(80), TODAY.minusDays(70), TODAY.minusDays(14)), "NO_FOLLOW_UP")).isEmpty();
        assertThat(alarms(aCase().stage("FOLLOW_UP").effort(4, "INTERNSHIP", "virksomhedspraktik", TODAY.minusDays(80), TODAY.minusDays(70), TODAY.minusDays(15)), "NO_FOLLOW_UP"))
                .singleElement().satisfies(alarm -> {
                    assertThat(alarm.rule()).isEqualTo("ended-effort-without-follow-up");
                    assertThat(alarm.text()).contains("virksomhedspraktik");
                });
        assertThat(alarms(aCase().stage("FOLLOW_UP").followUpOn(TODAY.minusDays(10))
                .effort(4, "INTERNSHIP", "virksomhedspraktik", TODAY.minusDays(80), TODAY.minusDays(70), TODAY.minusDays(15)), "NO_FOLLOW_UP")).isEmpty();
        assertThat(alarms(aCase().stage("FOLLOW_UP").followUpOn(TODAY.minusDays(20))
                .effort(4, "INTERNSHIP", "virksomhedspraktik", TODAY.minusDays(80), TODAY.minusDays(70), TODAY.minusDays(15)), "NO_FOLLOW_UP")).hasSize(1);
    }

    // SUGGESTION_UNANSWERED: 10 days

    @Test
    void raisesSuggestionUnansweredFromTheEleventhDay() {
        assertThat(alarms(aCase().department("UU", "SUGGESTED", TODAY.minusDays(10)), "SUGGESTION_UNANSWERED")).isEmpty();
        assertThat(alarms(aCase().department("UU", "SUGGESTED", TODAY.minusDays(11)), "SUGGESTION_UNANSWERED")).singleElement().satisfies(alarm -> {
            assertThat(alarm.rule()).isEqualTo("suggested-department-unanswered");
            assertThat(alarm.severity()).isEqualTo("INFO");
            assertThat(alarm.subject()).isEqualTo("UU");
        });
        assertThat(alarms(aCase().department("UU", "DECLINED", TODAY.minusDays(30)), "SUGGESTION_UNANSWERED")).isEmpty();
    }

    // TRANSITION_AT_18: 90 days before

    @Test
    void raisesTransitionAt18FromNinetyDaysBefore() {
        assertThat(alarms(aCase().turns18On(TODAY.plusDays(91)).department("FAMILY", "INVOLVED", TODAY.minusDays(100)), "TRANSITION_AT_18")).isEmpty();
        assertThat(alarms(aCase().turns18On(TODAY.plusDays(90)).department("FAMILY", "INVOLVED", TODAY.minusDays(100)), "TRANSITION_AT_18"))
                .singleElement().satisfies(alarm -> {
                    assertThat(alarm.rule()).isEqualTo("family-department-involved-as-citizen-turns-18");
                    assertThat(alarm.since()).isEqualTo(TODAY);
                });
        assertThat(alarms(aCase().turns18On(TODAY.plusDays(30)).department("FAMILY", "SUGGESTED", TODAY.minusDays(1)), "TRANSITION_AT_18")).isEmpty();
        assertThat(alarms(aCase().turns18On(TODAY).department("FAMILY", "INVOLVED", TODAY.minusDays(100)), "TRANSITION_AT_18")).isEmpty();
    }

    @Test
    void aLeadersNewThresholdMovesTheEdge() {
        RuleSet tuned = RuleSetBuilder.build(rules.sources(), rules.thresholds().withDays(java.util.Map.of("WAIT_SPARRING", 10)), 2, "leder", TODAY.atStartOfDay().toInstant(java.time.ZoneOffset.UTC));
        assertThat(tuned.evaluate(aCase().stage("SPARRING").referredDaysAgo(11).build()).alarms()).extracting(Alarm::code).contains("WAIT_SPARRING");
        assertThat(tuned.evaluate(aCase().stage("SPARRING").referredDaysAgo(10).build()).alarms()).extracting(Alarm::code).doesNotContain("WAIT_SPARRING");
    }
}
