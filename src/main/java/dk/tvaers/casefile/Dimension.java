package dk.tvaers.casefile;

/** The five dimensions a follow-up scores the citizen's progression on (1–10), in the order they are shown. */
public enum Dimension {
    DAILY_STRUCTURE, HEALTH, SOCIAL_NETWORK, MOTIVATION, WORK_READINESS
}
