package dk.tvaers.casefile;

/** Where a case stands on the route. */
public enum Stage {
    REFERRAL("Henvisning"),
    CONSENT("Samtykke"),
    SPARRING("Sparring i ungeteamet"),
    NETWORK_MEETING("Netværksmøde"),
    INTERNSHIP("Virksomhedspraktik"),
    FOLLOW_UP("Opfølgning"),
    CLOSED("Afsluttet");

    private final String danishName;

    Stage(String danishName) {
        this.danishName = danishName;
    }

    public String danishName() {
        return danishName;
    }

    /** True once the consent step lies behind the case. */
    public boolean isPastConsent() {
        return this != REFERRAL && this != CONSENT;
    }
}
