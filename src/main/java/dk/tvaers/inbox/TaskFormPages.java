package dk.tvaers.inbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.tvaers.casefile.CaseFiles;
import dk.tvaers.casefile.CaseRuleException;
import dk.tvaers.casefile.CitizenPlan;
import dk.tvaers.casefile.Dimension;
import dk.tvaers.casefile.GoalStatus;
import dk.tvaers.casefile.ConsentGiver;
import dk.tvaers.casefile.Department;
import dk.tvaers.casefile.InvolvementStatus;
import dk.tvaers.casefile.Participant;
import dk.tvaers.caseview.CaseViews;
import dk.tvaers.meetings.Invitations;
import dk.tvaers.route.RouteProcess.Tasks;
import dk.tvaers.security.CurrentUser;
import dk.tvaers.web.ConflictException;
import dk.tvaers.web.InvalidInputException;
import dk.tvaers.web.Texts;
import dk.tvaers.web.WorkplacePage;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A form for every user task of the default route. The form's fields are turned into the API's
 * completion body and validated by the same parser, so the page and the API say the same thing;
 * on an error the page comes back with the message by each field and what the user typed kept.
 */
@WorkplacePage
class TaskFormPages {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** Rows for network persons on the network meeting form. */
    static final int NETWORK_ROWS = 3;
    /** Rows for agreements on the network meeting form. */
    static final int AGREEMENT_ROWS = 5;
    /** Rows for the citizen's goals on the network meeting form, and for each goal's sub-goals. */
    static final int GOAL_ROWS = 3;
    static final int SUB_GOAL_ROWS = 3;
    private static final ZoneId DANISH_TIME = ZoneId.of("Europe/Copenhagen");
    private static final Pattern PARTICIPANT = Pattern.compile("participants\\[([0-9]+)\\]\\..*");
    private static final Pattern SUB_GOAL_FIELD = Pattern.compile("goals\\[([0-9]+)\\]\\.subGoals\\[([0-9]+)\\](.*)");
    private static final Pattern GOAL_FIELD = Pattern.compile("goals\\[([0-9]+)\\](.*)");
    private static final Pattern AGREEMENT_FIELD = Pattern.compile("agreements\\[([0-9]+)\\](.*)");
    private static final Pattern GOAL_CHANGE_FIELD = Pattern.compile("goals\\[([0-9]+)\\].*");

    private final Inbox inbox;
    private final CaseFiles caseFiles;
    private final CaseViews views;
    private final Invitations invitations;
    private final Texts texts;
    private final Clock clock;

    TaskFormPages(Inbox inbox, CaseFiles caseFiles, CaseViews views, Invitations invitations, MessageSource messages, Clock clock) {
        this.inbox = inbox;
        this.caseFiles = caseFiles;
        this.views = views;
        this.invitations = invitations;
        this.texts = Texts.of(messages);
        this.clock = clock;
    }

    /** A comment as the task's page shows it: the time in the municipality's zone. */
    record CommentLine(String author, java.time.ZonedDateTime time, String text) {}

