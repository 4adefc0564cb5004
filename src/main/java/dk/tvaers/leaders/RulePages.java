package dk.tvaers.leaders;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.tvaers.alarms.RuleSimulation;
import dk.tvaers.rules.RuleCompilationException;
import dk.tvaers.rules.RuleConflictException;
import dk.tvaers.rules.RuleEngine;
import dk.tvaers.rules.RuleNotFoundException;
import dk.tvaers.rules.RuleProblem;
import dk.tvaers.rules.RuleSource;
import dk.tvaers.security.CasesShown;
import dk.tvaers.security.CurrentUser;
import dk.tvaers.web.InvalidInputException;
import dk.tvaers.web.LanguageLink;
import dk.tvaers.web.Texts;
import dk.tvaers.web.WorkplacePage;
import jakarta.servlet.http.HttpSession;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/**
 * The leaders' rules page: every rule in plain language, the thresholds to change with the what-if
 * shown before anything changes ("Aktivér" or "Kassér"), the suggestion table to download and upload
 * again, the version history with rollback. A change a leader submitted is never lost: a refused
 * form keeps what was typed, and an uploaded table waits in the session until it is activated or
 * discarded.
 */
@WorkplacePage
class RulePages {

    static final String THRESHOLD_FIELD = "t_";
    static final String PENDING_FILES = "tvaers.rules.pendingFiles";

    /** One alarm code's line of the what-if: the codes that change first. */
    record AlarmRow(String code, int added, int removed) {
        public boolean changed() {
            return added + removed > 0;
        }
    }

    /** Files uploaded and simulated, waiting for "Aktivér" or "Kassér". */
    record PendingFiles(String token, List<RuleSource> files, String comment) implements java.io.Serializable {}

    private final RuleEngine engine;
    private final RuleBook book;
    private final RuleChanges changes;
    private final Texts texts;
    private final java.time.Clock clock;

    RulePages(RuleEngine engine, RuleBook book, RuleChanges changes, MessageSource messages, java.time.Clock clock) {
        this.clock = clock;
        this.engine = engine;
        this.book = book;
        this.changes = changes;
        this.texts = Texts.of(messages);
    }

    @GetMapping("/regler")
    String page(@RequestParam(required = false) Integer aktiveret, @RequestParam(required = false) String kasseret, Model model) {
        model.addAttribute("activated", aktiveret);
        model.addAttribute("discarded", kasseret != null);
        return page(Map.of(), Map.of(), null, List.of(), model);
    }

    /** The thresholds a form asks for and why, or the form again with its errors by the field. */
    private record ThresholdForm(Map<String, String> values, String comment, Map<String, String> errors, Map<String, Integer> days) {}

    private ThresholdForm thresholdForm(Map<String, String> form) {
        Map<String, String> values = thresholdValues(form);
        String comment = form.getOrDefault("comment", "");
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, Integer> days = changedThresholds(values, comment, errors);
        return new ThresholdForm(values, comment, errors, days);
    }

    /** The thresholds form: what would change, before anything does. */
    @PostMapping("/regler/graenser/virkning")
    String thresholdsWhatIf(@RequestParam Map<String, String> form, Authentication auth, Model model) {
        CurrentUser user = CurrentUser.of(auth);
        RuleChanges.requireChange(user);
        ThresholdForm change = thresholdForm(form);
        if (!change.errors().isEmpty()) {
            return page(change.values(), change.errors(), change.comment(), List.of(), model);
        }
        RuleSimulation.Result result = changes.simulate(engine.withThresholds(change.days()), user);
        CasesShown.mark(result.cases().stream().map(RuleSimulation.CaseDifference::caseId).toList());
        whatIf(result, model);
        model.addAttribute("changedThresholds", change.days());
        model.addAttribute("comment", change.comment());
        model.addAttribute("kind", "thresholds");
        model.addAttribute(LanguageLink.PAGE_URL, "/regler");
        return "leaders/whatif";
    }

    @PostMapping("/regler/graenser")
    String activateThresholds(@RequestParam Map<String, String> form, Authentication auth, Model model) {
        CurrentUser user = CurrentUser.of(auth);
        RuleChanges.requireChange(user);
        ThresholdForm change = thresholdForm(form);
        if (!change.errors().isEmpty()) {
            return page(change.values(), change.errors(), change.comment(), List.of(), model);
        }
        int version = activate(engine.withThresholds(change.days()), user.id(), change.comment().trim());
        return "redirect:/regler?aktiveret=" + version;
    }

    /** An uploaded table or DRL file: compiled and simulated; kept in the session until activated or discarded. */
    @PostMapping("/regler/filer/virkning")
    String filesWhatIf(@RequestParam(name = "files", required = false) List<MultipartFile> files,
                       @RequestParam(name = "comment", required = false) String comment, Authentication auth, HttpSession session, Model model) {
        CurrentUser user = CurrentUser.of(auth);
        RuleChanges.requireChange(user);
        Map<String, String> errors = new LinkedHashMap<>();
        List<RuleSource> sources = List.of();
        try {
            sources = changes.files(files);
        } catch (InvalidInputException e) {
            e.errors().forEach(error -> errors.merge("files", error.message(texts), (a, b) -> a + " " + b));
        }
        String why = comment == null ? "" : comment;
        try {
            changes.comment(why);
        } catch (InvalidInputException e) {
            errors.put("fileComment", e.errors().get(0).message(texts));
        }
        if (!errors.isEmpty()) {
            return page(Map.of(), errors, why, List.of(), model);
        }
        RuleSimulation.Result result;
        try {
            result = changes.simulate(engine.withFiles(sources), user);
        } catch (RuleCompilationException e) {
            return page(Map.of(), Map.of("files", texts.get("rules.upload.refused")), why, e.problems(), model);
        }
        PendingFiles pending = new PendingFiles(UUID.randomUUID().toString(), sources, why.trim());
        session.setAttribute(PENDING_FILES, pending);
        CasesShown.mark(result.cases().stream().map(RuleSimulation.CaseDifference::caseId).toList());
        whatIf(result, model);
        model.addAttribute("pending", pending);
        model.addAttribute("comment", why);
        model.addAttribute("kind", "files");
        model.addAttribute(LanguageLink.PAGE_URL, "/regler");
        return "leaders/whatif";
    }

