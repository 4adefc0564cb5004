package dk.tvaers.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.tvaers.support.Route;
import dk.tvaers.support.TvaersTest;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@TvaersTest
class ReferralTests {

    @Autowired CaseFiles caseFiles;
    @Autowired RuntimeService runtime;

    private static Referral referral(String ref, String note) {
        return new Referral(ref, "Sara Test", Route.cprForAge(17), Department.JOBCENTER, Route.today().minusDays(1),
                Set.of(Flag.DROPPED_OUT), note, null);
    }

    @Test
    void theSameReferralAgainGivesTheSameCaseAndOneRoute() {
        Referral referral = referral("REF-" + System.nanoTime(), "første");
        CaseFiles.Referred first = caseFiles.refer(referral);
        CaseFiles.Referred again = caseFiles.refer(referral);
        assertThat(first.created()).isTrue();
        assertThat(again.created()).isFalse();
        assertThat(again.caseFile().id()).isEqualTo(first.caseFile().id());
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(first.caseFile().id()).processDefinitionKey("CaseRouteProcess").count())
                .isEqualTo(1);
    }

    @Test
    void theSameKeyWithOtherContentIsAConflict() {
        Referral referral = referral("REF-" + System.nanoTime(), "første");
        caseFiles.refer(referral);
        Referral changed = new Referral(referral.externalRef(), referral.citizenName(), referral.cpr(), referral.referredBy(),
                referral.referralDate(), referral.flags(), "en anden tekst", null);
        assertThatThrownBy(() -> caseFiles.refer(changed)).isInstanceOf(ReferralConflictException.class);
    }

    @Test
    void storesTheCprOnceAndShowsItMasked() {
        Referral referral = referral("REF-" + System.nanoTime(), null);
        CaseFile caseFile = caseFiles.refer(referral).caseFile();
        assertThat(caseFile.cprMasked()).isEqualTo(referral.cpr().substring(0, 6) + "-****");
        assertThat(referral.toString()).doesNotContain(referral.cpr());
        assertThat(caseFile.department(Department.FAMILY)).isPresent();
    }
}