    @GetMapping("/opgaver/{id}")
    String form(@PathVariable String id, Authentication auth, Model model) {
        Inbox.TaskView task = inbox.task(CurrentUser.of(auth), id);
        MultiValueMap<String, String> values = new LinkedMultiValueMap<>();
        Optional<String> heldBy = inbox.heldBy(CurrentUser.of(auth), id);
        if (heldBy.isPresent()) {
            // Never a form its user cannot submit: who holds the task instead, and the way to the case.
            model.addAttribute("heldBy", heldBy.get());
            return page(task, values, Map.of(), model, auth);
        }
        if (Tasks.REGISTER_CONSENT.equals(task.taskKey()) && minorAge(task, model)) {
            // Under 18 only the custody holder's consent counts: the form starts there.
            values.add("givenBy", ConsentGiver.CUSTODY_HOLDER.name());
        }
        if (Tasks.REGISTER_CONSENT.equals(task.taskKey())) {
            // The departments the rules suggest (and any already involved) ticked, and today's date: the coordinator
            // takes off what the citizen does not agree to, instead of remembering what to add.
            caseFiles.find(task.caseId()).ifPresent(c -> c.departments().stream()
                    .filter(d -> d.department() != Department.JOBCENTER)
                    .filter(d -> d.status() == InvolvementStatus.SUGGESTED || d.status() == InvolvementStatus.INVOLVED)
                    .forEach(d -> values.add("departments", d.department().name())));
            values.add("givenOn", LocalDate.now(clock).toString());
            values.add("involve", "true");
        }
        if (Tasks.NETWORK_MEETING.equals(task.taskKey())) {
            caseFiles.find(task.caseId()).flatMap(invitations::upcoming).ifPresent(invitation -> {
                prefill(values, invitation, LocalDate.now(clock));
                model.addAttribute("prefilledFrom", invitation.startsAt().atZone(DANISH_TIME));
            });
        }
        if (Tasks.FOLLOW_UP.equals(task.taskKey())) {
            // Each goal and sub-goal of the plan starts at its status now: the coordinator changes what moved.
            caseFiles.find(task.caseId()).ifPresent(c -> c.goals().forEach(g -> values.add("goalStatus." + g.id(), g.status().name())));
        }
        for (Inbox.FieldView field : genericFields(task, auth)) {
            if (field.defaultValue() != null) {
                values.add(field.id(), field.defaultValue());
            }
        }
        return page(task, values, Map.of(), model, auth);
    }

    /** Tells the consent form the citizen's age when it is under 18 (model {@code minorAge}); true then. */
    private boolean minorAge(Inbox.TaskView task, Model model) {
        if (!Tasks.REGISTER_CONSENT.equals(task.taskKey())) {
            return false;
        }
        LocalDate today = LocalDate.now(clock);
        return caseFiles.find(task.caseId()).filter(c -> c.ageOn(today) < 18).map(c -> {
            model.addAttribute("minorAge", c.ageOn(today));
            return true;
        }).orElse(false);
    }

    /**
     * The meeting form starts from the invitation: who was invited is ticked or written, and the day
     * once it has come; the coordinator removes whoever did not come.
     */
    static void prefill(MultiValueMap<String, String> values, Invitations.Invitation invitation, LocalDate today) {
        LocalDate day = LocalDate.ofInstant(invitation.startsAt(), DANISH_TIME);
        if (!day.isAfter(today)) {
            values.add("heldOn", day.toString());
        }
        int row = 0;
        for (Invitations.Invitee invitee : invitation.invitees()) {
            if (Participant.CITIZEN.equals(invitee.role())) {
                values.add("participantCitizen", "true");
            } else if (invitee.department() != null && invitee.department() != Department.JOBCENTER) {
                values.add("participantDepartments", invitee.department().name());
            } else if (Participant.NETWORK.equals(invitee.role()) && invitee.name() != null && row < NETWORK_ROWS) {
                values.add("participantNetwork" + row++, invitee.name());
            }
        }
    }

    @PostMapping("/opgaver/{id}")
    String complete(@PathVariable String id, @RequestParam MultiValueMap<String, String> form, Authentication auth, Model model,
                    RedirectAttributes redirect) {
        CurrentUser user = CurrentUser.of(auth);
        Inbox.TaskView task = inbox.task(user, id);
        Optional<String> heldBy = inbox.heldBy(user, id);
        if (heldBy.isPresent()) {
            // Taken by someone else meanwhile, or never this user's: nothing is completed, and what was typed stays on the page.
            return keptFor(heldBy.get(), task, form, model, auth);
        }
        try {
            inbox.complete(user, id, TaskForm.FORMS.containsKey(task.taskKey()) ? body(task.taskKey(), form)
                    : genericBody(genericFields(task, auth), form));
        } catch (InvalidInputException e) {
            Map<String, String> errors = new LinkedHashMap<>();
            e.errors().forEach(error -> errors.putIfAbsent(error.field().isEmpty() ? "form" : formField(task.taskKey(), form, error.field()),
                    error.message(texts)));
            minorAge(task, model);
            return page(task, form, errors, model, auth);
        } catch (CaseRuleException e) {
            if (e.isStateRule()) {
                throw e;
            }
            // A rule of the case file broke (an agreement under a sub-goal no longer worked on): by its field, input kept.
            Map<String, String> errors = new LinkedHashMap<>();
            e.violations().stream().filter(v -> v.field() != null).forEach(v -> errors.putIfAbsent(formField(task.taskKey(), form, v.field()),
                    texts.get("input." + v.code(), v.args().toArray())));
            return page(task, form, errors, model, auth);
        } catch (ConflictException | dk.tvaers.route.TaskConflictException e) {
            return keptFor(inbox.heldBy(user, id).orElse(user.id()), task, form, model, auth);
        }
        redirect.addFlashAttribute("completed", texts.find("taskKey." + task.taskKey()).orElse(task.name()));
        return "redirect:/sager/" + task.caseId();
    }

