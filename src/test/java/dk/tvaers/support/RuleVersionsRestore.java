package dk.tvaers.support;

import dk.tvaers.alarms.AlarmSweep;
import dk.tvaers.rules.RuleEngine;
import java.time.Duration;

/** Puts back the rule-set version a test found active, and waits for the sweep that follows, so the next test sees the shipped rules. */
public final class RuleVersionsRestore {

    private final RuleEngine engine;
    private final AlarmSweep sweep;
    private final int version;

    public RuleVersionsRestore(RuleEngine engine, AlarmSweep sweep) {
        this.engine = engine;
        this.sweep = sweep;
        this.version = engine.active().version();
    }

    public int version() {
        return version;
    }

    public void restore() {
        awaitSweep(sweep);
        if (engine.active().version() != version) {
            engine.activate(version, "test", "tilbage til versionen før testen");
            awaitSweep(sweep);
        }
    }

    public static void awaitSweep(AlarmSweep sweep) {
        if (!sweep.awaitSweepAfterActivation(Duration.ofSeconds(60))) {
            throw new AssertionError("the sweep after an activation did not finish within 60 s");
        }
    }
}
