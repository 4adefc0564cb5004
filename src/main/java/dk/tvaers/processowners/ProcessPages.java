package dk.tvaers.processowners;

import dk.tvaers.route.InvalidProcessException;
import dk.tvaers.route.MigrationRefusedException;
import dk.tvaers.route.ProcessDeployments;
import dk.tvaers.route.RouteMigrations;
import dk.tvaers.route.WaitingTimes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.tvaers.security.CurrentUser;
import dk.tvaers.web.Input;
import dk.tvaers.web.InvalidInputException;
import dk.tvaers.web.LanguageLink;
import dk.tvaers.web.Texts;
import dk.tvaers.web.Uploads;
import dk.tvaers.web.WorkplacePage;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
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
 * The process owners' pages: every process with its versions, who deployed each and the cases on it;
 * a version's diagram with where cases wait (a heatmap against the alarm thresholds, the slowest steps
 * beside it, every figure in a table too); and a deployment from the browser in two steps, "Kontrollér"
 * (the files checked as a deployment checks them, refusals by the file, what changes drawn on the
 * diagram) and "Deploy". The uploaded files wait in the session in between, so nothing is lost. Case
 * ids and counts only: no citizen.
 */
@WorkplacePage
class ProcessPages {

    static final String PENDING = "tvaers.processes.pending";

    /** Files checked and waiting for "Deploy" or "Kassér". */
    record Pending(String token, Map<String, byte[]> files, String comment) implements Serializable {}

    /** A step as the page shows it: figures in hours or days, and how hot it is (cool, warm, hot; none without visits). */
    record StepView(String activityId, String name, long running, long completed, String median, String p90, String runningMedian,
                    String heat, Integer thresholdDays) {}

    /** What the diagram's script draws on a step: its heat and a short label. */
    record Overlay(String id, String heat, String label) {}

    private final ProcessDeployments deployments;
    private final WaitingTimes waitingTimes;
    private final RouteMigrations migrations;
    private final Texts texts;
    private final ObjectMapper json;

    ProcessPages(ProcessDeployments deployments, WaitingTimes waitingTimes, RouteMigrations migrations, MessageSource messages, ObjectMapper json) {
        this.deployments = deployments;
        this.waitingTimes = waitingTimes;
        this.migrations = migrations;
        this.texts = Texts.of(messages);
        this.json = json;
    }

    @GetMapping("/processer")
    String processes(Model model) {
        return list(Map.of(), List.of(), "", model);
    }

    private String list(Map<String, String> errors, List<InvalidProcessException.Problem> problems, String comment, Model model) {
        model.addAttribute("processes", deployments.processes());
        model.addAttribute("errors", errors);
        model.addAttribute("problems", problems);
        model.addAttribute("comment", comment);
        model.addAttribute(LanguageLink.PAGE_URL, "/processer");
        return "processowners/processes";
    }

    /** Step one of a deployment: the files checked, and what they change shown on the diagram. */
    @PostMapping("/processer/kontrol")
    String check(@RequestParam(name = "files", required = false) List<MultipartFile> files,
                 @RequestParam(name = "comment", required = false) String comment, HttpSession session, Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, byte[]> bpmn = Map.of();
        try {
            bpmn = Uploads.files(files, "processFileName", ".bpmn");
        } catch (InvalidInputException e) {
            e.errors().forEach(error -> errors.merge("files", error.message(texts), (a, b) -> a + " " + b));
        }
        String why = comment == null ? "" : comment;
        try {
            Input in = new Input();
            in.text("comment", why, true, 2000);
            in.throwIfAny();
        } catch (InvalidInputException e) {
            errors.put("comment", e.errors().get(0).message(texts));
        }
        if (!errors.isEmpty()) {
            return list(errors, List.of(), why, model);
        }
        List<ProcessDeployments.Changes> changes;
        try {
            changes = deployments.preview(bpmn);
        } catch (InvalidProcessException e) {
            return list(Map.of("files", texts.get("processes.refused")), e.problems(), why, model);
        }
        Pending pending = new Pending(UUID.randomUUID().toString(), new LinkedHashMap<>(bpmn), why.trim());
        session.setAttribute(PENDING, pending);
        model.addAttribute("pending", pending);
        model.addAttribute("fileNames", new ArrayList<>(bpmn.keySet()));
        model.addAttribute("changes", changes);
        model.addAttribute("added", String.join(",", changes.stream().flatMap(c -> c.added().stream()).toList()));
        model.addAttribute("changed", String.join(",", changes.stream().flatMap(c -> c.changed().stream()).toList()));
        model.addAttribute("unchanged", changes.stream().allMatch(c -> c.added().isEmpty() && c.removed().isEmpty() && c.changed().isEmpty()));
        model.addAttribute(LanguageLink.PAGE_URL, "/processer");
        return "processowners/preview";
    }