    /** The form as it was posted, without its submit button, saying who holds the task now. */
    private String keptFor(String heldBy, Inbox.TaskView task, MultiValueMap<String, String> form, Model model, Authentication auth) {
        model.addAttribute("heldBy", heldBy);
        model.addAttribute("heldByKept", true);
        return page(task, form, Map.of(), model, auth);
    }

    private String page(Inbox.TaskView task, MultiValueMap<String, String> values, Map<String, String> errors, Model model, Authentication auth) {
        model.addAttribute("task", Map.of("id", task.id(), "key", task.taskKey(), "name", task.name(), "caseId", task.caseId(),
                "citizenName", task.citizenName()));
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        CurrentUser user = CurrentUser.of(auth);
        model.addAttribute("comments", inbox.comments(user, task.id()).stream()
                .map(c -> new CommentLine(c.author(), c.time().atZone(clock.getZone()), c.text())).toList());
        model.addAttribute("commentMax", dk.tvaers.route.TaskComments.MAX_LENGTH);
        // The follow-up date is the holder's: set by whoever may complete the task.
        model.addAttribute("followUp", task.followUp());
        // The callers have asked who holds the task already: "heldBy" is on the model exactly when it is not this user's.
        model.addAttribute("mayFollowUp", !model.containsAttribute("heldBy"));
        Map<String, String> departments = new LinkedHashMap<>();
        Arrays.stream(Department.values()).filter(d -> d != Department.JOBCENTER).forEach(d -> departments.put(d.name(), texts.get("department." + d.name())));
        model.addAttribute("departmentNames", departments);
        model.addAttribute("networkRows", IntStream.range(0, NETWORK_ROWS).boxed().toList());
        model.addAttribute("agreementRows", IntStream.range(0, AGREEMENT_ROWS).boxed().toList());
        if (Tasks.NETWORK_MEETING.equals(task.taskKey()) || Tasks.FOLLOW_UP.equals(task.taskKey())) {
            // The plan as it stands: shown above the meeting's new goals, and revised goal by goal at the follow-up.
            caseFiles.find(task.caseId()).ifPresent(c -> {
                model.addAttribute("plan", views.plan(c));
                model.addAttribute("subGoalOptions", subGoalOptions(CitizenPlan.of(c)));
            });
            Map<String, String> dimensions = new LinkedHashMap<>();
            dimensions.put("", texts.get("plan.dimension.none"));
            Arrays.stream(Dimension.values()).forEach(d -> dimensions.put(d.name(), texts.get("value." + d.name())));
            model.addAttribute("dimensionOptions", dimensions);
            Map<String, String> statuses = new LinkedHashMap<>();
            Arrays.stream(GoalStatus.values()).forEach(st -> statuses.put(st.name(), texts.get("goal.status." + st.name())));
            model.addAttribute("goalStatusOptions", statuses);
            model.addAttribute("goalRows", IntStream.range(0, GOAL_ROWS).boxed().toList());
            model.addAttribute("subGoalRows", IntStream.range(0, SUB_GOAL_ROWS).boxed().toList());
        }
        model.addAttribute("choices", choices(task.taskKey()));
        if (!TaskForm.FORMS.containsKey(task.taskKey()) && inbox.hasGenericForm(CurrentUser.of(auth), task.id())) {
            List<Inbox.FieldView> fields = genericFields(task, auth);
            model.addAttribute("genericFields", fields);
            // The error summary names the field each error is for: the labels are the process owner's.
            Map<String, String> labels = new LinkedHashMap<>();
            fields.forEach(field -> labels.put(field.id(), field.label()));
            model.addAttribute("fieldLabels", labels);
        } else {
            // The error summary names the field each error is for, as its label on the form says it.
            Map<String, String> labels = new LinkedHashMap<>();
            errors.keySet().forEach(field -> {
                String label = label(field, model);
                if (label != null) {
                    labels.put(field, label);
                }
            });
            model.addAttribute("fieldLabels", labels);
        }
        return "inbox/task";
    }

