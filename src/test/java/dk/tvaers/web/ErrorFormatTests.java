package dk.tvaers.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.tvaers.support.Api;
import dk.tvaers.support.Route;
import dk.tvaers.support.TvaersTest;
import dk.tvaers.support.WebSession;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;

/**
 * One error format on every path: problem+json with the product's headers for every {@code /api/**}
 * answer (also those refused by the security firewall or by Tomcat itself), Danish details, and the
 * product's own Danish error pages for everything else.
 */
@TvaersTest
class ErrorFormatTests {

    @Autowired Api api;
    @Autowired ObjectMapper json;
    @LocalServerPort int port;

    /** A request written byte for byte, as a client that does not encode its path would send it. */
    private Raw raw(String requestLine, String... headers) throws Exception {
        return rawWithBody(requestLine, "", headers);
    }

    private Raw rawWithBody(String requestLine, String body, String... headers) throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            OutputStream out = socket.getOutputStream();
            StringBuilder request = new StringBuilder(requestLine).append("\r\nHost: localhost\r\nConnection: close\r\n");
            for (String header : headers) {
                request.append(header).append("\r\n");
            }
            out.write(request.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(body.getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            String text = all.toString(StandardCharsets.UTF_8);
            int split = text.indexOf("\r\n\r\n");
            return new Raw(Integer.parseInt(text.substring(9, 12)), text.substring(0, split).toLowerCase(), text.substring(split + 4));
        }
    }

    private record Raw(int status, String headers, String body) {}

    private static final String BASIC_KOORDINATOR = "Authorization: Basic a29vcmRpbmF0b3I6a29vcmRpbmF0b3I=";

    @Test
    void pathsTheFirewallOrTomcatRefuseAnswerProblemJsonWithTheHeaders() throws Exception {
        for (String path : List.of("/api/cases;x=1", "/api/cases%3Bx", "/api/cases/%25", "/api//cases", "/api/cases/%2e%2e/tasks",
                "/api/cases/%2F", "/api/cases/%5C", "/api/cases/\"x\"", "/api/cases/a%00b")) {
            Raw answer = raw("GET " + path + " HTTP/1.1", BASIC_KOORDINATOR);
            assertThat(answer.status()).as(path).isBetween(400, 404);
            assertThat(answer.headers()).as(path).contains("content-type: application/problem+json")
                    .contains("referrer-policy: same-origin").contains("permissions-policy:").contains("x-content-type-options: nosniff");
            JsonNode problem = json.readTree(answer.body());
            assertThat(problem.get("status").asInt()).as(path).isEqualTo(answer.status());
            assertThat(problem.get("detail").asText()).as(path).isNotBlank().doesNotContain("Exception");
            assertThat(problem.has("timestamp")).as(path + ": Spring Boot's default error JSON").isFalse();
        }
    }

