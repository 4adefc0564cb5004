package dk.tvaers.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import dk.tvaers.casefile.CaseFiles;
import dk.tvaers.casefile.ConsentGiver;
import dk.tvaers.casefile.Department;
import dk.tvaers.casefile.Dimension;
import dk.tvaers.casefile.GoalStatus;
import dk.tvaers.casefile.InvolvementStatus;
import dk.tvaers.casefile.Meeting;
import dk.tvaers.casefile.MeetingKind;
import dk.tvaers.casefile.Participant;
import dk.tvaers.route.RouteProcess.CloseReason;
import dk.tvaers.route.RouteProcess.FollowUpOutcome;
import dk.tvaers.route.RouteProcess.InternshipResult;
import dk.tvaers.route.RouteProcess.NextStep;
import dk.tvaers.route.RouteProcess.SparringOutcome;
import dk.tvaers.route.RouteProcess.Tasks;
import dk.tvaers.route.RouteProcess.Variables;
import dk.tvaers.route.TaskCompletion;
import dk.tvaers.web.ConflictException;
import dk.tvaers.web.Input;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a user records when completing one of the route's user tasks: one record per task, each with the
 * rules its completion body is read by ({@code parse}, one error per wrong field) and what it records on
 * the case and hands the process ({@code record}). The record's components are the body's fields, so the
 * page's form is turned into the same body without a list per task ({@link TaskFormPages#body}), and its
 * enum components are the values the page offers. A new task is this record, a line in {@link #FORMS},
 * its fragment {@code templates/inbox/tasks/<taskKey>.html} and its bundle keys.
 */
public sealed interface TaskForm extends TaskCompletion {

    /** The most participants and agreements one network meeting records. */
    int MAX_LINES = 50;

    /** Every task with a form, in the route's order: the task key and how its body is read. */
    Map<String, Form> FORMS = forms(
            new Form(RegisterConsent.KEY, RegisterConsent.class, RegisterConsent::parse),
            new Form(YouthTeamSparring.KEY, YouthTeamSparring.class, YouthTeamSparring::parse),
            new Form(NetworkMeeting.KEY, NetworkMeeting.class, NetworkMeeting::parse),
            new Form(FindInternship.KEY, FindInternship.class, FindInternship::parse),
            new Form(InternshipKickoff.KEY, InternshipKickoff.class, InternshipKickoff::parse),
            new Form(InternshipMidwayReview.KEY, InternshipMidwayReview.class, InternshipMidwayReview::parse),
            new Form(EvaluateInternship.KEY, EvaluateInternship.class, EvaluateInternship::parse),
            new Form(FollowUp.KEY, FollowUp.class, FollowUp::parse));

    /** Reads a task's completion body, one error per wrong field, or {@link ConflictException} for a task without a form. */
    static TaskForm parse(String taskKey, JsonNode body, LocalDate today) {
        Form form = FORMS.get(taskKey);
        if (form == null) {
            throw new ConflictException("Opgaven " + taskKey + " kan ikke afsluttes gennem Tværs' API");
        }
        Input in = new Input();
        Input.object(body);
        TaskForm parsed = form.parser().parse(in, body, today);
        in.throwIfAny();
        return parsed;
    }

    /** A task's form: its task key, its record and the rules its body is read by. */
    record Form(String taskKey, Class<? extends TaskForm> type, Parser parser) {}

    /** Reads a body; {@code today} for the fields that may not lie in the future. */
    @FunctionalInterface
    interface Parser {
        TaskForm parse(Input in, JsonNode body, LocalDate today);
    }

    /** On the page, a field that counts only when another field has a value (a ticked radio cannot be unticked). */
    @Target(ElementType.RECORD_COMPONENT)
    @Retention(RetentionPolicy.RUNTIME)
    @interface OnlyWhen {
        String field();

        String value();
    }

    private static Map<String, Form> forms(Form... forms) {
        Map<String, Form> byKey = new LinkedHashMap<>();
        for (Form form : forms) {
            byKey.put(form.taskKey(), form);
        }
        return Collections.unmodifiableMap(byKey);
    }

    record RegisterConsent(boolean consentGiven, ConsentGiver givenBy, Set<Department> departments, LocalDate givenOn,
                           @OnlyWhen(field = "consentGiven", value = "true") Boolean involve) implements TaskForm {
        public static final String KEY = Tasks.REGISTER_CONSENT;

        /** A consent that leaves the departments' decisions to the youth team. */
        public RegisterConsent(boolean consentGiven, ConsentGiver givenBy, Set<Department> departments, LocalDate givenOn) {
            this(consentGiven, givenBy, departments, givenOn, false);
        }

        public String taskKey() { return KEY; }

        static RegisterConsent parse(Input in, JsonNode body, LocalDate today) {
            in.onlyFields(body, "consentGiven", "givenBy", "departments", "givenOn", "involve");
            Boolean given = in.bool(body, "consentGiven", true);
            // Unanswered, the consent's own fields are checked too: every error in one round, not the yes/no first.
            boolean required = !Boolean.FALSE.equals(given);
            ConsentGiver givenBy = in.code(body, "givenBy", ConsentGiver.class, required);
            Set<Department> departments = in.codes(body, "departments", Department.class, required);
            if (required && departments != null && departments.isEmpty() && !in.hasErrorFor("departments")) {
                in.add("departments", "departmentsConsent");
            }
            LocalDate givenOn = in.dateNotAfter(body, "givenOn", required, today);
            Boolean involve = in.bool(body, "involve", false);
            return new RegisterConsent(Boolean.TRUE.equals(given), givenBy, departments == null ? Set.of() : departments, givenOn,
                    Boolean.TRUE.equals(involve));
        }

        public Map<String, Object> record(Context context) {
            CaseFiles caseFiles = context.caseFiles();
            if (consentGiven) {
                caseFiles.giveConsent(context.caseId(), givenBy, departments, givenOn);
                if (Boolean.TRUE.equals(involve)) {
                    // The departments the rules suggested and the citizen consents to are involved in the same step.
                    caseFiles.find(context.caseId()).ifPresent(c -> c.departments().stream()
                            .filter(d -> d.status() == InvolvementStatus.SUGGESTED && departments.contains(d.department()))
                            .forEach(d -> caseFiles.decideDepartment(context.caseId(), d.department(), true, "Involveret ved samtykket", context.user())));
                }
            } else {
                caseFiles.note(context.caseId(), context.today(), "CONSENT_REFUSED", null);
            }
            if (caseFiles.find(context.caseId()).flatMap(c -> c.coordinator()).isEmpty()) {
                caseFiles.assignCoordinator(context.caseId(), context.user());
            }
            return Map.of(Variables.CONSENT_GIVEN, consentGiven);
        }
    }

    record YouthTeamSparring(SparringOutcome outcome, Set<Department> departments, String note) implements TaskForm {
        public static final String KEY = Tasks.YOUTH_TEAM_SPARRING;

        public String taskKey() { return KEY; }

        static YouthTeamSparring parse(Input in, JsonNode body, LocalDate today) {
            in.onlyFields(body, "outcome", "departments", "note");
            SparringOutcome outcome = in.code(body, "outcome", SparringOutcome.class, true);
            boolean interdisciplinary = outcome == SparringOutcome.INTERDISCIPLINARY;
            Set<Department> departments = in.codes(body, "departments", Department.class, interdisciplinary);
            if (interdisciplinary && departments != null && departments.isEmpty() && !in.hasErrorFor("departments")) {
                in.add("departments", "departmentsSparring");
            }
            String note = in.text(body, "note", false, 4000);
            return new YouthTeamSparring(outcome, departments == null ? Set.of() : departments, note);
        }

        public Map<String, Object> record(Context context) {
            context.caseFiles().recordMeeting(context.caseId(),
                    new Meeting(MeetingKind.YOUTH_TEAM_SPARRING, context.today(), outcome.name(), note, List.of()), List.of());
            if (outcome == SparringOutcome.INTERDISCIPLINARY) {
                for (Department department : departments) {
                    context.caseFiles().decideDepartment(context.caseId(), department, true, "Besluttet i ungeteamet", context.user());
                }
            }
            Map<String, Object> variables = new HashMap<>();
            variables.put(Variables.SPARRING_OUTCOME, outcome.name());
            if (outcome == SparringOutcome.CLOSE) {
                variables.put(Variables.CLOSE_REASON, CloseReason.OTHER.name());
            }
            return variables;
        }
    }

    /** An agreement made at a network meeting, and where it sits in the citizen's plan. */
    record AgreementLine(String text, String owner, LocalDate due, CaseFiles.PlanPlace place) {
        public AgreementLine(String text, String owner, LocalDate due) {
            this(text, owner, due, CaseFiles.PlanPlace.NONE);
        }
    }

    /** A goal agreed at a network meeting, in the citizen's words, the dimension it is measured on and its sub-goals. */
    record GoalLine(String text, Dimension dimension, List<String> subGoals) {}

    /** The most goals, and sub-goals of one goal, a meeting agrees. */
    int MAX_GOALS = 10;

    /** A sub-goal agreed at the same meeting, as an agreement names it: goal and sub-goal counted from 1. */
    Pattern SUB_GOAL = Pattern.compile("([1-9][0-9]?)\\.([1-9][0-9]?)");

    record NetworkMeeting(LocalDate heldOn, List<Participant> participants, List<GoalLine> goals, List<AgreementLine> agreements,
                          NextStep nextStep) implements TaskForm {
        public static final String KEY = Tasks.NETWORK_MEETING;

        /** A meeting that agrees no goals (the plan has them from before, or gets them later). */
        public NetworkMeeting(LocalDate heldOn, List<Participant> participants, List<AgreementLine> agreements, NextStep nextStep) {
            this(heldOn, participants, List.of(), agreements, nextStep);
        }

        public String taskKey() { return KEY; }

        static NetworkMeeting parse(Input in, JsonNode body, LocalDate today) {
            in.onlyFields(body, "heldOn", "participants", "goals", "agreements", "nextStep");
            LocalDate heldOn = in.dateNotAfter(body, "heldOn", true, today);
            List<Participant> participants = new ArrayList<>();
            JsonNode people = in.arrayField(body, "participants", true, MAX_LINES);
            if (people != null) {
                if (people.isEmpty()) {
                    in.add("participants", "participants");
                }
                for (int i = 0; i < people.size(); i++) {
                    Input p = in.nested("participants[" + i + "]");
                    JsonNode person = people.get(i);
                    if (!person.isObject()) {
                        in.add("participants[" + i + "]", "object");
                        continue;
                    }
                    p.onlyFields(person, "department", "role", "name");
                    Department department = p.code(person, "department", Department.class, false);
                    String role = p.word(person, "role", false, Participant.CITIZEN, Participant.NETWORK, Participant.DEPARTMENT);
                    String name = p.text(person, "name", false, 200);
                    if (department == null && role == null && !person.has("department") && !person.has("role")) {
                        p.add("department", "participantKind");
                    }
                    if (Participant.NETWORK.equals(role) && name == null && !person.has("name")) {
                        p.add("name", "networkName");
                    }
                    participants.add(new Participant(department != null ? Participant.DEPARTMENT : role, department, name));
                }
            }
            List<GoalLine> goals = goals(in, body);
            List<AgreementLine> agreements = new ArrayList<>();
            JsonNode lines = in.arrayField(body, "agreements", false, MAX_LINES);
            if (lines != null) {
                for (int i = 0; i < lines.size(); i++) {
                    Input a = in.nested("agreements[" + i + "]");
                    JsonNode line = lines.get(i);
                    if (!line.isObject()) {
                        in.add("agreements[" + i + "]", "object");
                        continue;
                    }
                    a.onlyFields(line, "text", "owner", "due", "subGoal", "subGoalId");
                    String text = a.text(line, "text", true, 1000);
                    String owner = a.text(line, "owner", true, 100);
                    LocalDate due = a.date(line, "due", true);
                    if (due != null && heldOn != null && due.isBefore(heldOn)) {
                        a.add("due", "dueBeforeMeeting");
                    }
                    agreements.add(new AgreementLine(text, owner, due, place(a, line, goals)));
                }
            }
            NextStep nextStep = in.code(body, "nextStep", NextStep.class, true);
            return new NetworkMeeting(heldOn, participants, goals, agreements, nextStep);
        }

        /** The goals the meeting agreed, each with its sub-goals; none is fine (the plan may be agreed later). */
        private static List<GoalLine> goals(Input in, JsonNode body) {
            List<GoalLine> goals = new ArrayList<>();
            JsonNode nodes = in.arrayField(body, "goals", false, MAX_GOALS);
            for (int i = 0; nodes != null && i < nodes.size(); i++) {
                Input g = in.nested("goals[" + i + "]");
                JsonNode goal = nodes.get(i);
                if (!goal.isObject()) {
                    in.add("goals[" + i + "]", "object");
                    goals.add(new GoalLine(null, null, List.of()));
                    continue;
                }
                g.onlyFields(goal, "text", "dimension", "subGoals");
                String text = g.text(goal, "text", true, 1000);
                Dimension dimension = g.code(goal, "dimension", Dimension.class, false);
                List<String> subGoals = new ArrayList<>();
                JsonNode subs = g.arrayField(goal, "subGoals", false, MAX_GOALS);
                for (int j = 0; subs != null && j < subs.size(); j++) {
                    JsonNode sub = subs.get(j);
                    if (!sub.isObject()) {
                        g.add("subGoals[" + j + "]", "object");
                        subGoals.add(null);
                        continue;
                    }
                    Input s = g.nested("subGoals[" + j + "]");
                    s.onlyFields(sub, "text");
                    subGoals.add(s.text(sub, "text", true, 1000));
                }
                goals.add(new GoalLine(text, dimension, subGoals));
            }
            return goals;
        }

        /** Where an agreement sits: a sub-goal of this meeting ({@code "1.2"}) or one from before ({@code subGoalId}), not both. */
        private static CaseFiles.PlanPlace place(Input a, JsonNode line, List<GoalLine> goals) {
            String subGoal = a.text(line, "subGoal", false, 10);
            Long subGoalId = a.whole(line, "subGoalId", false, 1L, null);
            if (subGoal != null && subGoalId != null) {
                a.add("subGoalId", "oneSubGoal");
                return CaseFiles.PlanPlace.NONE;
            }
            if (subGoal != null) {
                Matcher m = SUB_GOAL.matcher(subGoal);
                int goal = m.matches() ? Integer.parseInt(m.group(1)) : 0;
                int sub = m.matches() ? Integer.parseInt(m.group(2)) : 0;
                if (goal < 1 || goal > goals.size() || sub > goals.get(goal - 1).subGoals().size()) {
                    a.add("subGoal", "unknownSubGoal");
                    return CaseFiles.PlanPlace.NONE;
                }
                return CaseFiles.PlanPlace.underNew(goal, sub);
            }
            return subGoalId != null ? CaseFiles.PlanPlace.under(subGoalId) : CaseFiles.PlanPlace.NONE;
        }

        public Map<String, Object> record(Context context) {
            context.caseFiles().recordMeeting(context.caseId(), new Meeting(MeetingKind.NETWORK_MEETING, heldOn, nextStep.name(), null, participants),
                    goals.stream().map(g -> new CaseFiles.NewGoal(g.text(), g.dimension(), g.subGoals())).toList(),
                    agreements.stream().map(a -> new CaseFiles.NewAgreement(a.text(), a.owner(), a.due(), a.place())).toList());
            return Map.of(Variables.NEXT_STEP, nextStep.name());
        }
    }

    record FindInternship(String company, LocalDate startsOn, LocalDate endsOn) implements TaskForm {
        public static final String KEY = Tasks.FIND_INTERNSHIP;

        public String taskKey() { return KEY; }

        static FindInternship parse(Input in, JsonNode body, LocalDate today) {
            in.onlyFields(body, "company", "startsOn", "endsOn");
            String company = in.text(body, "company", true, 200);
            LocalDate startsOn = in.date(body, "startsOn", true);
            LocalDate endsOn = in.date(body, "endsOn", true);
            if (startsOn != null && endsOn != null && endsOn.isBefore(startsOn)) {
                in.add("endsOn", "endBeforeStart");
            }
            return new FindInternship(company, startsOn, endsOn);
        }

        public Map<String, Object> record(Context context) {
            return Map.of(Variables.COMPANY, company, Variables.INTERNSHIP_STARTS_ON, context.startOf(startsOn),
                    Variables.INTERNSHIP_ENDS_ON, context.startOf(endsOn));
        }
    }

    record InternshipKickoff(LocalDate heldOn) implements TaskForm {
        public static final String KEY = Tasks.INTERNSHIP_KICKOFF;

        public String taskKey() { return KEY; }

        static InternshipKickoff parse(Input in, JsonNode body, LocalDate today) {
            in.onlyFields(body, "heldOn");
            return new InternshipKickoff(in.dateNotAfter(body, "heldOn", true, today));
        }

        public Map<String, Object> record(Context context) {
            context.caseFiles().recordMeeting(context.caseId(), new Meeting(MeetingKind.INTERNSHIP_KICKOFF, heldOn, null, null, List.of()), List.of());
            return Map.of();
        }
    }

    record InternshipMidwayReview(LocalDate heldOn, String note) implements TaskForm {
        public static final String KEY = Tasks.INTERNSHIP_MIDWAY_REVIEW;

        public String taskKey() { return KEY; }

        static InternshipMidwayReview parse(Input in, JsonNode body, LocalDate today) {
            in.onlyFields(body, "heldOn", "note");
            return new InternshipMidwayReview(in.dateNotAfter(body, "heldOn", true, today), in.text(body, "note", false, 4000));
        }

        public Map<String, Object> record(Context context) {
            context.caseFiles().recordMeeting(context.caseId(), new Meeting(MeetingKind.INTERNSHIP_MIDWAY, heldOn, null, note, List.of()), List.of());
            return Map.of();
        }
    }

    record EvaluateInternship(InternshipResult result, Integer hoursPerWeek) implements TaskForm {
        public static final String KEY = Tasks.EVALUATE_INTERNSHIP;

        public String taskKey() { return KEY; }

        static EvaluateInternship parse(Input in, JsonNode body, LocalDate today) {
            in.onlyFields(body, "result", "hoursPerWeek");
            InternshipResult result = in.code(body, "result", InternshipResult.class, true);
            Integer hours = in.integer(body, "hoursPerWeek", result == InternshipResult.ORDINARY_HOURS || result == InternshipResult.JOB, 0, 80);
            return new EvaluateInternship(result, hours);
        }

        public Map<String, Object> record(Context context) {
            context.caseFiles().recordMeeting(context.caseId(), new Meeting(MeetingKind.INTERNSHIP_EVALUATION, context.today(), result.name(),
                    hoursPerWeek == null ? null : hoursPerWeek + " timer om ugen", List.of()), List.of());
            Map<String, Object> variables = new HashMap<>();
            variables.put(Variables.INTERNSHIP_RESULT, result.name());
            variables.put(Variables.HOURS_PER_WEEK, hoursPerWeek);
            return variables;
        }
    }

    record FollowUp(Map<Dimension, Integer> progression, List<CaseFiles.GoalChange> goals, FollowUpOutcome outcome,
                    @OnlyWhen(field = "outcome", value = "CLOSE") CloseReason closeReason) implements TaskForm {
        public static final String KEY = Tasks.FOLLOW_UP;

        /** A follow-up that leaves the plan as it was. */
        public FollowUp(Map<Dimension, Integer> progression, FollowUpOutcome outcome, CloseReason closeReason) {
            this(progression, List.of(), outcome, closeReason);
        }

        public String taskKey() { return KEY; }

        static FollowUp parse(Input in, JsonNode body, LocalDate today) {
            in.onlyFields(body, "progression", "goals", "outcome", "closeReason");
            Map<Dimension, Integer> progression = new EnumMap<>(Dimension.class);
            JsonNode scores = in.objectField(body, "progression", true);
            if (scores != null) {
                Input p = in.nested("progression");
                Iterator<String> names = scores.fieldNames();
                while (names.hasNext()) {
                    String name = names.next();
                    Dimension dimension = Input.constant(Dimension.class, name);
                    if (dimension == null) {
                        p.add(name, "unknownDimension", Input.allowed(Dimension.class));
                        continue;
                    }
                    Integer score = p.integer(scores, name, true, 1, 10);
                    if (score != null) {
                        progression.put(dimension, score);
                    }
                }
                if (scores.isEmpty()) {
                    in.add("progression", "progressionEmpty");
                }
            }
            FollowUpOutcome outcome = in.code(body, "outcome", FollowUpOutcome.class, true);
            CloseReason closeReason = in.code(body, "closeReason", CloseReason.class, outcome == FollowUpOutcome.CLOSE);
            if (closeReason != null && outcome != null && outcome != FollowUpOutcome.CLOSE) {
                in.add("closeReason", "closeReasonOnly");
            }
            return new FollowUp(progression, goalChanges(in, body), outcome, closeReason);
        }

        /** The plan revised: a goal's or sub-goal's id (as the plan lists it) and its status now. */
        private static List<CaseFiles.GoalChange> goalChanges(Input in, JsonNode body) {
            List<CaseFiles.GoalChange> changes = new ArrayList<>();
            JsonNode nodes = in.arrayField(body, "goals", false, MAX_LINES);
            for (int i = 0; nodes != null && i < nodes.size(); i++) {
                JsonNode change = nodes.get(i);
                if (!change.isObject()) {
                    in.add("goals[" + i + "]", "object");
                    continue;
                }
                Input g = in.nested("goals[" + i + "]");
                g.onlyFields(change, "id", "status");
                Long id = g.whole(change, "id", true, 1L, null);
                GoalStatus status = g.code(change, "status", GoalStatus.class, true);
                if (id != null && status != null) {
                    changes.add(new CaseFiles.GoalChange(id, status));
                }
            }
            return changes;
        }

        public Map<String, Object> record(Context context) {
            context.caseFiles().reviseGoals(context.caseId(), context.today(), goals);
            context.caseFiles().recordProgression(context.caseId(), context.today(), progression);
            context.caseFiles().recordMeeting(context.caseId(), new Meeting(MeetingKind.FOLLOW_UP, context.today(), outcome.name(), null, List.of()), List.of());
            Map<String, Object> variables = new HashMap<>();
            variables.put(Variables.FOLLOW_UP_OUTCOME, outcome.name());
            variables.put(Variables.CLOSE_REASON, closeReason == null ? null : closeReason.name());
            return variables;
        }
    }
}