    private static final Pattern ROW_FIELD = Pattern.compile("(agreements|goals)\\[([0-9]+)\\]\\.(subGoals\\[([0-9]+)\\]\\.)?([a-zA-Z]+)");

    /** The label a field of the product's forms has on the page, or null where the field has none of its own. */
    private String label(String field, Model model) {
        Matcher row = ROW_FIELD.matcher(field);
        if (row.matches()) {
            int n = Integer.parseInt(row.group(2)) + 1;
            if (row.group(1).equals("agreements")) {
                return texts.find("field.agreement." + row.group(5), n).orElse(null);
            }
            if (row.group(3) != null) {
                return texts.get("field.subGoal.text", n, Integer.parseInt(row.group(4)) + 1);
            }
            return texts.find("field.goal." + row.group(5), n).orElse(null);
        }
        if (field.startsWith("participantNetwork")) {
            return texts.get("field.participant.network", Integer.parseInt(field.substring("participantNetwork".length())) + 1);
        }
        if (field.startsWith("progression.")) {
            return texts.find("value." + field.substring("progression.".length())).orElse(null);
        }
        if (field.startsWith("goalStatus.") && model.getAttribute("plan") instanceof dk.tvaers.caseview.PlanView plan) {
            String id = field.substring("goalStatus.".length());
            return plan.goals().stream().flatMap(g -> Stream.concat(Stream.of(Map.entry(g.id(), texts.get("field.goalStatus", g.text()))),
                            g.subGoals().stream().map(sub -> Map.entry(sub.id(), texts.get("field.subGoalStatus", sub.text())))))
                    .filter(e -> String.valueOf(e.getKey()).equals(id)).map(Map.Entry::getValue).findFirst().orElse(null);
        }
        return texts.find("field." + field).orElse(null);
    }

    /** What an agreement on the network meeting form can sit under: none, a sub-goal written on the form, or one from before. */
    private Map<String, String> subGoalOptions(CitizenPlan plan) {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("", texts.get("plan.subGoal.none"));
        for (int g = 0; g < GOAL_ROWS; g++) {
            for (int sub = 0; sub < SUB_GOAL_ROWS; sub++) {
                options.put("new:" + g + "." + sub, texts.get("plan.subGoal.new", g + 1, sub + 1));
            }
        }
        plan.activeSubGoals().forEach(sub -> options.put("id:" + sub.id(), texts.get("plan.subGoal.existing", sub.text())));
        return options;
    }

    /** The fields of a step a process owner added; none for a task with the product's own form. */
    private List<Inbox.FieldView> genericFields(Inbox.TaskView task, Authentication auth) {
        if (TaskForm.FORMS.containsKey(task.taskKey()) || !inbox.hasGenericForm(CurrentUser.of(auth), task.id())) {
            return List.of();
        }
        return inbox.form(CurrentUser.of(auth), task.id()).fields();
    }

    /**
     * A generic form's fields as the completion body: a yes/no as a boolean, a whole number as a number,
     * everything else (text, a day, an enum value) as the text typed or picked; what cannot be read is
     * passed on as typed, so the parser names the field.
     */
    static ObjectNode genericBody(List<Inbox.FieldView> fields, MultiValueMap<String, String> form) {
        ObjectNode body = JSON.objectNode();
        for (Inbox.FieldView field : fields) {
            String name = field.id();
            switch (field.type()) {
                case "boolean" -> bool(body, form, name);
                case "long" -> {
                    String value = first(form, name);
                    if (value != null) {
                        try {
                            body.put(name, Long.parseLong(value));
                        } catch (NumberFormatException e) {
                            body.put(name, value);
                        }
                    }
                }
                default -> text(body, form, name);
            }
        }
        return body;
    }

