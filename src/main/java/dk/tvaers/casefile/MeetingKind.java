package dk.tvaers.casefile;

/** Meetings the route holds about a case. */
public enum MeetingKind { YOUTH_TEAM_SPARRING, NETWORK_MEETING, INTERNSHIP_KICKOFF, INTERNSHIP_MIDWAY, INTERNSHIP_EVALUATION, FOLLOW_UP }
