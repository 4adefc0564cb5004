package dk.tvaers.casefile;

/** How a case left the route. */
public enum Outcome {
    JOB("Job"),
    EDUCATION("Uddannelse"),
    OTHER("Andet"),
    SINGLE_DISCIPLINE("Monofagligt forløb"),
    NO_CONSENT("Intet samtykke");

    private final String danishName;

    Outcome(String danishName) {
        this.danishName = danishName;
    }

    public String danishName() {
        return danishName;
    }
}