    /**
     * The form's fields as the API's completion body of that task key, read off its form record: a field per
     * component, by the component's type (a yes/no, a number, a list of codes, scores per constant of an
     * enum, the meeting's participants and agreements, otherwise text).
     */
    static ObjectNode body(String taskKey, MultiValueMap<String, String> form) {
        TaskForm.Form spec = TaskForm.FORMS.get(taskKey);
        if (spec == null) {
            throw new ConflictException("Opgaven " + taskKey + " har ingen formular i Tværs");
        }
        ObjectNode body = JSON.objectNode();
        for (RecordComponent component : spec.type().getRecordComponents()) {
            String name = component.getName();
            TaskForm.OnlyWhen only = component.getAnnotation(TaskForm.OnlyWhen.class);
            if (only != null && !only.value().equals(first(form, only.field()))) {
                continue;
            }
            Class<?> type = component.getType();
            if (type == boolean.class || type == Boolean.class) {
                bool(body, form, name);
            } else if (type == Integer.class || type == int.class) {
                number(body, form, name, name);
            } else if (type == Set.class) {
                codes(body, form, name);
            } else if (type == Map.class) {
                ObjectNode scores = body.putObject(name);
                constants(typeArgument(component)).forEach(key -> number(scores, form, name + "." + key, key));
            } else if (type == List.class && typeArgument(component) == Participant.class) {
                participants(body.putArray(name), form);
            } else if (type == List.class && typeArgument(component) == TaskForm.AgreementLine.class) {
                agreements(body.putArray(name), form);
            } else if (type == List.class && typeArgument(component) == TaskForm.GoalLine.class) {
                goals(body.putArray(name), form);
            } else if (type == List.class && typeArgument(component) == CaseFiles.GoalChange.class) {
                goalChanges(body.putArray(name), form);
            } else {
                text(body, form, name);
            }
        }
        return body;
    }

    /** The values a task's form offers, by field: every enum component's (or enum set's, or score map's) constants. */
    static Map<String, List<String>> choices(String taskKey) {
        TaskForm.Form spec = TaskForm.FORMS.get(taskKey);
        if (spec == null) {
            return null;
        }
        Map<String, List<String>> choices = new LinkedHashMap<>();
        for (RecordComponent component : spec.type().getRecordComponents()) {
            Class<?> type = component.getType().isEnum() ? component.getType() : typeArgument(component);
            if (type != null && type.isEnum()) {
                choices.put(component.getName(), constants(type));
            }
        }
        return choices;
    }

    /** The network meeting's participants: the citizen ticked, departments ticked, network persons written. */
    private static void participants(ArrayNode participants, MultiValueMap<String, String> form) {
        if (form.containsKey("participantCitizen")) {
            participants.addObject().put("role", Participant.CITIZEN);
        }
        form.getOrDefault("participantDepartments", List.of()).forEach(code -> participants.addObject().put("department", code));
        for (int i = 0; i < NETWORK_ROWS; i++) {
            String network = first(form, "participantNetwork" + i);
            if (network != null) {
                participants.addObject().put("role", Participant.NETWORK).put("name", network);
            }
        }
    }

    /**
     * The agreements written, each with the sub-goal picked for it: one agreed on this form
     * ({@code new:G.S}, the form's rows, becoming the body's {@code subGoal} counted among the goals
     * written, or one that cannot be found when that row is empty) or one from before ({@code id:N}).
     */
    private static void agreements(ArrayNode agreements, MultiValueMap<String, String> form) {
        PlanRows rows = PlanRows.of(form);
        for (int i : rows.agreements()) {
            String prefix = "agreements[" + i + "].";
            ObjectNode agreement = agreements.addObject();
            text(agreement, form, prefix + "text", "text");
            text(agreement, form, prefix + "owner", "owner");
            text(agreement, form, prefix + "due", "due");
            String place = first(form, prefix + "subGoal");
            if (place != null && place.startsWith("id:")) {
                String id = place.substring(3);
                if (id.matches("[0-9]{1,18}")) {
                    agreement.put("subGoalId", Long.parseLong(id));
                } else {
                    agreement.put("subGoalId", id);
                }
            } else if (place != null && place.startsWith("new:")) {
                agreement.put("subGoal", rows.subGoalNumber(place.substring(4)));
            }
        }
    }

