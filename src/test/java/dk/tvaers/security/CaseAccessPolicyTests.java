package dk.tvaers.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.AccessDeniedException;

/** Who may change a case, in the one place every door asks. */
class CaseAccessPolicyTests {

    private final CaseAccessPolicy policy = new CaseAccessPolicy(Clock.systemUTC(), null);

    @Test
    void theJobcentreAndTheAdministratorsChangeCasesNobodyElse() {
        assertThat(policy.canChange(new CurrentUser("koordinator", Set.of("JOBCENTER", "coordinators")))).isTrue();
        assertThat(policy.canChange(new CurrentUser("admin", Set.of("camunda-admin")))).isTrue();
        for (String group : new String[] {"UU", "FAMILY", "ADDICTION", "leaders", "process-owners", "coordinators", "youth-team"}) {
            CurrentUser user = new CurrentUser("x", Set.of(group));
            assertThat(policy.canChange(user)).as(group).isFalse();
            assertThatThrownBy(() -> policy.requireChange(user)).isInstanceOf(AccessDeniedException.class)
                    .hasMessage("Kun jobcentrets medarbejdere kan ændre sagen");
        }
    }
}
