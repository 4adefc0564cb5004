package dk.tvaers.rules;

import java.time.LocalDate;

/** An agreement from a meeting, with its owner and deadline. */
public record AgreementFact(long id, String text, String owner, LocalDate due, boolean done) {
}
