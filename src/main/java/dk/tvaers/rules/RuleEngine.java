package dk.tvaers.rules;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Holds the active rule set, compiled at startup from the {@code rules/} folder of the working
 * directory, and evaluates cases with it. A folder that does not compile stops startup.
 */
@Service
public class RuleEngine {

    private static final Logger log = LoggerFactory.getLogger(RuleEngine.class);

    private final AtomicReference<RuleSet> active = new AtomicReference<>();
    private final Path folder;

    RuleEngine(@Value("${tvaers.rules.dir:rules}") Path folder, Clock clock) {
        this.folder = folder.toAbsolutePath().normalize();
        long started = System.nanoTime();
        RuleSet ruleSet = RuleSetBuilder.build(RuleSetBuilder.readFolder(this.folder), 1, "system", clock.instant());
        active.set(ruleSet);
        log.info("Regelsæt version {} oversat fra {} ({} filer) på {} ms", ruleSet.version(), this.folder,
                ruleSet.sources().size(), (System.nanoTime() - started) / 1_000_000);
    }

    public RuleSet active() {
        return active.get();
    }

    public Path folder() {
        return folder;
    }

    /** Makes a compiled rule set the active one. */
    public void activate(RuleSet ruleSet) {
        active.set(ruleSet);
    }

    public Evaluation evaluate(CaseSnapshot snapshot) {
        return active.get().evaluate(snapshot);
    }
}
