package dk.tvaers.route;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FormalExpression;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ScriptTask;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaScript;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * The product's rules for a BPMN file, beyond the schema and the engine's parser (API.md,
 * Processes): no script anywhere (a script task, a script listener, an external script resource, a
 * condition in a script language: scripts run inside the engine with its full rights) and no
 * {@code camunda:class} (it would instantiate any class on the class path); every user task with a
 * candidate group or an assignee and a form Tværs can show (a task key with the product's own form, or
 * form fields it accepts, {@link FormFields}); the element ids the code refers to kept
 * ({@link RouteProcess#REFERRED_IDS}); every timer a valid ISO-8601 date, duration or cycle (or a cron
 * cycle, or an expression); every delegate expression and expression naming an existing bean;
 * {@code historyTimeToLive} set on every process. Each problem names the file, the element, its line
 * and the reason, in Danish.
 */
public final class ProcessRules {

    /** Names an expression may start with that are not beans: the engine's own variables. */
    private static final Set<String> ENGINE_VARIABLES = Set.of("execution", "task", "authenticatedUserId");
    private static final Pattern CALL = Pattern.compile("^\\s*\\$\\{\\s*([A-Za-z_][A-Za-z0-9_]*)");
    private static final Pattern CRON = Pattern.compile("^\\S+(\\s+\\S+){5,6}$");

    private final Predicate<String> beanExists;

    public ProcessRules(Predicate<String> beanExists) {
        this.beanExists = beanExists;
    }

    public List<InvalidProcessException.Problem> check(String file, byte[] content) {
        BpmnModelInstance model = Bpmn.readModelFromStream(new ByteArrayInputStream(content));
        String xml = new String(content, StandardCharsets.UTF_8);
        List<InvalidProcessException.Problem> problems = new ArrayList<>();
        for (Process process : model.getModelElementsByType(Process.class)) {
            if (process.isExecutable() && (process.getCamundaHistoryTimeToLiveString() == null || process.getCamundaHistoryTimeToLiveString().isBlank())) {
                problems.add(problem(file, xml, process.getId(), "processen skal have camunda:historyTimeToLive (hvor længe historikken gemmes, fx P1825D)"));
            }
        }
        for (Process process : model.getModelElementsByType(Process.class)) {
            for (String id : RouteProcess.REFERRED_IDS.getOrDefault(process.getId(), Set.of())) {
                if (model.getModelElementById(id) == null) {
                    problems.add(problem(file, xml, process.getId(), "elementet '" + id + "' mangler; Tværs' kode bruger det"
                            + " (en formular eller en timer), så det skal blive i processen med samme id"));
                }
            }
        }
        for (ScriptTask task : model.getModelElementsByType(ScriptTask.class)) {
            problems.add(problem(file, xml, task.getId(), "scriptopgaver er ikke tilladt: et script kører inde i motoren med alle dens rettigheder; brug en serviceopgave med en bønne"));
        }
        for (CamundaScript script : model.getModelElementsByType(CamundaScript.class)) {
            problems.add(problem(file, xml, owner(script), "scripts er ikke tilladt (camunda:script i en lytter, et input/output eller en ekstern scriptfil)"));
        }
        for (FormalExpression expression : model.getModelElementsByType(FormalExpression.class)) {
            if (expression.getLanguage() != null && !expression.getLanguage().isBlank()) {
                problems.add(problem(file, xml, owner(expression), "et udtryk i scriptsproget '" + expression.getLanguage()
                        + "' er ikke tilladt; skriv det som ${…}"));
            }
        }
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            if (blank(task.getCamundaCandidateGroups()) && blank(task.getCamundaAssignee()) && blank(task.getCamundaCandidateUsers())) {
                problems.add(problem(file, xml, task.getId(), "brugeropgaven skal have en kandidatgruppe (camunda:candidateGroups) eller en ansvarlig"));
            }
            if (!RouteProcess.Tasks.WITH_FORMS.contains(task.getId())) {
                FormFields.problems(task).forEach(reason -> problems.add(problem(file, xml, task.getId(), reason)));
            }
            for (CamundaTaskListener listener : task.getChildElementsByType(org.camunda.bpm.model.bpmn.instance.ExtensionElements.class).stream()
                    .flatMap(e -> e.getChildElementsByType(CamundaTaskListener.class).stream()).toList()) {
                callable(file, xml, task.getId(), listener.getCamundaClass(), listener.getCamundaExpression(), listener.getCamundaDelegateExpression(), problems);
            }
        }
        for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
            callable(file, xml, task.getId(), task.getCamundaClass(), task.getCamundaExpression(), task.getCamundaDelegateExpression(), problems);
            if (blank(task.getCamundaClass()) && blank(task.getCamundaExpression()) && blank(task.getCamundaDelegateExpression())
                    && blank(task.getCamundaType()) && blank(task.getCamundaTopic())) {
                problems.add(problem(file, xml, task.getId(), "serviceopgaven kalder intet: angiv camunda:delegateExpression med en bønne"));
            }
        }
        for (CamundaExecutionListener listener : model.getModelElementsByType(CamundaExecutionListener.class)) {
            callable(file, xml, owner(listener), listener.getCamundaClass(), listener.getCamundaExpression(), listener.getCamundaDelegateExpression(), problems);
        }
        for (TimerEventDefinition timer : model.getModelElementsByType(TimerEventDefinition.class)) {
            String element = owner(timer.getParentElement());
            timer(file, xml, element, timer.getTimeDate(), "timeDate", problems);
            timer(file, xml, element, timer.getTimeDuration(), "timeDuration", problems);
            timer(file, xml, element, timer.getTimeCycle(), "timeCycle", problems);
            if (timer.getTimeDate() == null && timer.getTimeDuration() == null && timer.getTimeCycle() == null) {
                problems.add(problem(file, xml, element, "timeren har hverken dato, varighed eller gentagelse"));
            }
        }
        return problems;
    }

    /** Every problem of every file; none when all pass. */
    public List<InvalidProcessException.Problem> check(java.util.Map<String, byte[]> files) {
        List<InvalidProcessException.Problem> problems = new ArrayList<>();
        files.forEach((name, content) -> problems.addAll(check(name, content)));
        return problems;
    }

    private void callable(String file, String xml, String element, String className, String expression, String delegateExpression,
                          Collection<InvalidProcessException.Problem> problems) {
        if (!blank(className)) {
            problems.add(problem(file, xml, element, "camunda:class er ikke tilladt (det kan starte en vilkårlig klasse); brug camunda:delegateExpression med en bønne"));
        }
        for (String text : new String[] {expression, delegateExpression}) {
            if (blank(text)) {
                continue;
            }
            Matcher call = CALL.matcher(text);
            if (!call.find()) {
                problems.add(problem(file, xml, element, "udtrykket '" + text + "' skal have formen ${bønne…}"));
            } else if (!ENGINE_VARIABLES.contains(call.group(1)) && !beanExists.test(call.group(1))) {
                problems.add(problem(file, xml, element, "udtrykket '" + text + "' kalder bønnen '" + call.group(1) + "', som ikke findes i Tværs"));
            }
        }
    }

    private static void timer(String file, String xml, String element, ModelElementInstance value, String kind,
                              List<InvalidProcessException.Problem> problems) {
        if (value == null) {
            return;
        }
        String text = value.getTextContent() == null ? "" : value.getTextContent().trim();
        if (text.startsWith("${") || text.startsWith("#{")) {
            return;
        }
        boolean valid = switch (kind) {
            case "timeDate" -> date(text);
            case "timeDuration" -> duration(text);
            default -> cycle(text);
        };
        if (!valid) {
            problems.add(problem(file, xml, element, "timerens " + kind + " '" + text + "' er ikke en gyldig ISO 8601-værdi"
                    + (kind.equals("timeDuration") ? " (fx P14D eller PT2H)" : kind.equals("timeDate") ? " (fx 2026-12-24T10:00:00+01:00)" : " (fx R/P1D eller en cron-linje)")));
        }
    }

    static boolean date(String text) {
        try {
            OffsetDateTime.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            try {
                java.time.LocalDateTime.parse(text);
                return true;
            } catch (DateTimeParseException again) {
                return false;
            }
        }
    }

    static boolean duration(String text) {
        if (text.isEmpty() || !text.startsWith("P")) {
            return false;
        }
        try {
            Duration.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            try {
                Period.parse(text);
                return true;
            } catch (DateTimeParseException again) {
                return false;
            }
        }
    }

    static boolean cycle(String text) {
        if (CRON.matcher(text).matches() && !text.startsWith("R")) {
            return true;
        }
        String[] parts = text.split("/");
        if (parts.length < 2 || parts.length > 3 || !parts[0].matches("R\\d*")) {
            return false;
        }
        for (int i = 1; i < parts.length; i++) {
            if (!duration(parts[i]) && !date(parts[i])) {
                return false;
            }
        }
        return true;
    }

    /** The id of the nearest element with one: the element a problem inside it belongs to. */
    private static String owner(ModelElementInstance element) {
        for (ModelElementInstance e = element; e != null; e = e.getParentElement()) {
            if (e instanceof BaseElement base && base.getId() != null) {
                return base.getId();
            }
        }
        return null;
    }

    private static InvalidProcessException.Problem problem(String file, String xml, String element, String message) {
        return new InvalidProcessException.Problem(file, element, lineOf(xml, element), message);
    }

    /** The line of the element's {@code id="…"} in the file (the model keeps no line numbers). */
    static int lineOf(String xml, String id) {
        if (id == null) {
            return 0;
        }
        int at = xml.indexOf("id=\"" + id + "\"");
        if (at < 0) {
            return 0;
        }
        int line = 1;
        for (int i = 0; i < at; i++) {
            if (xml.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
