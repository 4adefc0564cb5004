package dk.tvaers.api;

import dk.tvaers.leaders.RuleChanges;
import dk.tvaers.rules.Thresholds;
import dk.tvaers.stats.Count;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.links.Link;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.ComposedSchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description served at /v3/api-docs (and /swagger-ui/index.html), true to every answer:
 * each operation lists the problem answers it can give besides its success (the same problem schema
 * the API writes, see {@link ApiProblems} and {@link ErrorAnswers}), request bodies are closed as
 * {@code Input.onlyFields} closes them, and an empty query parameter is allowed (it counts as
 * absent). {@code ApiResponseValidation} in the tests holds every answer of the API tests against it.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String PROBLEM = "application/problem+json";
    static final String UUID = "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$";
    /** A date of a case: the years Input takes. */
    private static final String ANY_DATE = DatesUpTo.anyDate();

    /** The refusals every operation can give, with the Danish reason. */
    private static final Map<String, String> ALWAYS = Map.of(
            "400", "Ugyldig anmodning: felterne står i errors",
            "401", "Ikke logget ind (HTTP Basic)",
            "403", "Logget ind, men rollen giver ikke adgang",
            "404", "Findes ikke, eller du må ikke se det",
            "406", "Svaret kan ikke leveres i den ønskede form (Accept)",
            "503", "Tværs starter og er ikke klar endnu, eller databasen svarer ikke (Retry-After)");

    /** And those of an operation with a body. */
    private static final Map<String, String> WITH_BODY = Map.of(
            "413", "Anmodningen er for stor",
            "415", "Indholdet er ikke application/json");

    static {
        // A count of the statistics is a number or "<5" (Count's JSON value), described once as the schema Count.
        SpringDocUtils.getConfig().replaceWithSchema(Count.class, new Schema<>().$ref("#/components/schemas/Count"));
    }

    @Bean
    FilterRegistrationBean<OpenApiDayCache> openApiDayCache(Clock clock) {
        FilterRegistrationBean<OpenApiDayCache> registration = new FilterRegistrationBean<>(new OpenApiDayCache(clock));
        registration.addUrlPatterns("/v3/api-docs", "/v3/api-docs/*", "/v3/api-docs.yaml");
        registration.setName("openapi-day-cache");
        return registration;
    }

    @Bean
    OpenAPI tvaersOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Tværs API").version("1")
                        .description("Sager og indbakke for det koordinerede forløb. Fejl er application/problem+json (RFC 9457). "
                                + "CPR-nummeret returneres kun maskeret. En tom forespørgselsparameter (?stage=) regnes som ikke angivet."))
                .components(new Components().addSecuritySchemes("basicAuth",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
                .addSecurityItem(new SecurityRequirement().addList("basicAuth"));
    }

    @Bean
    OpenApiCustomizer problemsAndClosedBodies(Clock clock) {
        return openApi -> {
            String notAfterToday = DatesUpTo.pattern(LocalDate.now(clock));
            String todayToAYear = DatesUpTo.between(LocalDate.now(clock), LocalDate.now(clock).plusYears(1));
            Components components = openApi.getComponents();
            components.addSchemas("FieldError", new ObjectSchema()
                    .description("En fejl i et felt (field), eller i en fil lagt op til regler (file og line: linjen, i en tabel rækken)")
                    .addProperty("field", new StringSchema().description("Feltets sti, fx citizen.cpr, flags[1] eller body"))
                    .addProperty("file", new StringSchema().description("Filen med fejlen"))
                    .addProperty("element", new StringSchema().nullable(true).description("BPMN-elementets id, når fejlen hører til ét"))
                    .addProperty("line", new IntegerSchema().description("Linjen, i en tabel rækken; 0 når den ikke kendes"))
                    .addProperty("message", new StringSchema().description("Hvad der er galt, på dansk"))
                    .required(List.of("message")));
            components.addSchemas("Problem", new ObjectSchema()
                    .addProperty("type", new StringSchema())
                    .addProperty("title", new StringSchema())
                    .addProperty("status", new IntegerSchema())
                    .addProperty("detail", new StringSchema())
                    .addProperty("instance", new StringSchema().nullable(true))
                    .addProperty("errors", new ArraySchema().items(new Schema<>().$ref("#/components/schemas/FieldError"))
                            .description("Højst " + ApiProblems.MAX_ERRORS + " fejl"))
                    .addProperty("errorCount", new IntegerSchema().description("Antal fejl i alt, også dem ud over de viste"))
                    .required(List.of("type", "title", "status", "detail")));
            components.addSchemas("Count", new Schema<>().description("Et antal; fra 1 til 4 vist som \"" + Count.SUPPRESSED
                    + "\" (statistisk diskretion)").oneOf(List.of(new IntegerSchema().format("int64").minimum(java.math.BigDecimal.ZERO),
                    new StringSchema()._enum(List.of(Count.SUPPRESSED)))));
            // A rate per 100 closed cases is left out (null) where its count is too small to show.
            Schema<?> keyFigures = components.getSchemas().get("StatsKeyFigures");
            if (keyFigures != null && keyFigures.getProperties().get("outcomesPer100").getAdditionalProperties() instanceof Schema<?> rate) {
                rate.setNullable(true);
            }
            components.addSchemas("AlarmCode", new StringSchema()._enum(Thresholds.KNOWN_CODES.stream().sorted().toList()));
            ObjectSchema thresholdDays = new ObjectSchema();
            thresholdDays.description("Alarmkode → dage (helt tal fra 0 til " + RuleChanges.MAX_DAYS + "); kun de grænser, der ændres");
            Thresholds.KNOWN_CODES.stream().sorted().forEach(code ->
                    thresholdDays.addProperty(code, new IntegerSchema().minimum(java.math.BigDecimal.ZERO).maximum(java.math.BigDecimal.valueOf(RuleChanges.MAX_DAYS))));
            thresholdDays.minProperties(1);
            thresholdDays.setAdditionalProperties(false);
            components.addSchemas("ThresholdDays", thresholdDays);
            components.getSchemas().forEach((name, schema) -> {
                boolean body = name.endsWith("Request") || name.endsWith("Completion") || name.startsWith("Meeting") || name.equals("ProgressionScores");
                if (body && schema.getOneOf() == null) {
                    schema.setAdditionalProperties(false);
                    // An optional field sent as null is the same as one left out (Input reads them alike).
                    Map<String, Schema> properties = schema.getProperties();
                    if (properties != null) {
                        properties.forEach((property, value) -> {
                            if (schema.getRequired() == null || !schema.getRequired().contains(property)) {
                                value.setNullable(true);
                            }
                            // "Not after today" as a pattern of the dates up to the day the document is served; any
                            // other date of a case within the years Input takes.
                            if ("date".equals(value.getFormat())) {
                                String description = value.getDescription() == null ? "" : value.getDescription();
                                value.setPattern(description.startsWith(ApiBodies.NOT_IN_FUTURE) ? notAfterToday
                                        : description.startsWith(ApiBodies.TODAY_TO_A_YEAR) ? todayToAYear : ANY_DATE);
                            }
                            // A list of codes is no longer than its vocabulary (Input refuses a longer one at once).
                            if (value.getItems() != null && value.getItems().getEnum() != null && value.getMaxItems() == null) {
                                value.setMaxItems(value.getItems().getEnum().size());
                            }
                        });
                    }
                }
            });
            openApi.getPaths().forEach((path, item) -> {
                if (path.startsWith("/api/")) {
                    item.readOperations().forEach(operation -> document(operation));
                }
            });
            links(openApi);
        };
    }

    private static void document(Operation operation) {
        ApiResponses responses = operation.getResponses();
        ALWAYS.forEach((code, text) -> add(responses, code, text));
        if (operation.getRequestBody() != null) {
            WITH_BODY.forEach((code, text) -> add(responses, code, text));
        }
        responses.forEach((code, response) -> {
            if (code.startsWith("4") || code.equals("503")) {
                // Every refusal is a problem, whatever the operation's own answers are.
                response.setContent(problem());
            }
            if (code.equals("201")) {
                response.addHeaderObject("Location", new Header().description("Adressen på det oprettede").schema(new StringSchema()));
            }
        });
        if (operation.getParameters() != null) {
            // Ids are the engine's and the case file's UUIDs, an effort's id a number: anything else is 404.
            operation.getParameters().stream().filter(p -> "path".equals(p.getIn())).forEach(p -> {
                if (p.getName().equals("id")) {
                    p.getSchema().setPattern(UUID);
                } else if (p.getName().equals("effortId")) {
                    p.getSchema().setPattern("^[0-9]{1,18}$");
                }
            });
            // An empty value counts as absent: the schema says so, as the value it is on the wire (?stage=);
            // for a required parameter absent is an error, so there the empty value is no choice.
            operation.getParameters().stream().filter(p -> "query".equals(p.getIn()) && !Boolean.TRUE.equals(p.getRequired())).forEach(p -> {
                p.setAllowEmptyValue(true);
                Schema<?> schema = p.getSchema();
                if (schema != null && "date".equals(schema.getFormat()) && schema.getPattern() == null) {
                    schema.setPattern(ANY_DATE);
                }
                boolean constrained = schema != null && (!"string".equals(schema.getType()) || schema.getEnum() != null
                        || schema.getFormat() != null || schema.get$ref() != null);
                if (constrained) {
                    Schema<?> empty = new StringSchema()._enum(List.of("")).description("Tom: som ikke angivet");
                    p.setSchema(new ComposedSchema().addAnyOfItem(schema).addAnyOfItem(empty));
                }
            });
        }
    }

    /** Where the id of what an operation created is used next: the case's other operations, and an effort's move. */
    private static void links(OpenAPI openApi) {
        PathItem cases = openApi.getPaths().get("/api/cases");
        PathItem efforts = openApi.getPaths().get("/api/cases/{id}/efforts");
        if (cases == null || cases.getPost() == null || efforts == null || efforts.getPost() == null) {
            return;
        }
        for (String code : List.of("200", "201")) {
            ApiResponse referred = cases.getPost().getResponses().get(code);
            if (referred != null) {
                for (String operation : List.of("get", "flags", "decide", "consent", "withdraw", "addEffort", "alarms", "timeline")) {
                    referred.link(operation, new Link().operationId(operation).parameters("id", "$response.body#/id"));
                }
            }
        }
        ApiResponse recorded = efforts.getPost().getResponses().get("201");
        if (recorded != null) {
            recorded.link("moveEffort", new Link().operationId("moveEffort")
                    .parameters("id", "$request.path.id").parameters("effortId", "$response.body#/id"));
        }
    }

    private static void add(ApiResponses responses, String code, String text) {
        if (!responses.containsKey(code)) {
            responses.addApiResponse(code, new ApiResponse().description(text).content(problem()));
        }
    }

    private static Content problem() {
        return new Content().addMediaType(PROBLEM, new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem")));
    }
}
