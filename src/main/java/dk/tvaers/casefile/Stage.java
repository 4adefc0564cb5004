package dk.tvaers.casefile;

/** Where a case stands on the route. */
public enum Stage {
    REFERRAL,
    CONSENT,
    SPARRING,
    NETWORK_MEETING,
    INTERNSHIP,
    FOLLOW_UP,
    CLOSED;

    /** True once the consent step lies behind the case. */
    public boolean isPastConsent() {
        return this != REFERRAL && this != CONSENT;
    }
}
