package dk.tvaers.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * A problem+json answer written straight to the response, for the doors in front of Spring MVC
 * (the security filters, the engine's door, Tomcat's own refusals), with the headers every answer of
 * Tværs carries. Its fields are those of the API's problem schema.
 */
public final class Problems {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The headers of every answer, also those written before Spring Security's own header writer runs. */
    public static final Map<String, String> BASELINE_HEADERS = Map.of(
            "Referrer-Policy", "same-origin",
            "Permissions-Policy", "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()");

    /** The stricter set for an answer that never reached a security filter chain. */
    public static final Map<String, String> BARE_ANSWER_HEADERS = Map.of(
            "X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "DENY",
            "Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'",
            "Cache-Control", "no-store");

    public static void write(HttpServletResponse response, int status, String detail) throws IOException {
        HttpStatus known = HttpStatus.resolve(status);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", known != null ? known.getReasonPhrase() : "Error");
        body.put("status", status);
        body.put("detail", detail);
        response.setStatus(status);
        BASELINE_HEADERS.forEach((name, value) -> {
            if (!response.containsHeader(name)) {
                response.setHeader(name, value);
            }
        });
        BARE_ANSWER_HEADERS.forEach((name, value) -> {
            if (!response.containsHeader(name)) {
                response.setHeader(name, value);
            }
        });
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        if (status == HttpStatus.UNAUTHORIZED.value()) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"Tvaers\", charset=\"UTF-8\"");
        }
        response.getOutputStream().write(JSON.writeValueAsBytes(body));
    }

    /** The Danish detail of an error that carries no detail of its own. */
    public static String danishDetail(int status) {
        return switch (status) {
            case 400 -> "Anmodningen kan ikke læses";
            case 401 -> "Log ind med HTTP Basic (brugernavn og adgangskode)";
            case 403 -> "Du har ikke adgang til dette";
            case 404 -> "Adressen findes ikke";
            case 405 -> "Metoden er ikke tilladt på denne adresse";
            case 406 -> "Svaret kan kun leveres som application/json (eller text/csv, hvor det er nævnt)";
            case 413 -> "Anmodningen er for stor";
            case 414 -> "Adressen er for lang";
            case 415 -> "Indholdstypen understøttes ikke; send application/json";
            case 429 -> "For mange anmodninger; prøv igen om lidt";
            case 503 -> "Tværs er ikke klar; prøv igen om lidt";
            default -> status >= 500 ? "Der skete en uventet fejl. Prøv igen, eller kontakt support." : "Anmodningen kan ikke gennemføres";
        };
    }

    private Problems() {
    }
}
