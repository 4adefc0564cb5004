package dk.tvaers.leaders;

import com.fasterxml.jackson.databind.JsonNode;
import dk.tvaers.alarms.RuleSimulation;
import dk.tvaers.rules.RuleEngine;
import dk.tvaers.rules.RuleSource;
import dk.tvaers.security.CaseAccessPolicy;
import dk.tvaers.security.CurrentUser;
import dk.tvaers.web.FieldError;
import dk.tvaers.web.Input;
import dk.tvaers.web.InvalidInputException;
import dk.tvaers.web.Uploads;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;

/**
 * A leader's change of the rules, read and checked the same way for the API and the page: new
 * thresholds, or uploaded files; compiled into a candidate, simulated, activated.
 */
@Service
public class RuleChanges {

    public static final int MAX_DAYS = 3650;

    /** Threshold changes that cannot be made: answered 422, with the field of each. */
    public static class Rejected extends RuntimeException {
        private final List<FieldError> errors;

        public Rejected(List<FieldError> errors) {
            super("Ændringen af reglerne kan ikke gennemføres");
            this.errors = List.copyOf(errors);
        }

        public List<FieldError> errors() {
            return errors;
        }
    }

    private final RuleEngine engine;
    private final RuleSimulation simulation;
    private final CaseAccessPolicy policy;

    RuleChanges(RuleEngine engine, RuleSimulation simulation, CaseAccessPolicy policy) {
        this.engine = engine;
        this.simulation = simulation;
        this.policy = policy;
    }

    public static void requireChange(CurrentUser user) {
        if (!RuleBook.mayChange(user)) {
            throw new AccessDeniedException("Kun ledere og administratorer ændrer reglerne");
        }
    }

    /**
     * The thresholds of a body {@code {"thresholds": {...}, "comment": "..."}}: each a known alarm
     * code with a whole number of days from 0 to 3650.
     *
     * @throws Rejected with {@code thresholds.<code>} errors (422)
     * @throws InvalidInputException when the body is not such an object (400)
     */
    public Map<String, Integer> thresholds(JsonNode body) {
        Input in = new Input();
        Input.object(body);
        in.onlyFields(body, "thresholds", "comment");
        JsonNode thresholds = in.objectField(body, "thresholds", true);
        // The comment is required where the change is stored (comment(JsonNode)); here only its form is checked.
        in.text(body, "comment", false, 2000);
        in.throwIfAny();
        Map<String, Integer> days = new LinkedHashMap<>();
        Input check = new Input();
        Input each = check.nested("thresholds");
        Map<String, Integer> known = engine.active().thresholds().days();
        Iterator<String> codes = thresholds.fieldNames();
        while (codes.hasNext()) {
            String code = codes.next();
            if (!known.containsKey(code)) {
                each.add(code, "unknownAlarm", code);
                continue;
            }
            Integer value = each.integer(thresholds, code, true, 0, MAX_DAYS);
            if (value != null) {
                days.put(code, value);
            }
        }
        try {
            check.throwIfAny();
        } catch (InvalidInputException e) {
            throw new Rejected(e.errors());
        }
        if (days.isEmpty()) {
            throw new InvalidInputException(FieldError.of("thresholds", "required"));
        }
        return days;
    }

    /** The required comment: why the change is made. */
    public String comment(JsonNode body) {
        Input in = new Input();
        String comment = in.text(Input.object(body), "comment", true, 2000);
        in.throwIfAny();
        return comment;
    }

    /** The uploaded files, each a rule file by its own name. */
    public List<RuleSource> files(List<MultipartFile> files) {
        return Uploads.files(files, "ruleFileName", ".drl", ".xlsx", ".csv").entrySet().stream()
                .map(file -> new RuleSource(file.getKey(), file.getValue())).toList();
    }

    /** The required comment of a form or multipart call. */
    public String comment(String comment) {
        Input in = new Input();
        String text = in.text("comment", comment, true, 2000);
        in.throwIfAny();
        return text;
    }

    public RuleSimulation.Result simulate(RuleEngine.Candidate candidate, CurrentUser user) {
        return simulation.simulate(candidate.base(), candidate.ruleSet(), caseFile -> policy.canSee(user, caseFile));
    }
}
