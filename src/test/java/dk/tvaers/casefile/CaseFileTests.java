package dk.tvaers.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The case file as an aggregate, without a database or an engine. */
class CaseFileTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

    private static CaseFile aCase(String cpr) {
        return new CaseFile(new Referral("REF-1", "Viktor Test", cpr, Department.JOBCENTER, TODAY.minusDays(10),
                Set.of(Flag.NO_EDUCATION), null, null), "digest", Instant.EPOCH);
    }

    @Test
    void aNewCaseStartsAtTheReferralWithTheJobcentreInvolvedAndTheCprMasked() {
        CaseFile c = aCase("0101074234");
        assertThat(c.stage()).isEqualTo(Stage.REFERRAL);
        assertThat(c.stageSince()).isEqualTo(TODAY.minusDays(10));
        assertThat(c.status()).isEqualTo(CaseStatus.ACTIVE);
        assertThat(c.department(Department.JOBCENTER)).get().extracting(DepartmentInvolvement::status).isEqualTo(InvolvementStatus.INVOLVED);
        assertThat(c.cprMasked()).isEqualTo("010107-****");
        assertThat(c.birthDate()).as("7th digit 4, year 07: 2007 by the century rule").isEqualTo(LocalDate.of(2007, 1, 1));
        assertThat(c.ageOn(TODAY)).isEqualTo(19);
        assertThat(aCase("0101071234").ageOn(TODAY)).as("7th digit 1: born 1907").isEqualTo(119);
        assertThat(aCase("0212084234").ageOn(TODAY)).as("18 tomorrow").isEqualTo(17);
    }

    @Test
    void aSuggestionNoRuleMakesAnyMoreGoesUnlessSomeoneAnsweredIt() {
        CaseFile c = aCase("0101074234");
        Reason reason = new Reason("no-education-to-uu", "Ingen uddannelse");
        c.applySuggestions(Map.of(Department.UU, List.of(reason), Department.FAMILY, List.of(reason)), 1, TODAY);
        assertThat(c.department(Department.UU)).get().extracting(DepartmentInvolvement::status).isEqualTo(InvolvementStatus.SUGGESTED);
        c.decide(Department.FAMILY, false, "Ikke relevant", TODAY, "koordinator");
        c.applySuggestions(Map.of(), 1, TODAY);
        assertThat(c.department(Department.UU)).as("unanswered: gone").isEmpty();
        assertThat(c.department(Department.FAMILY)).get().extracting(DepartmentInvolvement::status).isEqualTo(InvolvementStatus.DECLINED);
        assertThat(c.department(Department.JOBCENTER)).isPresent();
    }

    @Test
    void aConsentIsValidFromItsDayUntilItIsWithdrawn() {
        CaseFile c = aCase("0101074234");
        assertThatThrownBy(() -> c.withdrawConsent(TODAY)).as("nothing to withdraw").isInstanceOf(CaseRuleException.class)
                .extracting(e -> ((CaseRuleException) e).violations().get(0).code()).isEqualTo("nothingToWithdraw");
        c.giveConsent(ConsentGiver.CITIZEN, Set.of(Department.UU), TODAY.minusDays(3));
        assertThat(c.validConsentOn(TODAY.minusDays(4))).isEmpty();
        assertThat(c.validConsentOn(TODAY)).get().satisfies(k -> assertThat(k.covers(Department.UU)).isTrue());
        c.withdrawConsent(TODAY);
        assertThat(c.validConsentOn(TODAY)).isEmpty();
        assertThat(c.validConsentOn(TODAY.minusDays(1))).isPresent();
        assertThatThrownBy(() -> c.withdrawConsent(TODAY)).as("already withdrawn").isInstanceOf(CaseRuleException.class);
    }

    @Test
    void movingToTheSameStageIsNoMoveAndClosingEndsTheRoute() {
        CaseFile c = aCase("0101074234");
        assertThat(c.moveTo(Stage.CONSENT, TODAY)).isTrue();
        assertThat(c.moveTo(Stage.CONSENT, TODAY.plusDays(1))).isFalse();
        assertThat(c.stageSince()).isEqualTo(TODAY);
        c.close(Outcome.JOB, TODAY);
        assertThat(c.status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(c.stage()).isEqualTo(Stage.CLOSED);
        assertThat(c.outcome()).contains(Outcome.JOB);
        assertThat(c.closedOn()).contains(TODAY);
        assertThat(c.isActive()).isFalse();
    }

    @Test
    void theJobcentreIsNeverDeclinedAndARefusalChangesNothing() {
        CaseFile c = aCase("0101074234");
        assertThatThrownBy(() -> c.decide(Department.JOBCENTER, false, "Ikke relevant", TODAY, "koordinator"))
                .isInstanceOf(CaseRuleException.class).satisfies(e -> assertThat(((CaseRuleException) e).isStateRule()).isTrue());
        assertThat(c.department(Department.JOBCENTER)).get().extracting(DepartmentInvolvement::status).isEqualTo(InvolvementStatus.INVOLVED);
    }

    @Test
    void anEffortsDatesRunRequestStartEndAndAMoveIsHeldToTheSameRule() {
        CaseFile c = aCase("0101074234");
        assertThat(violations(() -> c.addEffort(EffortType.ADDICTION_TREATMENT, Department.ADDICTION, TODAY, TODAY.minusDays(1), null, null)))
                .containsExactly("startedOn:beforeRequested");
        assertThat(violations(() -> c.addEffort(EffortType.ADDICTION_TREATMENT, Department.ADDICTION, TODAY.minusDays(5), null, TODAY, null)))
                .containsExactly("endedOn:endBeforeStarted");
        assertThat(violations(() -> c.addEffort(EffortType.ADDICTION_TREATMENT, Department.ADDICTION, TODAY.minusDays(9), TODAY.minusDays(2),
                TODAY.minusDays(3), null))).containsExactly("endedOn:beforeStarted");
        assertThat(c.efforts()).as("a refused effort is not added").isEmpty();

        Effort effort = c.addEffort(EffortType.ADDICTION_TREATMENT, Department.ADDICTION, TODAY.minusDays(9), null, null, null);
        assertThat(violations(() -> effort.end(TODAY))).containsExactly("endedOn:endBeforeStarted");
        assertThat(violations(() -> effort.start(TODAY.minusDays(10)))).containsExactly("startedOn:beforeRequestedOn");
        effort.start(TODAY.minusDays(4));
        assertThat(violations(() -> effort.end(TODAY.minusDays(5)))).containsExactly("endedOn:beforeStartedOn");
        effort.end(TODAY);
        assertThat(effort.startedOn()).contains(TODAY.minusDays(4));
        assertThat(effort.endedOn()).contains(TODAY);
        assertThat(effort.moveProblems(null, null)).isEmpty();
    }

    private static List<String> violations(Runnable change) {
        try {
            change.run();
        } catch (CaseRuleException e) {
            return e.violations().stream().map(v -> v.field() + ":" + v.code()).toList();
        }
        return List.of();
    }
}
