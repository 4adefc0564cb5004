package dk.tvaers.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.tvaers.demo.DemoUsers;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Real HTTP against the running test server, as a named demo user (users of API.md). Every answer of
 * {@code /api/**} is held against the served OpenAPI document ({@link OpenApiContract}).
 */
public class Api {

    private final TestRestTemplate http;
    private final ObjectMapper json;

    Api(TestRestTemplate http, ObjectMapper json, IdentityService identity) {
        this.http = http;
        this.json = json;
        DemoUsers.ensure(identity);
    }

    /** A response: status, content type and the parsed body. */
    public record Response(int status, String contentType, JsonNode body, HttpHeaders headers, String raw) {}

    public Response call(String user, HttpMethod method, String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        if (user != null) {
            headers.setBasicAuth(user, user);
        }
        headers.setAccept(java.util.List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
        Object payload = body;
        if (body != null) {
            headers.setContentType(MediaType.APPLICATION_JSON);
            if (!(body instanceof String)) {
                try {
                    payload = json.writeValueAsString(body);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        ResponseEntity<String> response = http.exchange(path, method, new HttpEntity<>(payload, headers), String.class);
        OpenApiContract.check(http, method, path, response);
        JsonNode parsed = null;
        if (response.getBody() != null && !response.getBody().isBlank()) {
            try {
                parsed = json.readTree(response.getBody());
            } catch (Exception e) {
                parsed = null;
            }
        }
        MediaType type = response.getHeaders().getContentType();
        return new Response(response.getStatusCode().value(), type == null ? null : type.toString(), parsed, response.getHeaders(), response.getBody());
    }

    public Response get(String user, String path) {
        return call(user, HttpMethod.GET, path, null);
    }

    public Response post(String user, String path, Object body) {
        return call(user, HttpMethod.POST, path, body);
    }

    public Response put(String user, String path, Object body) {
        return call(user, HttpMethod.PUT, path, body);
    }

    public Response patch(String user, String path, Object body) {
        return call(user, HttpMethod.PATCH, path, body);
    }
}
