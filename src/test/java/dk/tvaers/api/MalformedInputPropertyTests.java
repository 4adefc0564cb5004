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
 * Property: whatever malformed referral or completion body arrives, the answer is a 4xx and the
 * database is unchanged. Bodies are generated with jqwik's arbitraries (a valid body with one or
 * more breaking mutations), and sent over real HTTP.
 */
@TvaersTest
class MalformedInputPropertyTests {

    private static final int TRIES = 150;

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
        Api.Response created = api.post("koordinator", "/api/cases", validReferral());
        String caseId = created.body().get("id").asText();
        String taskId = api.get("koordinator", "/api/tasks?caseId=" + caseId + "&taskKey=registerConsent").body().get(0).get("id").asText();
        List<String> fields = List.of("consentGiven", "givenBy", "departments", "givenOn", "surprise");
        Arbitrary<Map<String, Object>> bodies = Combinators.combine(Arbitraries.of(fields), breaking()).as(Tuple::of)
                .list().ofMinSize(1).ofMaxSize(4)
                .map(list -> {
                    Map<String, Object> body = new LinkedHashMap<>(Map.of("consentGiven", true, "givenBy", "CITIZEN",
                            "departments", List.of("SOCIAL"), "givenOn", Route.today().toString()));
                    list.forEach(t -> body.put(t.get1(), t.get2()));
                    body.put("givenBy", "NOT_A_GIVER");
                    return body;
                });
        Map<String, Long> before = snapshot();
        bodies.sampleStream().limit(TRIES).forEach(body -> {
            Api.Response response = api.post("koordinator", "/api/tasks/" + taskId + "/complete", body);
            assertThat(response.status()).as("body %s answered %s", body, response.raw()).isBetween(400, 499);
        });
        assertThat(snapshot()).isEqualTo(before);
        assertThat(api.get("koordinator", "/api/tasks?caseId=" + caseId + "&taskKey=registerConsent").body()).hasSize(1);
    }
}
