package dk.tvaers.casefile;

/** Kinds of effort (indsats) with their Danish name and usual department. */
public enum EffortType {
    PSYCHOLOGIST("psykologsamtaler", Department.HEALTH),
    PSYCHIATRIC_TREATMENT("psykiatrisk behandling", Department.HEALTH),
    ADDICTION_TREATMENT("stof- og alkoholbehandling", Department.ADDICTION),
    HOUSING_SUPPORT("bostøtte", Department.SOCIAL),
    SUPPORT_CONTACT_PERSON("støtte-kontaktperson", Department.SOCIAL),
    MENTOR("mentor", Department.JOBCENTER),
    JOBCENTRE_COURSE("forløb i jobcentret", Department.JOBCENTER),
    EDUCATION_GUIDANCE("uddannelsesvejledning", Department.UU),
    BRIDGE_COURSE("brobygning", Department.EDUCATION),
    FAMILY_SUPPORT("familiestøtte", Department.FAMILY),
    DEBT_COUNSELLING("gældsrådgivning", Department.SOCIAL),
    INTERNSHIP("virksomhedspraktik", Department.EMPLOYER);

    private final String danishName;
    private final Department usualDepartment;

    EffortType(String danishName, Department usualDepartment) {
        this.danishName = danishName;
        this.usualDepartment = usualDepartment;
    }

    public String danishName() {
        return danishName;
    }

    public Department usualDepartment() {
        return usualDepartment;
    }
}
