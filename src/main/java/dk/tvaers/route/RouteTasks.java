package dk.tvaers.route;

import dk.tvaers.casefile.CaseFiles;
import dk.tvaers.casefile.Department;
import dk.tvaers.casefile.Meeting;
import dk.tvaers.casefile.MeetingKind;
import dk.tvaers.route.RouteProcess.Variables;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Completes the route's user tasks: what the coordinator recorded goes into the case file, and
 * the decisions the route branches on go into the process, in one transaction.
 */
@Service
@Transactional
public class RouteTasks {

    private final TaskService tasks;
    private final RuntimeService runtime;
    private final CaseFiles caseFiles;
    private final Clock clock;

    RouteTasks(TaskService tasks, RuntimeService runtime, CaseFiles caseFiles, Clock clock) {
        this.tasks = tasks;
        this.runtime = runtime;
        this.caseFiles = caseFiles;
        this.clock = clock;
    }

    /** The open task, or {@link TaskNotFoundException}. */
    @Transactional(readOnly = true)
    public Task task(String taskId) {
        Task task = tasks.createTaskQuery().taskId(taskId).initializeFormKeys().singleResult();
        if (task == null) {
            throw new TaskNotFoundException(taskId);
        }
        return task;
    }

    /** The case a task belongs to: the business key of its process instance. */
    @Transactional(readOnly = true)
    public String caseIdOf(Task task) {
        var instance = runtime.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId()).singleResult();
        return instance == null ? null : instance.getBusinessKey();
    }

    public void claim(String taskId, String user) {
        Task task = task(taskId);
        if (task.getAssignee() != null && !task.getAssignee().equals(user)) {
            throw new TaskConflictException("Opgaven er allerede taget af en anden");
        }
        if (task.getAssignee() == null) {
            tasks.claim(taskId, user);
        }
    }

    public void unclaim(String taskId, String user) {
        Task task = task(taskId);
        if (task.getAssignee() != null && !task.getAssignee().equals(user)) {
            throw new TaskConflictException("Opgaven er taget af en anden");
        }
        tasks.setAssignee(taskId, null);
    }

    /**
     * Records the form on the case and completes the task.
     *
     * @throws TaskConflictException when someone else holds the task or the form is for another task
     */
    public void complete(String taskId, TaskForm form, String user) {
        Task task = task(taskId);
        if (!task.getTaskDefinitionKey().equals(form.taskKey())) {
            throw new TaskConflictException("Opgaven er en " + task.getTaskDefinitionKey() + ", ikke en " + form.taskKey());
        }
        if (task.getAssignee() != null && !task.getAssignee().equals(user)) {
            throw new TaskConflictException("Opgaven er taget af " + task.getAssignee());
        }
        String caseId = caseIdOf(task);
        Map<String, Object> variables = record(caseId, form, user);
        tasks.complete(taskId, variables);
    }

    private Map<String, Object> record(String caseId, TaskForm form, String user) {
        LocalDate today = LocalDate.now(clock);
        Map<String, Object> variables = new HashMap<>();
        if (form instanceof TaskForm.RegisterConsent consent) {
            if (consent.consentGiven()) {
                caseFiles.giveConsent(caseId, consent.givenBy(), consent.departments(), consent.givenOn());
            } else {
                caseFiles.note(caseId, today, "CONSENT_REFUSED", "Borgeren har ikke givet samtykke til deling");
            }
            if (caseFiles.find(caseId).flatMap(c -> c.coordinator()).isEmpty()) {
                caseFiles.assignCoordinator(caseId, user);
            }
            variables.put(Variables.CONSENT_GIVEN, consent.consentGiven());
        } else if (form instanceof TaskForm.YouthTeamSparring sparring) {
            caseFiles.recordMeeting(caseId, new Meeting(MeetingKind.YOUTH_TEAM_SPARRING, today, sparring.outcome(), sparring.note(), List.of()), List.of());
            if ("INTERDISCIPLINARY".equals(sparring.outcome())) {
                for (Department department : sparring.departments()) {
                    caseFiles.decideDepartment(caseId, department, true, "Besluttet i ungeteamet", user);
                }
            }
            variables.put(Variables.SPARRING_OUTCOME, sparring.outcome());
            if ("CLOSE".equals(sparring.outcome())) {
                variables.put(Variables.CLOSE_REASON, "OTHER");
            }
        } else if (form instanceof TaskForm.NetworkMeeting meeting) {
            caseFiles.recordMeeting(caseId, new Meeting(MeetingKind.NETWORK_MEETING, meeting.heldOn(), meeting.nextStep(), null, meeting.participants()),
                    meeting.agreements().stream().map(a -> new CaseFiles.NewAgreement(a.text(), a.owner(), a.due())).toList());
            variables.put(Variables.NEXT_STEP, meeting.nextStep());
        } else if (form instanceof TaskForm.FindInternship internship) {
            variables.put(Variables.COMPANY, internship.company());
            variables.put(Variables.INTERNSHIP_STARTS_ON, date(internship.startsOn()));
            variables.put(Variables.INTERNSHIP_ENDS_ON, date(internship.endsOn()));
        } else if (form instanceof TaskForm.InternshipKickoff kickoff) {
            caseFiles.recordMeeting(caseId, new Meeting(MeetingKind.INTERNSHIP_KICKOFF, kickoff.heldOn(), null, null, List.of()), List.of());
        } else if (form instanceof TaskForm.InternshipMidwayReview midway) {
            caseFiles.recordMeeting(caseId, new Meeting(MeetingKind.INTERNSHIP_MIDWAY, midway.heldOn(), null, midway.note(), List.of()), List.of());
        } else if (form instanceof TaskForm.EvaluateInternship evaluation) {
            caseFiles.recordMeeting(caseId, new Meeting(MeetingKind.INTERNSHIP_EVALUATION, today, evaluation.result(),
                    evaluation.hoursPerWeek() == null ? null : evaluation.hoursPerWeek() + " timer om ugen", List.of()), List.of());
            variables.put(Variables.INTERNSHIP_RESULT, evaluation.result());
            variables.put(Variables.HOURS_PER_WEEK, evaluation.hoursPerWeek());
        } else if (form instanceof TaskForm.FollowUp followUp) {
            caseFiles.recordProgression(caseId, today, followUp.progression());
            caseFiles.recordMeeting(caseId, new Meeting(MeetingKind.FOLLOW_UP, today, followUp.outcome(), null, List.of()), List.of());
            variables.put(Variables.FOLLOW_UP_OUTCOME, followUp.outcome());
            variables.put(Variables.CLOSE_REASON, followUp.closeReason());
        }
        return variables;
    }

    private Date date(LocalDate date) {
        return Date.from(date.atStartOfDay(clock.getZone()).toInstant());
    }
}