    /** A file waiting in the session, for the diagram of what it changes. */
    @GetMapping("/processer/kontrol/fil")
    ResponseEntity<byte[]> pendingFile(@RequestParam String token, @RequestParam String name, HttpSession session) {
        if (!(session.getAttribute(PENDING) instanceof Pending pending) || !pending.token().equals(token) || !pending.files().containsKey(name)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML).body(pending.files().get(name));
    }

    /** Step two: deploys the checked files; a refusal from the engine's parser comes back by the file. */
    @PostMapping("/processer/deploy")
    String deploy(@RequestParam String token, Authentication auth, HttpSession session, Model model) {
        if (!(session.getAttribute(PENDING) instanceof Pending pending) || !pending.token().equals(token)) {
            throw new ResponseStatusException(HttpStatus.CONFLICT);
        }
        ProcessDeployments.Deployed deployed;
        try {
            deployed = deployments.deploy(pending.files(), CurrentUser.of(auth).id(), pending.comment());
        } catch (InvalidProcessException e) {
            session.removeAttribute(PENDING);
            return list(Map.of("files", texts.get("processes.refused")), e.problems(), pending.comment(), model);
        }
        session.removeAttribute(PENDING);
        if (deployed.definitions().isEmpty()) {
            return "redirect:/processer?uaendret";
        }
        ProcessDeployments.Definition first = deployed.definitions().get(0);
        return "redirect:/processer?deployet=" + first.key() + "&version=" + first.version();
    }

    @PostMapping("/processer/kasser")
    String discard(HttpSession session) {
        session.removeAttribute(PENDING);
        return "redirect:/processer?kasseret";
    }

    /** A version's diagram with where its cases wait, over a date range of completed visits. */
    @GetMapping("/processer/{definitionId}")
    String version(@PathVariable String definitionId, @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                   Model model) throws JsonProcessingException {
        ProcessDeployments.Version version = deployments.processes().stream().flatMap(p -> p.versions().stream()
                .map(v -> Map.entry(p, v))).filter(e -> e.getValue().definitionId().equals(definitionId)).findFirst()
                .map(e -> {
                    model.addAttribute("process", e.getKey());
                    return e.getValue();
                }).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate fromDay = day("from", from, errors);
        LocalDate toDay = day("to", to, errors);
        if (fromDay != null && toDay != null && toDay.isBefore(fromDay)) {
            errors.put("to", texts.get("input.endBeforeStart"));
        }
        List<WaitingTimes.Step> steps = waitingTimes.of(definitionId, errors.isEmpty() ? fromDay : null, errors.isEmpty() ? toDay : null);
        double slowest = steps.stream().mapToDouble(s -> s.p90Hours() == null ? 0 : s.p90Hours()).max().orElse(0);
        List<StepView> views = steps.stream().map(s -> view(s, slowest)).toList();
        Map<String, StepView> byId = new LinkedHashMap<>();
        views.forEach(v -> byId.put(v.activityId(), v));
        model.addAttribute("version", version);
        model.addAttribute("targets", ((ProcessDeployments.ProcessView) model.getAttribute("process")).versions().stream()
                .filter(v -> !v.definitionId().equals(definitionId)).toList());
        model.addAttribute("steps", views);
        model.addAttribute("slowest", WaitingTimes.slowest(steps, 5).stream().map(s -> byId.get(s.activityId())).toList());
        model.addAttribute("overlays", json.writeValueAsString(views.stream().filter(v -> !"none".equals(v.heat()) || v.running() > 0)
                .map(v -> new Overlay(v.activityId(), v.heat(), texts.get("processes.overlay", v.running(), v.median() == null ? "–" : v.median())))
                .toList()));
        model.addAttribute("from", from == null ? "" : from);
        model.addAttribute("to", to == null ? "" : to);
        model.addAttribute("errors", errors);
        model.addAttribute(LanguageLink.PAGE_URL, "/processer/" + definitionId);
        return "processowners/process";
    }

