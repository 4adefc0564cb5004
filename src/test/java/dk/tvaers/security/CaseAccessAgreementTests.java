package dk.tvaers.security;

import static org.assertj.core.api.Assertions.assertThat;

import dk.tvaers.casefile.CaseFiles;
import dk.tvaers.casefile.CaseVisibility;
import dk.tvaers.support.Api;
import dk.tvaers.support.Route;
import dk.tvaers.support.TvaersTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The access policy has two forms, Java for a single read ({@code canSee}) and SQL for lists
 * ({@code sql}); on every case of the access matrix (adult and minor; no consent, the citizen's, the
 * custody holder's, withdrawn; a department involved, declined or only suggested) and for every demo
 * user they must say the same.
 */
@TvaersTest
class CaseAccessAgreementTests {

    private static final List<String> USERS = List.of("koordinator", "ungeteam", "virksomhed", "uu", "familie", "misbrug", "leder",
            "procesejer", "admin");

    @Autowired Api api;
    @Autowired CaseAccessPolicy policy;
    @Autowired CaseFiles caseFiles;
    @Autowired IdentityService identity;
    @Autowired JdbcClient jdbc;

    @Test
    void theJavaAndTheSqlFormAgreeOnEveryCaseForEveryUser() {
        List<String> cases = new ArrayList<>();
        for (int age : new int[] {16, 30}) {
            for (String giver : new String[] {null, "CITIZEN", "CUSTODY_HOLDER"}) {
                for (boolean withdrawn : giver == null ? new boolean[] {false} : new boolean[] {false, true}) {
                    for (String uu : new String[] {"INVOLVE", "DECLINE", null}) {
                        cases.add(aCase(age, giver, withdrawn, uu));
                    }
                }
            }
        }
        List<String> disagreements = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (String user : USERS) {
            CurrentUser current = new CurrentUser(user, identity.createGroupQuery().groupMember(user).list().stream()
                    .map(Group::getId).collect(Collectors.toSet()));
            CaseVisibility visibility = policy.visibility(current);
            for (String id : cases) {
                boolean java = policy.canSee(current, caseFiles.find(id).orElseThrow());
                boolean sql = !visibility.seesNothing() && sqlSees(id, visibility);
                if (java != sql) {
                    disagreements.add(user + " on " + id + ": canSee " + java + ", SQL " + sql);
                }
                if (java) {
                    seen.merge(user, 1, Integer::sum);
                }
            }
        }
        assertThat(disagreements).isEmpty();
        // The matrix is not trivial: each kind of user sees some and not all of it, as the rule says.
        assertThat(seen.get("koordinator")).isEqualTo(cases.size());
        assertThat(seen.getOrDefault("leder", 0)).isZero();
        assertThat(seen.get("uu")).isBetween(1, cases.size() - 1);
        assertThat(seen.get("familie")).isBetween(1, cases.size() - 1);
    }

    private boolean sqlSees(String id, CaseVisibility visibility) {
        CaseAccessPolicy.SqlCondition condition = CaseAccessPolicy.sql(visibility);
        var query = jdbc.sql("select count(*) from case_file c where c.id = :id" + condition.sql()).param("id", id);
        for (var param : condition.params().entrySet()) {
            query = query.param(param.getKey(), param.getValue());
        }
        return query.query(Long.class).single() == 1;
    }

    /** A case where FAMILY is involved and UU involved, declined or only suggested, with the given consent. */
    private String aCase(int age, String giver, boolean withdrawn, String uu) {
        String id = api.post("koordinator", "/api/cases", Map.of("externalRef", "AGREE-" + System.nanoTime(),
                "citizen", Map.of("cpr", Route.cprForAge(age), "name", "Aftale Test"), "referredBy", "JOBCENTER",
                "referralDate", Route.today().toString(), "flags", List.of("NO_EDUCATION", "KNOWN_IN_FAMILY_DEPT"))).body().get("id").asText();
        api.post("koordinator", "/api/cases/" + id + "/departments/FAMILY", Map.of("decision", "INVOLVE"));
        if (uu != null) {
            api.post("koordinator", "/api/cases/" + id + "/departments/UU", "DECLINE".equals(uu)
                    ? Map.of("decision", "DECLINE", "reason", "Ikke relevant nu") : Map.of("decision", "INVOLVE"));
        }
        if (giver != null) {
            assertThat(api.post("koordinator", "/api/cases/" + id + "/consents", Map.of("givenBy", giver, "departments", List.of("UU", "FAMILY"),
                    "givenOn", Route.today().toString())).status()).isEqualTo(201);
            if (withdrawn) {
                assertThat(api.post("koordinator", "/api/cases/" + id + "/consents/withdraw", Map.of("withdrawnOn", Route.today().toString()))
                        .status()).isEqualTo(200);
            }
        }
        return id;
    }
}
