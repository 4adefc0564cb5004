package dk.tvaers.api;

import com.fasterxml.jackson.databind.JsonMappingException;
import dk.tvaers.casefile.CaseNotFoundException;
import dk.tvaers.casefile.CaseRuleException;
import dk.tvaers.casefile.ReferralConflictException;
import dk.tvaers.leaders.RuleChanges;
import dk.tvaers.route.InvalidProcessException;
import dk.tvaers.route.ProcessNotFoundException;
import dk.tvaers.rules.RuleCompilationException;
import dk.tvaers.rules.RuleConflictException;
import dk.tvaers.rules.RuleNotFoundException;
import dk.tvaers.route.TaskConflictException;
import dk.tvaers.route.TaskNotFoundException;
import dk.tvaers.security.CprMasking;
import dk.tvaers.security.DatabaseUnavailable;
import dk.tvaers.security.Problems;
import dk.tvaers.web.ApiRequestLimits;
import dk.tvaers.web.ConflictException;
import dk.tvaers.web.FieldError;
import dk.tvaers.web.InvalidInputException;
import dk.tvaers.web.Texts;
import dk.tvaers.security.NotVisibleException;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of the API as {@code application/problem+json} (RFC 9457), in Danish, with an
 * {@code errors} array for invalid input. Bad input is never a 500, and no stack trace or SQL
 * reaches the caller.
 */
@RestControllerAdvice(annotations = RestController.class)
class ApiProblems extends ResponseEntityExceptionHandler {

    /** At most this many field errors in one answer; {@code errorCount} tells how many there were. */
    static final int MAX_ERRORS = 50;

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

    static ProblemDetail problem(HttpStatus status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(status.getReasonPhrase());
        return problem;
    }

    private static ResponseEntity<Object> respond(ProblemDetail problem) {
        instance(problem);
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** The request's path as the problem's {@code instance}, with anything CPR-like in it masked. */
    private static void instance(ProblemDetail problem) {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes servlet) {
            HttpServletRequest request = servlet.getRequest();
            String path = CprMasking.mask(request.getRequestURI());
            try {
                problem.setInstance(URI.create(path.length() > 200 ? path.substring(0, 200) : path));
            } catch (IllegalArgumentException e) {
                problem.setInstance(null);
            }
        }
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<Object> invalid(InvalidInputException e) {
        return respond(invalid(e.errors()));
    }

    static ProblemDetail invalid(List<FieldError> errors) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Anmodningen har ugyldige felter");
        problem.setProperty("errors", errors.size() > MAX_ERRORS ? errors.subList(0, MAX_ERRORS) : errors);
        problem.setProperty("errorCount", errors.size());
        return problem;
    }

    @ExceptionHandler({CaseNotFoundException.class, TaskNotFoundException.class, NotVisibleException.class})
    ResponseEntity<Object> notFound(RuntimeException e) {
        return respond(problem(HttpStatus.NOT_FOUND, e instanceof TaskNotFoundException ? "Opgaven findes ikke" : "Sagen findes ikke"));
    }

    @ExceptionHandler(RuleNotFoundException.class)
    ResponseEntity<Object> ruleNotFound(RuleNotFoundException e) {
        return respond(problem(HttpStatus.NOT_FOUND, e.getMessage()));
    }

    /** Rule files that do not compile: 422 with file, line (a table's sheet row) and message of each problem. */
    @ExceptionHandler(RuleCompilationException.class)
    ResponseEntity<Object> rulesDoNotCompile(RuleCompilationException e) {
        return respond(uploadRefused("Reglerne kan ikke oversættes; den aktive version er uændret", e.problems().stream()
                .map(p -> fileError(p.file(), null, p.line(), p.message())).toList()));
    }

    /** A BPMN file that does not validate: 422 with file, element, line and reason of each problem; nothing deployed. */
    @ExceptionHandler(InvalidProcessException.class)
    ResponseEntity<Object> processInvalid(InvalidProcessException e) {
        return respond(uploadRefused("Processen kan ikke deployes; intet er deployet, og den kørende version er uændret", e.problems().stream()
                .map(p -> fileError(p.file(), p.element(), p.line(), p.message())).toList()));
    }

    private static Map<String, Object> fileError(String file, String element, int line, String message) {
        Map<String, Object> error = new java.util.LinkedHashMap<>();
        error.put("file", file);
        if (element != null) {
            error.put("element", element);
        }
        error.put("line", line);
        error.put("message", CprMasking.mask(message));
        return error;
    }