    /** The goals written on the network meeting form, each with its sub-goals written. */
    private static void goals(ArrayNode goals, MultiValueMap<String, String> form) {
        PlanRows rows = PlanRows.of(form);
        for (int k = 0; k < rows.goals().size(); k++) {
            int g = rows.goals().get(k);
            ObjectNode goal = goals.addObject();
            text(goal, form, "goals[" + g + "].text", "text");
            text(goal, form, "goals[" + g + "].dimension", "dimension");
            ArrayNode subGoals = goal.putArray("subGoals");
            for (int sub : rows.subGoals().get(k)) {
                text(subGoals.addObject(), form, "goals[" + g + "].subGoals[" + sub + "].text", "text");
            }
        }
    }

    /** The follow-up's status per goal and sub-goal of the plan ({@code goalStatus.<id>}), in the form's order. */
    private static void goalChanges(ArrayNode changes, MultiValueMap<String, String> form) {
        for (String key : goalStatusFields(form)) {
            String id = key.substring("goalStatus.".length());
            ObjectNode change = changes.addObject();
            if (id.matches("[0-9]{1,18}")) {
                change.put("id", Long.parseLong(id));
            } else {
                change.put("id", id);
            }
            text(change, form, key, "status");
        }
    }

    private static List<String> goalStatusFields(MultiValueMap<String, String> form) {
        return form.keySet().stream().filter(key -> key.startsWith("goalStatus.")).toList();
    }

    /**
     * Which rows of the network meeting form's plan are written, in the order the body lists them: a
     * goal row with its text, dimension or a sub-goal written; a sub-goal row with its text; an
     * agreement row with any of its fields. The body's positions and the form's rows differ when a row
     * is left empty, so errors are mapped back through the same rows.
     */
    record PlanRows(List<Integer> goals, List<List<Integer>> subGoals, List<Integer> agreements) {

        static PlanRows of(MultiValueMap<String, String> form) {
            List<Integer> goals = new ArrayList<>();
            List<List<Integer>> subGoals = new ArrayList<>();
            for (int g = 0; g < GOAL_ROWS; g++) {
                int goal = g;
                List<Integer> subs = IntStream.range(0, SUB_GOAL_ROWS).filter(sub -> first(form, "goals[" + goal + "].subGoals[" + sub + "].text") != null)
                        .boxed().toList();
                if (first(form, "goals[" + g + "].text") != null || first(form, "goals[" + g + "].dimension") != null || !subs.isEmpty()) {
                    goals.add(g);
                    subGoals.add(subs);
                }
            }
            List<Integer> agreements = IntStream.range(0, AGREEMENT_ROWS).filter(i -> Stream.of("text", "owner", "due")
                    .anyMatch(field -> first(form, "agreements[" + i + "]." + field) != null)).boxed().toList();
            return new PlanRows(goals, subGoals, agreements);
        }

        /** The body's {@code "goal.sub-goal"} (from 1) of the form's rows {@code "G.S"} (from 0); {@code "0.0"} when a row is empty. */
        String subGoalNumber(String rows) {
            String[] parts = rows.split("\\.");
            if (parts.length == 2 && parts[0].matches("[0-9]") && parts[1].matches("[0-9]")) {
                int k = goals.indexOf(Integer.parseInt(parts[0]));
                int j = k < 0 ? -1 : subGoals.get(k).indexOf(Integer.parseInt(parts[1]));
                if (j >= 0) {
                    return (k + 1) + "." + (j + 1);
                }
            }
            return "0.0";
        }

