package dk.tvaers.casefile;

/** How a case left the route. */
public enum Outcome {
    JOB,
    EDUCATION,
    OTHER,
    SINGLE_DISCIPLINE,
    NO_CONSENT
}
