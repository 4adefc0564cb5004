package dk.tvaers.api;

import dk.tvaers.casefile.ConsentGiver;
import dk.tvaers.casefile.Department;
import dk.tvaers.casefile.Dimension;
import dk.tvaers.casefile.EffortType;
import dk.tvaers.casefile.Flag;
import dk.tvaers.casefile.GoalStatus;
import dk.tvaers.inbox.TaskForm;
import dk.tvaers.route.RouteProcess.CloseReason;
import dk.tvaers.route.RouteProcess.FollowUpOutcome;
import dk.tvaers.route.RouteProcess.InternshipResult;
import dk.tvaers.route.RouteProcess.NextStep;
import dk.tvaers.route.RouteProcess.SparringOutcome;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The request bodies of the API as the OpenAPI document describes them. The controllers read the
 * same bodies field by field with {@link Input} (one error per wrong field); these records exist for
 * the document, and {@code OpenApiConfiguration} closes them ({@code additionalProperties: false}),
 * as {@code Input.onlyFields} does; an optional field may be null (the same as leaving it out), a
 * list may repeat a code (it counts once). Constraints a schema cannot say (a date not after today,
 * an end not before its start, no CPR number in free text) are in the descriptions.
 */
final class ApiBodies {

    /** A CPR number: a valid day and month (29 February only in a leap year), a dash allowed after the sixth digit. */
    static final String CPR_PATTERN = "^(?:(?:(?:0[1-9]|1[0-9]|2[0-8])(?:0[1-9]|1[0-2])|(?:29|30)(?:0[13-9]|1[0-2])|31(?:0[13578]|1[02]))"
            + "[0-9]{2}-?[0-9]{4}|2902(?:0[48]|[2468][048]|[13579][26])-?[0-9]{4}|290200-?[4-9][0-9]{3})$";
    /** Text that is not only blank (a value is trimmed of control characters and spaces before use). */
    static final String NOT_BLANK = "[^\\x00-\\x20]";
    static final String NOT_IN_FUTURE = "Ikke efter i dag.";
    static final String FREE_TEXT = "Må ikke indeholde et CPR-nummer.";
    static final String TODAY_TO_A_YEAR = "Fra i dag til et år frem.";

    @Schema(name = "ReferralRequest", requiredProperties = {"externalRef", "citizen", "referredBy", "referralDate"})
    record Referral(
            @Schema(description = "Afsenderens idempotensnøgle. " + FREE_TEXT, minLength = 1, maxLength = 100, pattern = NOT_BLANK) String externalRef,
            Citizen citizen,
            Department referredBy,
            @Schema(description = NOT_IN_FUTURE) LocalDate referralDate,
            @ArraySchema(schema = @Schema(implementation = Flag.class)) List<Flag> flags,
            @Schema(description = FREE_TEXT, maxLength = 4000) String note,
            @Schema(description = "Brugernavnet på den koordinerende sagsbehandler. " + FREE_TEXT, maxLength = 100) String coordinator) {}

    @Schema(name = "CitizenRequest", requiredProperties = {"cpr", "name"})
    record Citizen(@Schema(pattern = CPR_PATTERN, example = "0101074234",
                           description = "Fødselsdatoen, det giver (med 7. ciffer for århundredet), må ikke ligge efter i dag.") String cpr,
                   @Schema(description = FREE_TEXT, minLength = 1, maxLength = 200, pattern = NOT_BLANK) String name) {}

    @Schema(name = "TaskCommentRequest", requiredProperties = "text")
    record TaskComment(@Schema(description = FREE_TEXT, minLength = 1, maxLength = 2000, pattern = NOT_BLANK) String text) {}

    @Schema(name = "FollowUpDateRequest", requiredProperties = "on")
    record FollowUpDate(@Schema(nullable = true, description = TODAY_TO_A_YEAR + " null fjerner datoen.") LocalDate on) {}

    @Schema(name = "FlagsRequest", requiredProperties = "flags")
    record Flags(@ArraySchema(schema = @Schema(implementation = Flag.class)) List<Flag> flags) {}

    @Schema(name = "DecisionRequest", oneOf = {Involve.class, Decline.class}, description = "JOBCENTER kan ikke fravælges (409).")
    record Decision() {}

    @Schema(name = "InvolveDecisionRequest", requiredProperties = "decision")
    record Involve(@Schema(allowableValues = "INVOLVE") String decision, @Schema(description = FREE_TEXT, maxLength = 1000) String reason) {}

