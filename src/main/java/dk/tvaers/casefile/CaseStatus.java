package dk.tvaers.casefile;

/** Whether a case is still on its route. */
public enum CaseStatus { ACTIVE, CLOSED }
