package dk.tvaers.casefile;

/** A department's place in a case: suggested by the rules, involved, or declined. */
public enum InvolvementStatus { SUGGESTED, INVOLVED, DECLINED }
