package dk.tvaers.stats;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A number of cases (or alarms, meetings) as it may be shown: from 1 to 4 it is "<5", the rule
 * statistical offices use so that a small cell cannot point out a citizen; 0 and 5 and up are shown
 * as they are.
 */
public record Count(long value) {

    /** What a suppressed count reads as. */
    public static final String SUPPRESSED = "<5";
    /** The fewest cases a count or a figure derived from cases may rest on. */
    public static final int DISCRETION = 5;

    public Count {
        if (value < 0) {
            throw new IllegalArgumentException("Et antal kan ikke være negativt: " + value);
        }
    }

    public static Count of(long value) {
        return new Count(value);
    }

    public boolean suppressed() {
        return value > 0 && value < DISCRETION;
    }

    /** True when a figure derived from this many cases may be shown. */
    public boolean enough() {
        return value >= DISCRETION;
    }

    /** The number, or "<5". */
    @JsonValue
    public Object shown() {
        return suppressed() ? SUPPRESSED : value;
    }

    @Override
    public String toString() {
        return String.valueOf(shown());
    }
}
