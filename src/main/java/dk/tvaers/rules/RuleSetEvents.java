package dk.tvaers.rules;

/** What happens to rule-set versions, for the audit trail and the alarms that follow a change. */
public final class RuleSetEvents {

    /** A person stored a new version. */
    public record VersionCreated(int version, String by, String comment) {}

    /** A person made a version the active one, on this node (the others follow by polling). */
    public record VersionActivated(int version, String by) {}

    private RuleSetEvents() {
    }
}