    @Schema(name = "DeclineDecisionRequest", requiredProperties = {"decision", "reason"})
    record Decline(@Schema(allowableValues = "DECLINE") String decision,
                   @Schema(description = FREE_TEXT, minLength = 1, maxLength = 1000, pattern = NOT_BLANK) String reason) {}

    @Schema(name = "ConsentRequest", requiredProperties = {"givenBy", "departments", "givenOn"})
    record Consent(ConsentGiver givenBy,
                   @ArraySchema(minItems = 1, schema = @Schema(implementation = Department.class)) List<Department> departments,
                   @Schema(description = NOT_IN_FUTURE) LocalDate givenOn) {}

    @Schema(name = "WithdrawalRequest", requiredProperties = "withdrawnOn")
    record Withdrawal(@Schema(description = NOT_IN_FUTURE) LocalDate withdrawnOn) {}

    @Schema(name = "EffortRequest", requiredProperties = {"type", "requestedOn"},
            description = "Datoerne er ikke efter i dag; startedOn ikke før requestedOn, endedOn ikke før startedOn.")
    record Effort(EffortType type,
                  @Schema(description = "Uden den: indsatstypens sædvanlige afdeling.") Department department,
                  @Schema(description = NOT_IN_FUTURE) LocalDate requestedOn, @Schema(description = NOT_IN_FUTURE) LocalDate startedOn,
                  @Schema(description = NOT_IN_FUTURE) LocalDate endedOn,
                  @Schema(description = FREE_TEXT, maxLength = 1000) String note) {}

    @Schema(name = "EffortMoveRequest", minProperties = 1,
            description = "startedOn eller endedOn; ikke efter i dag, startedOn ikke før requestedOn, endedOn ikke før starten.")
    record EffortMove(@Schema(description = NOT_IN_FUTURE) LocalDate startedOn, @Schema(description = NOT_IN_FUTURE) LocalDate endedOn) {}

    /** The most cases a migration names: as many as fit in a request body (tvaers.api.max-body-size, 256 KB) with room to spare. */
    static final int MAX_CASE_IDS = 2_000;

    @Schema(name = "MigrationRequest", requiredProperties = {"sourceDefinitionId", "targetDefinitionId"},
            description = "Flyt kørende sager fra sourceDefinitionId til targetDefinitionId; dryRun true viser kun planen og prøvekørslen; "
                    + "caseIds begrænser til de nævnte sager.")
    record MigrationRequest(@Schema(pattern = "^(?:[A-Za-z_][A-Za-z0-9_.-]{0,254}:[0-9]{1,9}:)?[0-9a-f-]{36}$") String sourceDefinitionId,
                            @Schema(pattern = "^(?:[A-Za-z_][A-Za-z0-9_.-]{0,254}:[0-9]{1,9}:)?[0-9a-f-]{36}$") String targetDefinitionId,
                            Boolean dryRun,
                            @ArraySchema(maxItems = MAX_CASE_IDS, arraySchema = @Schema(description = "Kun disse sager (uden: alle på versionen)"),
                                    schema = @Schema(maxLength = 64)) List<String> caseIds) {}

    /**
     * The completion body: which one depends on the task's key (API.md). A step a process owner added takes its
     * form fields instead, which no schema here can list: GET /api/tasks/{id}/form has them.
     */
    @Schema(name = "TaskCompletionRequest", oneOf = {RegisterConsent.class, YouthTeamSparring.class, NetworkMeeting.class,
            FindInternship.class, HeldOn.class, MidwayReview.class, EvaluateInternship.class, FollowUp.class},
            description = "Felterne for opgavens taskKey (API.md). Et trin, en procesejer har tilføjet, afsluttes med et felt pr. formularfelt "
                    + "i GET /api/tasks/{id}/form (string: tekst, long: helt tal, boolean: true/false, date: ÅÅÅÅ-MM-DD, enum: en værdis id).")
    record TaskCompletion() {}

    @Schema(name = "RegisterConsentCompletion", requiredProperties = "consentGiven",
            description = "registerConsent: givenBy, departments og givenOn skal udfyldes, når consentGiven er true.")
    record RegisterConsent(Boolean consentGiven, ConsentGiver givenBy,
                           @ArraySchema(schema = @Schema(implementation = Department.class)) List<Department> departments,
                           @Schema(description = NOT_IN_FUTURE) LocalDate givenOn,
                           @Schema(description = "Involvér straks de afdelinger, reglerne har foreslået, og som samtykket dækker "
                                   + "(en udvidelse af API.md; standard false).") Boolean involve) {}

