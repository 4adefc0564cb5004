package dk.tvaers.route;

import java.util.List;
import java.util.stream.Collectors;

/** A BPMN file that does not parse or validate: which file, which element, which line, and why. */
public class InvalidProcessException extends RuntimeException {

    /** One problem in one file. */
    public record Problem(String file, String element, int line, String message) {
        @Override
        public String toString() {
            return file + (element == null || element.isBlank() ? "" : ", element " + element)
                    + (line > 0 ? " (linje " + line + ")" : "") + ": " + message;
        }
    }

    private final List<Problem> problems;

    public InvalidProcessException(List<Problem> problems) {
        super("Processen kan ikke deployes:\n" + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
