package dk.tvaers.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.tvaers.support.Api;
import dk.tvaers.support.TvaersTest;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** No request makes Tværs do or say more than its vocabulary and pages allow. */
@TvaersTest
class RequestLimitsTests {

    @Autowired Api api;
    @Autowired ObjectMapper json;
    @LocalServerPort int port;

    @Test
    void aListLongerThanItsVocabularyIsOneErrorNotOnePerItem() {
        List<String> flags = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            flags.add("F" + i);
        }
        Api.Response answer = api.post("koordinator", "/api/cases", Map.of("externalRef", "MANY", "flags", flags));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.raw().length()).isLessThan(2_000);
        assertThat(answer.body().get("errors")).anySatisfy(e -> {
            assertThat(e.get("field").asText()).isEqualTo("flags");
            assertThat(e.get("message").asText()).startsWith("Højst ");
        });
    }

    @Test
    void anOptionalDateIsLeftOutOrNullNeverEmptyText() {
        Api.Response referral = api.post("koordinator", "/api/cases", Map.of("externalRef", "DATE-" + System.nanoTime(),
                "citizen", Map.of("cpr", dk.tvaers.support.Route.cprForAge(26), "name", "Dato Test"), "referredBy", "JOBCENTER",
                "referralDate", dk.tvaers.support.Route.today().toString()));
        String effortsPath = "/api/cases/" + referral.body().get("id").asText() + "/efforts";
        String today = dk.tvaers.support.Route.today().toString();
        Api.Response empty = api.post("koordinator", effortsPath, "{\"type\":\"MENTOR\",\"requestedOn\":\"" + today + "\",\"startedOn\":\"\"}");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.body().get("errors").get(0).get("field").asText()).isEqualTo("startedOn");
        assertThat(api.post("koordinator", effortsPath, "{\"type\":\"MENTOR\",\"requestedOn\":\"" + today + "\",\"startedOn\":null}").status())
                .isEqualTo(201);
    }

    @Test
    void atMostFiftyFieldErrorsWithTheirCount() {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < 60; i++) {
            body.put("ukendt" + i, i);
        }
        Api.Response answer = api.post("koordinator", "/api/cases", body);
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().get("errors")).hasSize(ApiProblems.MAX_ERRORS);
        assertThat(answer.body().get("errorCount").asInt()).isGreaterThanOrEqualTo(60);
    }

    @Test
    void theAuditTrailIsReadAPageAtATime() {
        for (String query : List.of("size=0", "size=-1", "size=1001", "size=100000000", "size=abc", "page=-1", "format=xml", "format=JSON",
                "from=2026-12-02&to=2026-12-01")) {
            Api.Response answer = api.get("admin", "/api/audit?" + query);
            assertThat(answer.status()).as(query).isEqualTo(400);
            assertThat(answer.body().get("errors").get(0).get("field").asText()).as(query).isIn("size", "page", "format", "to");
        }
        Api.Response page = api.get("admin", "/api/audit?size=1000&page=0");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body().get("content").size()).isLessThanOrEqualTo(1000);
        assertThat(page.body().get("size").asInt()).isEqualTo(1000);
        assertThat(page.body().get("totalElements").asLong()).isGreaterThanOrEqualTo(page.body().get("content").size());
        assertThat(api.get("admin", "/api/audit").body().get("content").size()).isLessThanOrEqualTo(100);
    }

    @Test
    void aBodyOverTheLimitIsRefusedWhetherItsLengthIsDeclaredOrNot() throws Exception {
        String big = "{\"note\":\"" + "x".repeat(300 * 1024) + "\"}";
        Api.Response declared = api.post("koordinator", "/api/cases", big);
        assertThat(declared.status()).isEqualTo(413);
        assertThat(declared.contentType()).startsWith("application/problem+json");

        try (Socket socket = new Socket("localhost", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/cases HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nContent-Type: application/json\r\n"
                    + "Authorization: Basic a29vcmRpbmF0b3I6a29vcmRpbmF0b3I=\r\nTransfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            byte[] chunk = big.getBytes(StandardCharsets.UTF_8);
            out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(chunk);
            out.write("\r\n0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            socket.getInputStream().transferTo(answer);
            String text = answer.toString(StandardCharsets.UTF_8);
            assertThat(text).startsWith("HTTP/1.1 413").contains("application/problem+json");
        }
    }
}