    @Schema(name = "YouthTeamSparringCompletion", requiredProperties = "outcome",
            description = "youthTeamSparring: departments skal udfyldes ved INTERDISCIPLINARY.")
    record YouthTeamSparring(SparringOutcome outcome,
                             @ArraySchema(schema = @Schema(implementation = Department.class)) List<Department> departments,
                             @Schema(description = FREE_TEXT, maxLength = 4000) String note) {}

    @Schema(name = "NetworkMeetingCompletion", requiredProperties = {"heldOn", "participants", "nextStep"},
            description = "networkMeeting: en aftales frist er ikke før mødet.")
    record NetworkMeeting(@Schema(description = NOT_IN_FUTURE) LocalDate heldOn,
                          @ArraySchema(minItems = 1, maxItems = TaskForm.MAX_LINES) List<Participant> participants,
                          @ArraySchema(maxItems = TaskForm.MAX_GOALS, arraySchema = @Schema(description = "Borgerens mål aftalt på mødet (en udvidelse af API.md)."))
                          List<Goal> goals,
                          @ArraySchema(maxItems = TaskForm.MAX_LINES) List<Agreement> agreements,
                          NextStep nextStep) {}

    @Schema(name = "PlanGoalRequest", requiredProperties = "text")
    record Goal(@Schema(description = "Med borgerens egne ord. " + FREE_TEXT, minLength = 1, maxLength = 1000, pattern = NOT_BLANK) String text,
                @Schema(description = "Området, målet måles på ved opfølgningerne.") Dimension dimension,
                @ArraySchema(maxItems = TaskForm.MAX_GOALS) List<SubGoal> subGoals) {}

    @Schema(name = "PlanSubGoalRequest", requiredProperties = "text")
    record SubGoal(@Schema(description = FREE_TEXT, minLength = 1, maxLength = 1000, pattern = NOT_BLANK) String text) {}

    @Schema(name = "MeetingParticipant", description = "En afdeling, eller role CITIZEN, eller role NETWORK med navn.")
    record Participant(Department department, @Schema(allowableValues = {"CITIZEN", "NETWORK", "DEPARTMENT"}) String role,
                       @Schema(description = FREE_TEXT, maxLength = 200) String name) {}

    @Schema(name = "MeetingAgreement", requiredProperties = {"text", "owner", "due"},
            description = "Højst ét af subGoal og subGoalId (en udvidelse af API.md).")
    record Agreement(@Schema(description = FREE_TEXT, minLength = 1, maxLength = 1000, pattern = NOT_BLANK) String text,
                     @Schema(description = FREE_TEXT, minLength = 1, maxLength = 100, pattern = NOT_BLANK) String owner, LocalDate due,
                     @Schema(description = "Et delmål aftalt på samme møde: mål.delmål talt fra 1 i goals, fx 1.2.",
                             pattern = "^[1-9][0-9]?\\.[1-9][0-9]?$") String subGoal,
                     @Schema(description = "Id på et delmål fra før, der stadig arbejdes på (GET /api/cases/{id}/plan).", minimum = "1")
                     Long subGoalId) {}

    @Schema(name = "FindInternshipCompletion", requiredProperties = {"company", "startsOn", "endsOn"},
            description = "findInternship: endsOn ikke før startsOn.")
    record FindInternship(@Schema(description = FREE_TEXT, minLength = 1, maxLength = 200, pattern = NOT_BLANK) String company,
                          LocalDate startsOn, LocalDate endsOn) {}

    @Schema(name = "InternshipKickoffCompletion", requiredProperties = "heldOn")
    record HeldOn(@Schema(description = NOT_IN_FUTURE) LocalDate heldOn) {}

    @Schema(name = "InternshipMidwayReviewCompletion", requiredProperties = "heldOn")
    record MidwayReview(@Schema(description = NOT_IN_FUTURE) LocalDate heldOn, @Schema(description = FREE_TEXT, maxLength = 4000) String note) {}

    @Schema(name = "EvaluateInternshipCompletion", requiredProperties = "result")
    record EvaluateInternship(InternshipResult result,
                              @Schema(minimum = "0", maximum = "80") Integer hoursPerWeek) {}

