package dk.tvaers.support;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * Holds an answer of the API against the OpenAPI document the application serves, with Atlassian's
 * OpenAPI validator: its status must be documented for the operation, its content type and body must
 * match the documented schema. Every call through {@link Api} is checked, so a drift between the
 * document and the answers fails the test that saw it.
 */
final class OpenApiContract {

    private static final Map<String, OpenApiInteractionValidator> VALIDATORS = new ConcurrentHashMap<>();

    private OpenApiContract() {
    }

    static void check(TestRestTemplate http, HttpMethod method, String path, ResponseEntity<String> response) {
        String bare = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        if (!bare.startsWith("/api/")) {
            return;
        }
        OpenApiInteractionValidator validator = VALIDATORS.computeIfAbsent(http.getRootUri(), root -> OpenApiInteractionValidator
                .createForInlineApiSpecification(http.getForObject("/v3/api-docs", String.class))
                .withLevelResolver(LevelResolver.create()
                        // The document describes its operations; an address or method it does not have is not one.
                        .withLevel("validation.request.path.missing", ValidationReport.Level.IGNORE)
                        .withLevel("validation.request.operation.notAllowed", ValidationReport.Level.IGNORE)
                        .build())
                .build());
        SimpleResponse.Builder answer = SimpleResponse.Builder.status(response.getStatusCode().value());
        response.getHeaders().forEach((name, values) -> answer.withHeader(name, values));
        if (response.getBody() != null) {
            answer.withBody(response.getBody());
        }
        ValidationReport report = validator.validateResponse(bare, Request.Method.valueOf(method.name()), answer.build());
        if (report.hasErrors()) {
            throw new AssertionError("The answer to " + method + " " + path + " (" + response.getStatusCode().value()
                    + ") is not what the served OpenAPI document says:\n" + report.getMessages() + "\nbody: " + response.getBody());
        }
    }
}
