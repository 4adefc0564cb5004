package dk.tvaers.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.tvaers.support.Route;
import dk.tvaers.support.TvaersTest;
import java.time.LocalDate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/** The served document is kept for a day and built anew when the day changes, with that day's date patterns. */
@TvaersTest
class OpenApiDocumentTests {

    @Autowired TestRestTemplate http;
    @Autowired ObjectMapper json;

    @AfterEach
    void resetClock() {
        Route.resetClock();
    }

    private Pattern referralDatePattern() throws Exception {
        String document = http.getForObject("/v3/api-docs", String.class);
        return Pattern.compile(json.readTree(document).get("components").get("schemas").get("ReferralRequest")
                .get("properties").get("referralDate").get("pattern").asText());
    }

    @Test
    void theDocumentOfADayAcceptsThatDayAndNotTheNext() throws Exception {
        LocalDate day = LocalDate.of(2031, 5, 20);
        Route.today(day);
        Pattern first = referralDatePattern();
        assertThat(first.matcher(day.toString()).matches()).isTrue();
        assertThat(first.matcher(day.plusDays(1).toString()).matches()).isFalse();
        assertThat(http.getForObject("/v3/api-docs", String.class)).as("the same day: the kept document")
                .isEqualTo(http.getForObject("/v3/api-docs", String.class));
        Route.today(day.plusDays(1));
        assertThat(referralDatePattern().matcher(day.plusDays(1).toString()).matches()).as("the next day: built anew").isTrue();
    }

    @Test
    void everyDateOfABodyIsWithinTheYearsTheApiTakes() throws Exception {
        var schemas = json.readTree(http.getForObject("/v3/api-docs", String.class)).get("components").get("schemas");
        Pattern givenOn = Pattern.compile(schemas.get("ConsentRequest").get("properties").get("givenOn").get("pattern").asText());
        assertThat(givenOn.matcher(Route.today().toString()).matches()).isTrue();
        assertThat(givenOn.matcher("0427-01-08").matches()).as("a year no case has").isFalse();
        Pattern due = Pattern.compile(schemas.get("MeetingAgreement").get("properties").get("due").get("pattern").asText());
        assertThat(due.matcher(Route.today().plusYears(1).toString()).matches()).as("a deadline may be ahead").isTrue();
        assertThat(due.matcher("2150-01-01").matches()).isFalse();
        Pattern endedOn = Pattern.compile(schemas.get("EffortRequest").get("properties").get("endedOn").get("pattern").asText());
        assertThat(endedOn.matcher("1899-12-31").matches()).isFalse();
        // No body's date is left without one.
        java.util.List<String> without = new java.util.ArrayList<>();
        schemas.fields().forEachRemaining(schema -> {
            if (schema.getKey().endsWith("Request") || schema.getKey().endsWith("Completion") || schema.getKey().startsWith("Meeting")) {
                schema.getValue().path("properties").fields().forEachRemaining(p -> {
                    if ("date".equals(p.getValue().path("format").asText()) && !p.getValue().has("pattern")) {
                        without.add(schema.getKey() + "." + p.getKey());
                    }
                });
            }
        });
        assertThat(without).isEmpty();
    }
}