    @Schema(name = "FollowUpCompletion", requiredProperties = {"progression", "outcome"},
            description = "followUp: closeReason kun, og kun skal, ved outcome CLOSE.")
    record FollowUp(ProgressionScores progression,
                    @ArraySchema(maxItems = TaskForm.MAX_LINES, arraySchema = @Schema(description = "Planen revideret: status pr. mål eller delmål (en udvidelse af API.md)."))
                    List<GoalChange> goals,
                    FollowUpOutcome outcome,
                    CloseReason closeReason) {}

    @Schema(name = "PlanGoalStatusRequest", requiredProperties = {"id", "status"})
    record GoalChange(@Schema(description = "Målets eller delmålets id i sagens plan.", minimum = "1") Long id, GoalStatus status) {}

    /** The progression dimensions of a follow-up, each scored 1–10; at least one. */
    @Schema(name = "ProgressionScores", minProperties = 1)
    @SuppressWarnings("checkstyle:RecordComponentName")
    record ProgressionScores(@Schema(minimum = "1", maximum = "10") Integer DAILY_STRUCTURE, @Schema(minimum = "1", maximum = "10") Integer HEALTH,
                             @Schema(minimum = "1", maximum = "10") Integer SOCIAL_NETWORK, @Schema(minimum = "1", maximum = "10") Integer MOTIVATION,
                             @Schema(minimum = "1", maximum = "10") Integer WORK_READINESS) {}

    private ApiBodies() {
    }

    /** Alarm code → days: the schema, with every known code, is {@code ThresholdDays} (OpenApiConfiguration). */
    static final String THRESHOLD_DAYS = "#/components/schemas/ThresholdDays";

    @Schema(name = "ThresholdsChangeRequest", requiredProperties = {"thresholds", "comment"})
    record ThresholdsChange(
            @Schema(ref = THRESHOLD_DAYS) Map<String, Integer> thresholds,
            @Schema(description = "Hvorfor ændringen laves. " + FREE_TEXT, minLength = 1, maxLength = 2000, pattern = NOT_BLANK) String comment) {}

    @Schema(name = "ThresholdsSimulationRequest", requiredProperties = "thresholds")
    record ThresholdsSimulation(
            @Schema(ref = THRESHOLD_DAYS) Map<String, Integer> thresholds,
            @Schema(description = "Bruges ikke af simuleringen. " + FREE_TEXT, maxLength = 2000) String comment) {}

    @Schema(name = "RuleFilesRequest", requiredProperties = {"files", "comment"},
            description = "Hver fil hedder .drl, .xlsx eller .csv og erstatter den aktive fil med samme navn; højst 1 MB hver. "
                    + "En fil, der ikke kan oversættes eller ikke er en regelfil, giver 422 med fil, linje og grund.")
    record RuleFiles(
            @ArraySchema(minItems = 1, maxItems = 10, schema = @Schema(type = "string", format = "binary", minLength = 1)) List<String> files,
            @Schema(description = "Hvorfor reglerne ændres. " + FREE_TEXT, minLength = 1, maxLength = 2000, pattern = NOT_BLANK) String comment) {}

    @Schema(name = "RuleFilesSimulationRequest", requiredProperties = "files",
            description = "Som RuleFilesRequest; intet gemmes.")
    record RuleFilesSimulation(
            @ArraySchema(minItems = 1, maxItems = 10, schema = @Schema(type = "string", format = "binary", minLength = 1)) List<String> files,
            @Schema(description = "Bruges ikke af simuleringen. " + FREE_TEXT, maxLength = 2000) String comment) {}

    @Schema(name = "ProcessFilesRequest", requiredProperties = {"files", "comment"},
            description = "Hver fil er en .bpmn-fil; alle valideres (BPMN-skemaet, motorens parser og Tværs' regler), og intet deployes, "
                    + "hvis én fejler (422 med fil, element, linje og grund).")
    record ProcessFiles(
            @ArraySchema(minItems = 1, maxItems = 10, schema = @Schema(type = "string", format = "binary", minLength = 1)) List<String> files,
            @Schema(description = "Hvorfor processen ændres. " + FREE_TEXT, minLength = 1, maxLength = 2000, pattern = NOT_BLANK) String comment) {}

    @Schema(name = "ActivationRequest", requiredProperties = "comment")
    record Activation(@Schema(description = "Hvorfor versionen aktiveres. " + FREE_TEXT, minLength = 1, maxLength = 2000, pattern = NOT_BLANK) String comment) {}
}
