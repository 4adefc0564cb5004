package dk.tvaers.route;

import java.util.Map;
import java.util.Set;

/**
 * Process keys, task keys, variable names and the words the route's gateways branch on, in one place.
 * A gateway's condition compares a variable with a constant of its enum ({@link #DECISIONS}); the
 * convention test holds the BPMN to these.
 */
public final class RouteProcess {

    public static final String CASE_ROUTE = "CaseRouteProcess";
    public static final String NETWORK_MEETING = "NetworkMeetingProcess";
    public static final String INTERNSHIP = "InternshipProcess";
    public static final String ALARM_SWEEP = "AlarmSweepProcess";

    /** User-task ids of the default route, which are also the API's {@code taskKey}s. */
    public static final class Tasks {
        public static final String REGISTER_CONSENT = "registerConsent";
        public static final String YOUTH_TEAM_SPARRING = "youthTeamSparring";
        public static final String NETWORK_MEETING = "networkMeeting";
        public static final String FIND_INTERNSHIP = "findInternship";
        public static final String INTERNSHIP_KICKOFF = "internshipKickoff";
        public static final String INTERNSHIP_MIDWAY_REVIEW = "internshipMidwayReview";
        public static final String EVALUATE_INTERNSHIP = "evaluateInternship";
        public static final String FOLLOW_UP = "followUp";

        /** Every task key the product has a form of its own for; any other user task is completed through its form fields. */
        public static final Set<String> WITH_FORMS = Set.of(REGISTER_CONSENT, YOUTH_TEAM_SPARRING, NETWORK_MEETING, FIND_INTERNSHIP,
                INTERNSHIP_KICKOFF, INTERNSHIP_MIDWAY_REVIEW, EVALUATE_INTERNSHIP, FOLLOW_UP);

        private Tasks() {
        }
    }

    /**
     * The element ids the product's code refers to, by process key: its forms' task keys and the timers the
     * demo lets pass. A new version of one of these processes must keep them (API.md, Processes).
     */
    public static final Map<String, Set<String>> REFERRED_IDS = Map.of(
            CASE_ROUTE, Set.of(Tasks.REGISTER_CONSENT, Tasks.YOUTH_TEAM_SPARRING, Tasks.FOLLOW_UP, "Timer_FollowUpDue"),
            NETWORK_MEETING, Set.of(Tasks.NETWORK_MEETING),
            INTERNSHIP, Set.of(Tasks.FIND_INTERNSHIP, Tasks.INTERNSHIP_KICKOFF, Tasks.INTERNSHIP_MIDWAY_REVIEW, Tasks.EVALUATE_INTERNSHIP,
                    "Timer_MidwayReview", "Timer_InternshipEnds"));

    /** Process variables the route's gateways, timers and delegates read. */
    public static final class Variables {
        public static final String CASE_ID = "caseId";
        public static final String CONSENT_GIVEN = "consentGiven";
        public static final String SPARRING_OUTCOME = "sparringOutcome";
        public static final String NEXT_STEP = "nextStep";
        public static final String COMPANY = "company";
        public static final String INTERNSHIP_STARTS_ON = "internshipStartsOn";
        public static final String INTERNSHIP_ENDS_ON = "internshipEndsOn";
        public static final String INTERNSHIP_RESULT = "internshipResult";
        public static final String HOURS_PER_WEEK = "hoursPerWeek";
        public static final String FOLLOW_UP_OUTCOME = "followUpOutcome";
        public static final String CLOSE_REASON = "closeReason";
        public static final String HAND_OVER_REASON = "handOverReason";

        /** Every name above: a form field of a process owner's step may not overwrite one of them. */
        public static final Set<String> ALL = Set.of(CASE_ID, CONSENT_GIVEN, SPARRING_OUTCOME, NEXT_STEP, COMPANY, INTERNSHIP_STARTS_ON,
                INTERNSHIP_ENDS_ON, INTERNSHIP_RESULT, HOURS_PER_WEEK, FOLLOW_UP_OUTCOME, CLOSE_REASON, HAND_OVER_REASON);

        private Variables() {
        }
    }

    /**
     * The alarm threshold that says how long a case may wait at a step, by the step's id: the heatmap of
     * where cases wait colours the step against it (the threshold's days, in the active rule set).
     */
    public static final Map<String, String> WAIT_THRESHOLDS = Map.of(
            Tasks.REGISTER_CONSENT, "NO_COORDINATOR",
            Tasks.YOUTH_TEAM_SPARRING, "WAIT_SPARRING",
            "CallActivity_NetworkMeeting", "WAIT_NETWORK_MEETING",
            Tasks.NETWORK_MEETING, "WAIT_NETWORK_MEETING");

    /** The youth team's decision after sparring ({@code sparringOutcome}). */
    public enum SparringOutcome { INTERDISCIPLINARY, SINGLE_DISCIPLINE, CLOSE }

    /** What the network meeting decides comes next ({@code nextStep}). */
    public enum NextStep { INTERNSHIP, FOLLOW_UP }

    /** The internship's evaluation ({@code internshipResult}). */
    public enum InternshipResult { JOB, ORDINARY_HOURS, EXTEND, ENDED }

    /** The follow-up's decision ({@code followUpOutcome}). */
    public enum FollowUpOutcome { CONTINUE, NEW_NETWORK_MEETING, CLOSE }

    /** Why a follow-up closes the case ({@code closeReason}); the case's outcome of the same name. */
    public enum CloseReason { JOB, EDUCATION, OTHER }

    /** The variables the gateways compare, each with the enum of the words it may hold. */
    public static final Map<String, Class<? extends Enum<?>>> DECISIONS = Map.of(
            Variables.SPARRING_OUTCOME, SparringOutcome.class,
            Variables.NEXT_STEP, NextStep.class,
            Variables.INTERNSHIP_RESULT, InternshipResult.class,
            Variables.FOLLOW_UP_OUTCOME, FollowUpOutcome.class,
            Variables.CLOSE_REASON, CloseReason.class);

    private RouteProcess() {
    }
}