    @PostMapping("/regler/filer")
    String activateFiles(@RequestParam String token, Authentication auth, HttpSession session) {
        CurrentUser user = CurrentUser.of(auth);
        RuleChanges.requireChange(user);
        if (!(session.getAttribute(PENDING_FILES) instanceof PendingFiles pending) || !pending.token().equals(token)) {
            throw new ResponseStatusException(HttpStatus.CONFLICT);
        }
        int version = activate(engine.withFiles(pending.files()), user.id(), pending.comment());
        session.removeAttribute(PENDING_FILES);
        return "redirect:/regler?aktiveret=" + version;
    }

    @PostMapping("/regler/filer/kasser")
    String discardFiles(HttpSession session) {
        session.removeAttribute(PENDING_FILES);
        return "redirect:/regler?kasseret";
    }

    @PostMapping("/regler/versioner/{n}/aktiver")
    String activateVersion(@PathVariable int n, @RequestParam(required = false) String comment, Authentication auth, Model model) {
        CurrentUser user = CurrentUser.of(auth);
        RuleChanges.requireChange(user);
        String why;
        try {
            why = changes.comment(comment == null ? "" : comment);
        } catch (InvalidInputException e) {
            model.addAttribute("versionError", n);
            return page(Map.of(), Map.of("comment-" + n, e.errors().get(0).message(texts)), null, List.of(), model);
        }
        try {
            engine.activate(n, user.id(), why);
        } catch (RuleNotFoundException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return "redirect:/regler?aktiveret=" + n;
    }

    @GetMapping("/regler/kilder/{name}")
    ResponseEntity<byte[]> source(@PathVariable String name) {
        return RuleBook.download(engine.active(), name).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private String page(Map<String, String> values, Map<String, String> errors, String comment, List<RuleProblem> problems, Model model) {
        model.addAttribute("rules", book.active(texts));
        model.addAttribute("thresholds", book.thresholds());
        model.addAttribute("versions", book.versions());
        model.addAttribute("tables", book.tables());
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("comment", comment);
        model.addAttribute("problems", problems);
        model.addAttribute("maxDays", RuleChanges.MAX_DAYS);
        model.addAttribute("zone", clock.getZone());
        model.addAttribute(LanguageLink.PAGE_URL, "/regler");
        return "leaders/rules";
    }

    /** A change stored as the new version; another stored at the same moment is the page's conflict (the change is kept to try again). */
    private int activate(RuleEngine.Candidate candidate, String by, String comment) {
        try {
            return engine.activate(candidate, by, comment);
        } catch (RuleConflictException e) {
            throw new ResponseStatusException(HttpStatus.CONFLICT);
        }
    }

    private static void whatIf(RuleSimulation.Result result, Model model) {
        model.addAttribute("result", result);
        model.addAttribute("alarmRows", result.alarmsAdded().keySet().stream()
                .map(code -> new AlarmRow(code, result.alarmsAdded().get(code), result.alarmsRemoved().getOrDefault(code, 0)))
                .sorted(java.util.Comparator.comparing((AlarmRow row) -> -(row.added() + row.removed())).thenComparing(AlarmRow::code))
                .toList());
    }

    private static Map<String, String> thresholdValues(Map<String, String> form) {
        Map<String, String> values = new LinkedHashMap<>();
        form.forEach((name, value) -> {
            if (name.startsWith(THRESHOLD_FIELD)) {
                values.put(name.substring(THRESHOLD_FIELD.length()), value == null ? "" : value.trim());
            }
        });
        return values;
    }

    /** The thresholds that differ from the active ones, checked as the API checks them; errors by field id. */
    private Map<String, Integer> changedThresholds(Map<String, String> values, String comment, Map<String, String> errors) {
        Map<String, Integer> active = engine.active().thresholds().days();
        ObjectNode thresholds = JsonNodeFactory.instance.objectNode();
        values.forEach((code, text) -> {
            if (text.matches("-?\\d{1,9}")) {
                if (Integer.parseInt(text) != active.getOrDefault(code, -1)) {
                    thresholds.put(code, Integer.parseInt(text));
                }
            } else {
                errors.put(THRESHOLD_FIELD + code, texts.get("input.integer"));
            }
        });
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.set("thresholds", thresholds);
        body.put("comment", comment);
        Map<String, Integer> days = Map.of();
        if (thresholds.isEmpty() && errors.isEmpty()) {
            errors.put("thresholds", texts.get("rules.thresholds.unchanged"));
        } else if (!thresholds.isEmpty()) {
            try {
                days = changes.thresholds(body);
            } catch (RuleChanges.Rejected e) {
                e.errors().forEach(error -> errors.put(THRESHOLD_FIELD + error.field().substring("thresholds.".length()), error.message(texts)));
            }
        }
        try {
            changes.comment(body);
        } catch (InvalidInputException e) {
            errors.put("comment", e.errors().stream().map(error -> error.message(texts)).findFirst().orElse(""));
        }
        return days;
    }
}
