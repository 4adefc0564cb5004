package dk.tvaers.rules;

/** Something wrong in a rule file: which file, which line (0 when unknown), and why. */
public record RuleProblem(String file, int line, String message) {

    @Override
    public String toString() {
        return file + (line > 0 ? ":" + line : "") + ": " + message;
    }
}