        /** The form field of a body's field of the plan ({@code goals[k]…}, {@code agreements[i]…}), or null for another field. */
        String formField(String apiField) {
            Matcher sub = SUB_GOAL_FIELD.matcher(apiField);
            if (sub.matches() && Integer.parseInt(sub.group(1)) < goals.size()
                    && Integer.parseInt(sub.group(2)) < subGoals.get(Integer.parseInt(sub.group(1))).size()) {
                int k = Integer.parseInt(sub.group(1));
                return "goals[" + goals.get(k) + "].subGoals[" + subGoals.get(k).get(Integer.parseInt(sub.group(2))) + "]" + sub.group(3);
            }
            Matcher goal = GOAL_FIELD.matcher(apiField);
            if (goal.matches() && Integer.parseInt(goal.group(1)) < goals.size()) {
                return "goals[" + goals.get(Integer.parseInt(goal.group(1))) + "]" + goal.group(2);
            }
            Matcher agreement = AGREEMENT_FIELD.matcher(apiField);
            if (agreement.matches() && Integer.parseInt(agreement.group(1)) < agreements.size()) {
                String field = agreement.group(2).equals(".subGoalId") ? ".subGoal" : agreement.group(2);
                return "agreements[" + agreements.get(Integer.parseInt(agreement.group(1))) + "]" + field;
            }
            return null;
        }
    }

    /** The first type argument of a component's generic type (a set's element, a map's key), or null. */
    private static Class<?> typeArgument(RecordComponent component) {
        return component.getGenericType() instanceof ParameterizedType generic && generic.getActualTypeArguments()[0] instanceof Class<?> type
                ? type : null;
    }

    private static List<String> constants(Class<?> type) {
        return type == null || !type.isEnum() ? List.of() : Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList();
    }

    /**
     * The form field an error of the API's body belongs to: the meeting's participants are one list in
     * the API (citizen, departments, network persons in that order) and three kinds of field on the form.
     */
    static String formField(String taskKey, MultiValueMap<String, String> form, String apiField) {
        if (Tasks.FOLLOW_UP.equals(taskKey)) {
            Matcher change = GOAL_CHANGE_FIELD.matcher(apiField);
            List<String> fields = goalStatusFields(form);
            return change.matches() && Integer.parseInt(change.group(1)) < fields.size() ? fields.get(Integer.parseInt(change.group(1))) : apiField;
        }
        if (!Tasks.NETWORK_MEETING.equals(taskKey)) {
            return apiField;
        }
        String planField = PlanRows.of(form).formField(apiField);
        if (planField != null) {
            return planField;
        }
        Matcher participant = PARTICIPANT.matcher(apiField);
        if (!participant.matches()) {
            return apiField;
        }
        int index = Integer.parseInt(participant.group(1));
        int citizen = form.containsKey("participantCitizen") ? 1 : 0;
        int departments = form.getOrDefault("participantDepartments", List.of()).size();
        if (index >= citizen && index < citizen + departments) {
            return "participantDepartments";
        }
        int network = index - citizen - departments;
        for (int row = 0; row < NETWORK_ROWS && network >= 0; row++) {
            if (first(form, "participantNetwork" + row) != null && network-- == 0) {
                return "participantNetwork" + row;
            }
        }
        return "participants";
    }

    private static String first(MultiValueMap<String, String> form, String name) {
        String value = form.getFirst(name);
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static void text(ObjectNode body, MultiValueMap<String, String> form, String name) {
        text(body, form, name, name);
    }

    private static void text(ObjectNode body, MultiValueMap<String, String> form, String name, String field) {
        String value = first(form, name);
        if (value != null) {
            body.put(field, value);
        }
    }

    private static void bool(ObjectNode body, MultiValueMap<String, String> form, String name) {
        String value = first(form, name);
        if ("true".equals(value) || "false".equals(value)) {
            body.put(name, Boolean.parseBoolean(value));
        } else if (value != null) {
            body.put(name, value);
        }
    }

    private static void number(ObjectNode body, MultiValueMap<String, String> form, String name, String field) {
        String value = first(form, name);
        if (value == null) {
            return;
        }
        try {
            body.put(field, Integer.parseInt(value));
        } catch (NumberFormatException e) {
            body.put(field, value);
        }
    }

    private static void codes(ObjectNode body, MultiValueMap<String, String> form, String name) {
        List<String> values = form.get(name);
        if (values != null && !values.isEmpty()) {
            ArrayNode array = body.putArray(name);
            values.forEach(array::add);
        }
    }
}
