package dk.tvaers.rules;

/** A rule's suggestion to involve a department, with the rule's name and a Danish reason. */
public record Suggestion(String department, String rule, String text) {
}
