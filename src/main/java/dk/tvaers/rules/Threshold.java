package dk.tvaers.rules;

/**
 * A leader's threshold for an alarm: at {@code days} days no alarm yet; from {@code days + 1} the
 * alarm, with this severity.
 */
public record Threshold(String code, int days, String severity, String description) {
}
