package dk.tvaers.casefile;

/** The departments that can take part in a case (docs/rules/department-suggestions.md says which flags suggest which). */
public enum Department {
    JOBCENTER("Jobcenter"),
    UU("Ungdommens Uddannelsesvejledning"),
    FAMILY("Børne- og familieafdelingen"),
    SOCIAL("Socialafdelingen"),
    PSYCHIATRY("Psykiatri og handicap"),
    ADDICTION("Stof- og alkoholbehandling"),
    HEALTH("Sundhedsvæsenet"),
    EDUCATION("Uddannelsesinstitutioner"),
    PROBATION("Kriminalforsorgen"),
    EMPLOYER("Virksomheder");

    private final String danishName;

    Department(String danishName) {
        this.danishName = danishName;
    }

    public String danishName() {
        return danishName;
    }
}