    private static ProblemDetail uploadRefused(String detail, List<Map<String, Object>> errors) {
        ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_ENTITY, detail);
        problem.setProperty("errors", errors.size() > MAX_ERRORS ? errors.subList(0, MAX_ERRORS) : errors);
        problem.setProperty("errorCount", errors.size());
        return problem;
    }

    /** No plan between the two versions, or no case that can move: 422 with the engine's reasons; nothing has moved. */
    @ExceptionHandler(dk.tvaers.route.MigrationRefusedException.class)
    ResponseEntity<Object> migrationRefused(dk.tvaers.route.MigrationRefusedException e) {
        List<FieldError> errors = e.reasons().stream().map(reason -> new FieldError("targetDefinitionId", reason)).toList();
        ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_ENTITY, "Sagerne kan ikke flyttes; intet er flyttet");
        problem.setProperty("errors", errors.size() > MAX_ERRORS ? errors.subList(0, MAX_ERRORS) : errors);
        problem.setProperty("errorCount", errors.size());
        return respond(problem);
    }

    @ExceptionHandler(ProcessNotFoundException.class)
    ResponseEntity<Object> processNotFound(ProcessNotFoundException e) {
        return respond(problem(HttpStatus.NOT_FOUND, e.getMessage()));
    }

    @ExceptionHandler(RuleChanges.Rejected.class)
    ResponseEntity<Object> rulesRejected(RuleChanges.Rejected e) {
        ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_ENTITY, "Grænserne kan ikke ændres sådan; intet er ændret");
        problem.setProperty("errors", e.errors());
        problem.setProperty("errorCount", e.errors().size());
        return respond(problem);
    }

    /** Two leaders changed the rules at the same moment: the other one's version won; nothing of this one was stored. */
    @ExceptionHandler(RuleConflictException.class)
    ResponseEntity<Object> concurrentVersion(RuleConflictException e) {
        return respond(problem(HttpStatus.CONFLICT, e.getMessage()));
    }

    @ExceptionHandler(ReferralConflictException.class)
    ResponseEntity<Object> referralConflict(ReferralConflictException e) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "Henvisningen er allerede modtaget med samme externalRef, men med et andet indhold");
        return respond(problem);
    }

    /** A rule of the case file: a field's error (400, like any other), or the case's state (409). */
    @ExceptionHandler(CaseRuleException.class)
    ResponseEntity<Object> caseRule(CaseRuleException e) {
        if (e.isStateRule()) {
            return respond(problem(HttpStatus.CONFLICT, Texts.DANISH.get("rule." + e.violations().get(0).code())));
        }
        return respond(invalid(e.violations().stream().map(v -> FieldError.of(v.field(), v.code(), v.args().toArray())).toList()));
    }

    @ExceptionHandler({TaskConflictException.class, ConflictException.class})
    ResponseEntity<Object> conflict(RuntimeException e) {
        return respond(problem(HttpStatus.CONFLICT, e.getMessage()));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Object> forbidden(AccessDeniedException e) {
        return respond(problem(HttpStatus.FORBIDDEN, e.getMessage() == null ? "Du har ikke adgang til dette" : e.getMessage()));
    }

    /** A query parameter the controller could not read, named "field: message". */
    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Object> badArgument(IllegalArgumentException e) {
        String text = e.getMessage() == null ? "Ugyldig værdi" : e.getMessage();
        int colon = text.indexOf(':');
        return respond(invalid(List.of(colon > 0 ? new FieldError(text.substring(0, colon), text.substring(colon + 1).trim())
                : new FieldError("", text))));
    }

    /** A multipart body that cannot be read (its parts do not match the boundary it declares), or one too large. */
    @ExceptionHandler(org.springframework.web.multipart.MultipartException.class)
    ResponseEntity<Object> multipart(org.springframework.web.multipart.MultipartException e) {
        if (e instanceof org.springframework.web.multipart.MaxUploadSizeExceededException) {
            return respond(problem(HttpStatus.PAYLOAD_TOO_LARGE, Problems.danishDetail(413)));
        }
        return respond(invalid(List.of(FieldError.of("files", "multipart"))));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException e) {
        return respond(invalid(List.of(FieldError.of(e.getName(), "invalidValue"))));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        if (ApiRequestLimits.tooLarge(e)) {
            return respond(problem(HttpStatus.PAYLOAD_TOO_LARGE, Problems.danishDetail(413)));
        }
        FieldError error;
        if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            error = FieldError.of(field, "invalidValue");
        } else {
            error = FieldError.of("body", e.getMessage() != null && e.getMessage().startsWith("Required request body is missing")
                    ? "bodyMissing" : "json");
        }
        ProblemDetail problem = invalid(List.of(error));
        problem.setDetail("Anmodningens indhold er ikke gyldig JSON");
        return respond(problem);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(e, body, headers, status, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem) {
            // Spring's own texts are English and may repeat the request's values: the Danish text of the status instead.
            HttpStatus known = HttpStatus.resolve(status.value());
            problem.setTitle(known != null ? known.getReasonPhrase() : problem.getTitle());
            problem.setDetail(Problems.danishDetail(status.value()));
            instance(problem);
            return ResponseEntity.status(status).headers(response.getHeaders()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        return response;
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e) {
        if (DatabaseUnavailable.causedBy(e)) {
            // Not the request's fault: the client sends it again (a referral's externalRef makes that safe).
            log.warn("Databasen svarer ikke; svaret er 503: {}", e.toString());
            ProblemDetail problem = problem(HttpStatus.SERVICE_UNAVAILABLE, DatabaseUnavailable.DETAIL);
            instance(problem);
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", DatabaseUnavailable.RETRY_AFTER)
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        // The caller learns nothing about the inside; the log has the class and message (never request data).
        log.error("Uventet fejl i API'et: {}", e.toString(), e);
        return respond(problem(HttpStatus.INTERNAL_SERVER_ERROR, "Der skete en uventet fejl. Prøv igen, eller kontakt support."));
    }
}
