package dk.tvaers.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.tvaers.support.Api;
import dk.tvaers.support.Route;
import dk.tvaers.support.TvaersTest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Property: whatever malformed body arrives at a write endpoint (a referral, a task's completion, an
 * effort, a consent, a department's decision), the answer is a 4xx problem+json and the database is
 * unchanged. Bodies are generated with jqwik's arbitraries (a valid body with one or more breaking
 * mutations), and sent over real HTTP. 150 a endpoint in the default build; the fault profile sends
 * 10,000 ({@code tvaers.malformed.tries}, MalformedInputAtVolumeTests).
 */
@TvaersTest
class MalformedInputPropertyTests {

    private static final int TRIES = Integer.getInteger("tvaers.malformed.tries", 150);

    @Autowired Api api;
    @Autowired JdbcClient jdbc;
    @Autowired ObjectMapper json;

    private long rows(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    private Map<String, Long> snapshot() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : List.of("case_file", "case_flag", "consent", "effort", "meeting", "agreement", "case_event", "case_alarm", "act_ru_task")) {
            counts.put(table, rows(table));
        }
        return counts;
    }

    /** Values that break a field: wrong types, empty, too long, nonsense codes and dates. */
    private static Arbitrary<Object> breaking() {
        return Arbitraries.oneOf(
                Arbitraries.just(null),
                Arbitraries.integers().map(i -> (Object) i),
                Arbitraries.just(true),
                Arbitraries.just(List.of(1, 2)),
                Arbitraries.just(Map.of("x", 1)),
                Arbitraries.just(""),
                Arbitraries.strings().ofMinLength(1).ofMaxLength(30).map(s -> (Object) s),
                Arbitraries.strings().withChars('0', '9').ofLength(10).filter(s -> !validCpr(s)).map(s -> (Object) s),
                Arbitraries.just("2026-13-45"),
                Arbitraries.just(Route.today().plusDays(5).toString()),
                Arbitraries.strings().alpha().ofLength(5000).map(s -> (Object) s));
    }

    private static boolean validCpr(String s) {
        try {
            dk.tvaers.casefile.Cpr.parse(s);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static Map<String, Object> validReferral() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("externalRef", "PROP-" + System.nanoTime());
        body.put("citizen", new LinkedHashMap<>(Map.of("cpr", Route.cprForAge(30), "name", "Egenskab Test")));
        body.put("referredBy", "JOBCENTER");
        body.put("referralDate", Route.today().toString());
        body.put("flags", List.of("DEBT"));
        return body;
    }

    @Test
    @SuppressWarnings("unchecked")
    void malformedReferralsAreRejectedAndChangeNothing() {
        List<String> fields = List.of("externalRef", "citizen", "citizen.cpr", "citizen.name", "referredBy", "referralDate", "flags", "flags[0]");
        Arbitrary<List<Tuple.Tuple2<String, Object>>> mutations = Combinators.combine(Arbitraries.of(fields), breaking())
                .as(Tuple::of).list().ofMinSize(1).ofMaxSize(3);
        Map<String, Long> before = snapshot();
        List<Integer> statuses = new ArrayList<>();
        mutations.sampleStream().limit(TRIES).forEach(list -> {
            Map<String, Object> body = validReferral();
            boolean broken = false;
            for (Tuple.Tuple2<String, Object> mutation : list) {
                broken |= apply(body, mutation.get1(), mutation.get2());
            }
            if (!broken) {
                body.put("referredBy", "NOWHERE");
            }
            Api.Response response = api.post("koordinator", "/api/cases", body);
            statuses.add(response.status());
            assertThat(response.status()).as("body %s answered %s", body, response.raw()).isBetween(400, 499);
            assertThat(response.contentType()).startsWith("application/problem+json");
        });
        assertThat(snapshot()).isEqualTo(before);
        assertThat(statuses).hasSize(TRIES);
    }

    /** Replaces one field with a breaking value; returns whether the body is now surely invalid. */
    @SuppressWarnings("unchecked")
    private static boolean apply(Map<String, Object> body, String field, Object value) {
        if (value instanceof String s && (field.equals("citizen.name") || field.equals("externalRef")) && !s.isBlank() && s.length() <= 100) {
            return false;
        }
        if (value == null && field.equals("flags")) {
            return false; // flags are optional
        }
        switch (field) {
            case "citizen.cpr", "citizen.name" -> {
                Object citizen = body.get("citizen");
                if (citizen instanceof Map<?, ?> map) {
                    Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) map);
                    copy.put(field.substring(8), value);
                    body.put("citizen", copy);
                } else {
                    return false;
                }
            }
            case "flags[0]" -> body.put("flags", java.util.Arrays.asList(value));
            default -> body.put(field, value);
        }
        return true;
    }

    @Test
    void malformedCompletionsAreRejectedAndChangeNothing() {
        String caseId = referred();
        String taskId = api.get("koordinator", "/api/tasks?caseId=" + caseId + "&taskKey=registerConsent").body().get(0).get("id").asText();
        rejectedAndUnchanged("/api/tasks/" + taskId + "/complete", Map.of("consentGiven", true, "givenBy", "CITIZEN",
                "departments", List.of("SOCIAL"), "givenOn", Route.today().toString()), "givenBy", "NOT_A_GIVER");
        assertThat(api.get("koordinator", "/api/tasks?caseId=" + caseId + "&taskKey=registerConsent").body()).as("completed by the valid body").isEmpty();
    }

    @Test
    void malformedEffortsAreRejectedAndChangeNothing() {
        rejectedAndUnchanged("/api/cases/" + referred() + "/efforts", Map.of("type", "PSYCHOLOGIST", "department", "HEALTH",
                "requestedOn", Route.today().minusDays(3).toString()), "type", "NOT_AN_EFFORT");
    }

    @Test
    void malformedConsentsAreRejectedAndChangeNothing() {
        rejectedAndUnchanged("/api/cases/" + referred() + "/consents", Map.of("givenBy", "CITIZEN", "departments", List.of("SOCIAL"),
                "givenOn", Route.today().toString()), "givenBy", "NOT_A_GIVER");
    }

    @Test
    void malformedDepartmentDecisionsAreRejectedAndChangeNothing() {
        rejectedAndUnchanged("/api/cases/" + referred() + "/departments/PSYCHIATRY", Map.of("decision", "INVOLVE", "reason", "Behov for udredning"),
                "decision", "MAYBE");
    }

    /** A new case, referred by a valid body, whose id the endpoints under test write to. */
    private String referred() {
        return api.post("koordinator", "/api/cases", validReferral()).body().get("id").asText();
    }

    /**
     * {@link #TRIES} bodies: the valid one with one to four of its fields (or a field it does not have) replaced by a
     * breaking value, and {@code surelyBroken} set to {@code brokenValue}, so no body is valid. Each is a 4xx with
     * problem+json, and afterwards no table has a row more or less; then the valid body itself is taken (2xx), so the
     * refusals were the bodies' and not the address's.
     */
    private void rejectedAndUnchanged(String path, Map<String, Object> valid, String surelyBroken, Object brokenValue) {
        List<String> fields = new ArrayList<>(valid.keySet());
        fields.add("surprise");
        Arbitrary<Map<String, Object>> bodies = Combinators.combine(Arbitraries.of(fields), breaking()).as(Tuple::of)
                .list().ofMinSize(1).ofMaxSize(4)
                .map(list -> {
                    Map<String, Object> body = new LinkedHashMap<>(valid);
                    list.forEach(t -> body.put(t.get1(), t.get2()));
                    body.put(surelyBroken, brokenValue);
                    return body;
                });
        Map<String, Long> before = snapshot();
        int[] sent = {0};
        bodies.sampleStream().limit(TRIES).forEach(body -> {
            Api.Response response = api.post("koordinator", path, body);
            assertThat(response.status()).as("%s: body %s answered %s", path, body, response.raw()).isBetween(400, 499);
            assertThat(response.contentType()).startsWith("application/problem+json");
            sent[0]++;
        });
        assertThat(sent[0]).isEqualTo(TRIES);
        assertThat(snapshot()).as("nothing written by %d malformed bodies to %s", TRIES, path).isEqualTo(before);
        Api.Response accepted = api.post("koordinator", path, valid);
        assertThat(accepted.status()).as("%s: the valid body answered %s", path, accepted.raw()).isBetween(200, 299);
    }
}
