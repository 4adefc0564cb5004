package dk.tvaers.casefile;

/** Case flags set at referral or later; the rules suggest departments from them. */
public enum Flag {
    MENTAL_HEALTH,
    SUBSTANCE_ABUSE,
    NO_EDUCATION,
    DROPPED_OUT,
    KNOWN_IN_FAMILY_DEPT,
    PRIOR_PLACEMENT,
    CHILDREN_WITH_NEEDS,
    HOUSING,
    SOCIAL_ISOLATION,
    DEBT,
    CRIMINAL_RECORD,
    PHYSICAL_HEALTH,
    DISABILITY,
    READY_FOR_INTERNSHIP
}