    @Test
    void malformedAndLaxJsonIsA400WithTheBodyAsField() {
        String referral = "{\"externalRef\":\"LAX-%s\",\"citizen\":{\"cpr\":\"%s\",\"name\":\"Lax Test\"},\"referredBy\":\"JOBCENTER\",\"referralDate\":\"%s\"}";
        String good = referral.formatted(System.nanoTime(), Route.cprForAge(22), Route.today());
        for (String body : List.of(good + "xyz", good + "{}", "{\"externalRef\":\"A\",\"externalRef\":\"B\"}",
                good.replace("\"name\"", "\"cpr\":\"" + Route.cprForAge(23) + "\",\"name\""), "{\"externalRef\":", "nej")) {
            Api.Response answer = api.post("koordinator", "/api/cases", body);
            assertThat(answer.status()).as(body).isEqualTo(400);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.body().get("errors").get(0).get("field").asText()).as(body).isEqualTo("body");
            assertThat(answer.body().get("errors").get(0).get("message").asText()).as(body).isNotBlank();
        }
    }

    @Test
    void springsOwnRefusalsSpeakDanish() throws Exception {
        Api.Response method = api.call("koordinator", HttpMethod.DELETE, "/api/cases", null);
        assertThat(method.status()).isEqualTo(405);
        assertThat(method.body().get("detail").asText()).isEqualTo("Metoden er ikke tilladt på denne adresse");
        assertThat(method.headers().getAllow()).isNotEmpty();

        Raw notAcceptable = raw("GET /api/cases HTTP/1.1", BASIC_KOORDINATOR, "Accept: application/xml");
        assertThat(notAcceptable.status()).isEqualTo(406);
        assertThat(notAcceptable.headers()).contains("content-type: application/problem+json");
        assertThat(json.readTree(notAcceptable.body()).get("detail").asText()).startsWith("Svaret kan kun leveres som application/json");

        Raw unsupported = rawWithBody("POST /api/cases HTTP/1.1", "{}", BASIC_KOORDINATOR, "Content-Type: text/plain", "Content-Length: 2");
        assertThat(unsupported.status()).isEqualTo(415);
        assertThat(json.readTree(unsupported.body()).get("detail").asText()).isEqualTo("Indholdstypen understøttes ikke; send application/json");

        Api.Response unknown = api.get("koordinator", "/api/ingenting");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(unknown.body().get("detail").asText()).isEqualTo("Adressen findes ikke");
    }

    @Test
    void aMethodTheAddressDoesNotHaveIs405WithItsOwnMethodsAndNoEcho() throws Exception {
        for (String method : List.of("TRACE", "QUERY", "PROPFIND")) {
            Raw answer = raw(method + " /api/cases HTTP/1.1", BASIC_KOORDINATOR, "Cookie: JSESSIONID=hemmelig");
            assertThat(answer.status()).as(method).isEqualTo(405);
            assertThat(answer.headers()).as(method).contains("content-type: application/problem+json");
            String allow = answer.headers().lines().filter(l -> l.startsWith("allow: ")).findFirst().orElse("allow: ");
            assertThat(allow.substring(7).split(",\\s*")).as(method).containsExactlyInAnyOrder("get", "post");
            assertThat(answer.body()).as(method).doesNotContain("hemmelig").doesNotContain("Authorization");
        }
        for (String path : List.of("/engine-rest/engine", "/camunda/app/tasklist/default/", "/login", "/indbakke")) {
            Raw trace = raw("TRACE " + path + " HTTP/1.1", "Authorization: Basic YWRtaW46YWRtaW4=", "Cookie: JSESSIONID=hemmelig");
            assertThat(trace.status()).as(path).isNotEqualTo(200);
            assertThat(trace.body()).as(path + " must not echo the request").doesNotContain("hemmelig").doesNotContain("YWRtaW46YWRtaW4=");
        }
    }

    @Test
    void anUnknownQueryParameterIsAnErrorNotAnUnfilteredList() {
        Api.Response misspelt = api.get("koordinator", "/api/cases?stgae=SPARRING");
        assertThat(misspelt.status()).isEqualTo(400);
        assertThat(misspelt.body().get("errors").get(0).get("field").asText()).isEqualTo("stgae");
        assertThat(api.get("admin", "/api/audit?limit=100000000").status()).isEqualTo(400);
        assertThat(api.get("koordinator", "/api/tasks?scope=mine&taskKey=registerConsent").status()).isEqualTo(200);
    }

    @Test
    void emptyQueryParametersCountAsAbsent() {
        assertThat(api.get("koordinator", "/api/cases?stage=&department=&alarm=&page=&size=").status()).isEqualTo(200);
        Api.Response tasks = api.get("koordinator", "/api/tasks?scope=&taskKey=&caseId=");
        assertThat(tasks.status()).isEqualTo(200);
        assertThat(tasks.body().size()).isEqualTo(api.get("koordinator", "/api/tasks").body().size());
        assertThat(api.get("admin", "/api/audit?caseId=&user=&from=&to=&format=&page=&size=").status()).isEqualTo(200);
        String id = api.post("koordinator", "/api/cases", Map.of("externalRef", "EMPTY-" + System.nanoTime(),
                "citizen", Map.of("cpr", Route.cprForAge(24), "name", "Tom Test"), "referredBy", "JOBCENTER",
                "referralDate", Route.today().toString())).body().get("id").asText();
        assertThat(api.get("koordinator", "/api/cases/" + id + "/alarms?asOf=").status()).isEqualTo(200);
    }

    @Test
    void everyDoorSendsTheReferrerAndPermissionsPolicies() throws Exception {
        for (String request : List.of("GET /api/cases HTTP/1.1", "GET /login HTTP/1.1", "GET /indbakke HTTP/1.1", "GET /engine-rest/engine HTTP/1.1",
                "GET /camunda/app/tasklist/default/ HTTP/1.1", "GET /v3/api-docs HTTP/1.1", "GET /css/tvaers.css HTTP/1.1", "GET /nowhere HTTP/1.1")) {
            Raw answer = raw(request);
            assertThat(answer.headers()).as(request).contains("referrer-policy: same-origin")
                    .contains("permissions-policy: accelerometer=(), camera=()");
        }
    }

    @Test
    void pagesAnswerWithTheProductsDanishErrorPages() throws Exception {
        WebSession uu = new WebSession(port);
        uu.get("/login");
        uu.post("/login", "username", "uu", "password", "uu");
        var outbox = uu.get("/post");
        assertThat(outbox.statusCode()).isEqualTo(403);
        assertThat(outbox.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(outbox.body()).contains("Ingen adgang").contains("Tværs").doesNotContain("Whitelabel");
        var nothing = uu.get("/sager");
        assertThat(nothing.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(nothing.body()).doesNotContain("\"status\"").doesNotContain("Whitelabel");
        var unknownCase = uu.get("/sager/findes-ikke");
        assertThat(unknownCase.statusCode()).isEqualTo(404);
        assertThat(unknownCase.body()).contains("Findes ikke");
    }
}
