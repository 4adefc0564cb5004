package dk.tvaers.casefile;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Journey lines as the case file writes them, for tests of how they read. */
public final class JourneyEntryFixture {

    private JourneyEntryFixture() {
    }

    public static JourneyEntry line(String type, String subject, String... args) {
        return new JourneyEntry("case", LocalDate.of(2026, 12, 1), Instant.EPOCH, type, subject, List.of(args));
    }

    public static JourneyEntry forgotten(String type) {
        JourneyEntry entry = line(type, null);
        entry.forget();
        return entry;
    }
}
