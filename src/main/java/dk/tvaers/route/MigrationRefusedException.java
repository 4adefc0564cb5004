package dk.tvaers.route;

import java.util.List;

/** The engine cannot move cases between the two versions (no plan between them, or no case that can move); nothing has moved. */
public class MigrationRefusedException extends RuntimeException {

    private final List<String> reasons;

    public MigrationRefusedException(List<String> reasons) {
        super("Sagerne kan ikke flyttes: " + String.join("; ", reasons));
        this.reasons = List.copyOf(reasons);
    }

    public List<String> reasons() {
        return reasons;
    }
}
