package dk.tvaers;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * "Today" for the whole application, in the municipality's time zone. It reads the engine's clock,
 * so that a test that moves the engine's time (to fire a timer) moves the rules' today with it.
 */
public final class ApplicationClock extends Clock {

    public static final ZoneId MUNICIPAL_ZONE = ZoneId.of("Europe/Copenhagen");

    private final ZoneId zone;

    public ApplicationClock() {
        this(MUNICIPAL_ZONE);
    }

    private ApplicationClock(ZoneId zone) {
        this.zone = zone;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new ApplicationClock(zone);
    }

    @Override
    public Instant instant() {
        return ClockUtil.getCurrentTime().toInstant();
    }
}
