package dk.tvaers.route;

import java.util.Map;

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

        private Tasks() {
        }
    }

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

        private Variables() {
        }
    }

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