    /** Step one of moving running cases: the plan to the chosen version, and the dry run's cases that can and cannot move. */
    @GetMapping("/processer/{definitionId}/flyt")
    String migrationPlan(@PathVariable String definitionId, @RequestParam String target, Model model) {
        model.addAttribute("source", version(definitionId));
        model.addAttribute("target", version(target));
        try {
            model.addAttribute("report", migrations.dryRun(definitionId, target, null));
        } catch (MigrationRefusedException e) {
            model.addAttribute("refused", e.reasons());
        }
        model.addAttribute(LanguageLink.PAGE_URL, "/processer/" + definitionId);
        return "processowners/migrate";
    }

    /** Step two: the engine's batch for the cases that can move; its progress on a page of its own. */
    @PostMapping("/processer/{definitionId}/flyt")
    String migrate(@PathVariable String definitionId, @RequestParam String target, Authentication auth, Model model) {
        try {
            return "redirect:/processer/flytninger/" + migrations.start(definitionId, target, null, CurrentUser.of(auth).id()).migrationId();
        } catch (MigrationRefusedException e) {
            return migrationPlan(definitionId, target, model);
        }
    }

    @GetMapping("/processer/flytninger/{migrationId}")
    String migration(@PathVariable String migrationId, Model model) {
        RouteMigrations.Status status = migrations.status(migrationId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("migration", status);
        model.addAttribute("source", version(status.sourceDefinitionId()));
        model.addAttribute("target", version(status.targetDefinitionId()));
        model.addAttribute(LanguageLink.PAGE_URL, "/processer/flytninger/" + migrationId);
        return "processowners/migration";
    }

    /** A version with its process's name, for the pages' headings; 404 when there is none. */
    private Map<String, Object> version(String definitionId) {
        return deployments.processes().stream().flatMap(p -> p.versions().stream().filter(v -> v.definitionId().equals(definitionId))
                        .map(v -> Map.<String, Object>of("name", p.name(), "key", p.key(), "version", v)))
                .findFirst().orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    @GetMapping("/processer/{definitionId}/bpmn")
    ResponseEntity<byte[]> bpmn(@PathVariable String definitionId) {
        byte[] xml = deployments.xml(definitionId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML).body(xml);
    }

    private LocalDate day(String field, String text, Map<String, String> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (java.time.format.DateTimeParseException e) {
            errors.put(field, texts.get("input.date"));
            return null;
        }
    }

    /**
     * A step's heat: against its alarm threshold where one applies (hot at the threshold, warm from three
     * quarters of it), otherwise against the slowest step of the version (hot from three quarters of it, warm from a third).
     */
    private StepView view(WaitingTimes.Step step, double slowest) {
        Double wait = step.p90Hours() != null ? step.p90Hours() : step.runningMedianHours();
        String heat;
        if (wait == null) {
            heat = "none";
        } else if (step.thresholdDays() != null) {
            double limit = step.thresholdDays() * 24d;
            heat = wait >= limit ? "hot" : wait >= 0.75 * limit ? "warm" : "cool";
        } else {
            heat = slowest <= 0 ? "cool" : wait >= 0.75 * slowest ? "hot" : wait >= slowest / 3 ? "warm" : "cool";
        }
        return new StepView(step.activityId(), step.name() == null ? step.activityId() : step.name(), step.running(), step.completed(),
                duration(step.medianHours()), duration(step.p90Hours()), duration(step.runningMedianHours()), heat, step.thresholdDays());
    }

    /** Hours as people read them: hours under two days, days from there. */
    private String duration(Double hours) {
        if (hours == null) {
            return null;
        }
        return hours < 48 ? texts.get("processes.hours", String.format(Locale.forLanguageTag("da"), "%.1f", hours))
                : texts.get("processes.days", String.format(Locale.forLanguageTag("da"), "%.1f", hours / 24));
    }
}
