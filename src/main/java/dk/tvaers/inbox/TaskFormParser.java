package dk.tvaers.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import dk.tvaers.casefile.ConsentGiver;
import dk.tvaers.casefile.Department;
import dk.tvaers.casefile.Participant;
import dk.tvaers.route.RouteProcess.Tasks;
import dk.tvaers.route.TaskForm;
import dk.tvaers.web.ConflictException;
import dk.tvaers.web.Input;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads the completion body of each task key of the default route, one error per wrong field. */
public final class TaskFormParser {

    static final List<String> DIMENSION_ORDER = List.of("DAILY_STRUCTURE", "HEALTH", "SOCIAL_NETWORK", "MOTIVATION", "WORK_READINESS");
    static final Set<String> DIMENSIONS = Set.copyOf(DIMENSION_ORDER);
    /** The most participants and agreements one network meeting records. */
    public static final int MAX_LINES = 50;

    private TaskFormParser() {
    }

    static TaskForm parse(String taskKey, JsonNode body, LocalDate today) {
        Input in = new Input();
        Input.object(body);
        TaskForm form = switch (taskKey) {
            case Tasks.REGISTER_CONSENT -> consent(in, body, today);
            case Tasks.YOUTH_TEAM_SPARRING -> sparring(in, body);
            case Tasks.NETWORK_MEETING -> networkMeeting(in, body, today);
            case Tasks.FIND_INTERNSHIP -> findInternship(in, body);
            case Tasks.INTERNSHIP_KICKOFF -> kickoff(in, body, today);
            case Tasks.INTERNSHIP_MIDWAY_REVIEW -> midway(in, body, today);
            case Tasks.EVALUATE_INTERNSHIP -> evaluation(in, body);
            case Tasks.FOLLOW_UP -> followUp(in, body);
            default -> throw new ConflictException("Opgaven " + taskKey + " kan ikke afsluttes gennem Tværs' API");
        };
        in.throwIfAny();
        return form;
    }

    private static TaskForm consent(Input in, JsonNode body, LocalDate today) {
        in.onlyFields(body, "consentGiven", "givenBy", "departments", "givenOn");
        Boolean given = in.bool(body, "consentGiven", true);
        boolean required = Boolean.TRUE.equals(given);
        ConsentGiver givenBy = in.code(body, "givenBy", ConsentGiver.class, required);
        Set<Department> departments = in.codes(body, "departments", Department.class, required);
        if (required && departments != null && departments.isEmpty() && !in.hasErrorFor("departments")) {
            in.add("departments", "departmentsConsent");
        }
        LocalDate givenOn = in.dateNotAfter(body, "givenOn", required, today);
        return new TaskForm.RegisterConsent(required, givenBy, departments == null ? Set.of() : departments, givenOn);
    }

    private static TaskForm sparring(Input in, JsonNode body) {
        in.onlyFields(body, "outcome", "departments", "note");
        String outcome = in.word(body, "outcome", true, "INTERDISCIPLINARY", "SINGLE_DISCIPLINE", "CLOSE");
        boolean interdisciplinary = "INTERDISCIPLINARY".equals(outcome);
        Set<Department> departments = in.codes(body, "departments", Department.class, interdisciplinary);
        if (interdisciplinary && departments != null && departments.isEmpty() && !in.hasErrorFor("departments")) {
            in.add("departments", "departmentsSparring");
        }
        String note = in.text(body, "note", false, 4000);
        return new TaskForm.YouthTeamSparring(outcome, departments == null ? Set.of() : departments, note);
    }

    private static TaskForm networkMeeting(Input in, JsonNode body, LocalDate today) {
        in.onlyFields(body, "heldOn", "participants", "agreements", "nextStep");
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
        List<TaskForm.AgreementLine> agreements = new ArrayList<>();
        JsonNode lines = in.arrayField(body, "agreements", false, MAX_LINES);
        if (lines != null) {
            for (int i = 0; i < lines.size(); i++) {
                Input a = in.nested("agreements[" + i + "]");
                JsonNode line = lines.get(i);
                if (!line.isObject()) {
                    in.add("agreements[" + i + "]", "object");
                    continue;
                }
                a.onlyFields(line, "text", "owner", "due");
                String text = a.text(line, "text", true, 1000);
                String owner = a.text(line, "owner", true, 100);
                LocalDate due = a.date(line, "due", true);
                if (due != null && heldOn != null && due.isBefore(heldOn)) {
                    a.add("due", "dueBeforeMeeting");
                }
                agreements.add(new TaskForm.AgreementLine(text, owner, due));
            }
        }
        String nextStep = in.word(body, "nextStep", true, "INTERNSHIP", "FOLLOW_UP");
        return new TaskForm.NetworkMeeting(heldOn, participants, agreements, nextStep);
    }

    private static TaskForm findInternship(Input in, JsonNode body) {
        in.onlyFields(body, "company", "startsOn", "endsOn");
        String company = in.text(body, "company", true, 200);
        LocalDate startsOn = in.date(body, "startsOn", true);
        LocalDate endsOn = in.date(body, "endsOn", true);
        if (startsOn != null && endsOn != null && endsOn.isBefore(startsOn)) {
            in.add("endsOn", "endBeforeStart");
        }
        return new TaskForm.FindInternship(company, startsOn, endsOn);
    }

    private static TaskForm kickoff(Input in, JsonNode body, LocalDate today) {
        in.onlyFields(body, "heldOn");
        return new TaskForm.InternshipKickoff(in.dateNotAfter(body, "heldOn", true, today));
    }

    private static TaskForm midway(Input in, JsonNode body, LocalDate today) {
        in.onlyFields(body, "heldOn", "note");
        return new TaskForm.InternshipMidwayReview(in.dateNotAfter(body, "heldOn", true, today), in.text(body, "note", false, 4000));
    }

    private static TaskForm evaluation(Input in, JsonNode body) {
        in.onlyFields(body, "result", "hoursPerWeek");
        String result = in.word(body, "result", true, "JOB", "ORDINARY_HOURS", "EXTEND", "ENDED");
        Integer hours = in.integer(body, "hoursPerWeek", "ORDINARY_HOURS".equals(result) || "JOB".equals(result), 0, 80);
        return new TaskForm.EvaluateInternship(result, hours);
    }

    private static TaskForm followUp(Input in, JsonNode body) {
        in.onlyFields(body, "progression", "outcome", "closeReason");
        Map<String, Integer> progression = new LinkedHashMap<>();
        JsonNode scores = in.objectField(body, "progression", true);
        if (scores != null) {
            Input p = in.nested("progression");
            Iterator<String> names = scores.fieldNames();
            while (names.hasNext()) {
                String dimension = names.next();
                if (!DIMENSIONS.contains(dimension)) {
                    p.add(dimension, "unknownDimension", String.join(", ", DIMENSION_ORDER));
                    continue;
                }
                Integer score = p.integer(scores, dimension, true, 1, 10);
                if (score != null) {
                    progression.put(dimension, score);
                }
            }
            if (scores.isEmpty()) {
                in.add("progression", "progressionEmpty");
            }
        }
        String outcome = in.word(body, "outcome", true, "CONTINUE", "NEW_NETWORK_MEETING", "CLOSE");
        String closeReason = in.word(body, "closeReason", "CLOSE".equals(outcome), "JOB", "EDUCATION", "OTHER");
        if (closeReason != null && !"CLOSE".equals(outcome) && outcome != null) {
            in.add("closeReason", "closeReasonOnly");
        }
        return new TaskForm.FollowUp(progression, outcome, closeReason);
    }
}
