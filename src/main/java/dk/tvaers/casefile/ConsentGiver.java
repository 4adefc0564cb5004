package dk.tvaers.casefile;

/** Who gave consent: the citizen, or under 18 the custody holder. */
public enum ConsentGiver { CITIZEN, CUSTODY_HOLDER }
