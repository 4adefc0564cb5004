package dk.tvaers.rules;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Holds the active rule set and evaluates cases with it. The versions live in the database
 * ({@link RuleVersions}); this node polls which one is active and switches to it, compiled, in one
 * step: a request is evaluated with the old set or the new one, never with half of either.
 *
 * <p>At startup the {@code rules/} folder (the shipped defaults) becomes a new version when its
 * content is new and no leader has activated a version since the last import. A change by a leader
 * compiles first and is stored only when it compiles cleanly.
 */
@Service
public class RuleEngine {

    private static final Logger log = LoggerFactory.getLogger(RuleEngine.class);

    private final AtomicReference<RuleSet> active = new AtomicReference<>();
    private final Path folder;
    private final RuleVersions versions;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    /** A stored version this node could not compile: not tried again on every poll. */
    private volatile int failedVersion = -1;

    RuleEngine(@Value("${tvaers.rules.dir:rules}") Path folder, RuleVersions versions, PlatformTransactionManager transactions,
               ApplicationEventPublisher events, Clock clock) {
        this.folder = folder.toAbsolutePath().normalize();
        this.versions = versions;
        this.transaction = new TransactionTemplate(transactions);
        this.events = events;
        this.clock = clock;
        try {
            importShipped();
        } catch (DuplicateKeyException e) {
            // Another node imported the same folder at the same moment: its version is the one.
            importShipped();
        }
        refresh();
        if (active.get() == null) {
            throw new IllegalStateException("Ingen aktiv regelversion kunne oversættes; se loggen");
        }
    }

    public RuleSet active() {
        return active.get();
    }

    public Path folder() {
        return folder;
    }

    public Evaluation evaluate(CaseSnapshot snapshot) {
        return active.get().evaluate(snapshot);
    }

    /**
     * The shipped folder as a version, when it is new and no leader's choice would be undone. The set
     * compiled to check it becomes the active one once the import is committed: it is not compiled twice.
     */
    private void importShipped() {
        List<RuleSource> shipped = RuleSetBuilder.readFolder(folder);
        String hash = RuleVersions.contentHash(shipped);
        RuleSet imported = transaction.execute(status -> {
            Optional<Integer> same = versions.findByContentHash(hash);
            Optional<RuleVersions.Activation> current = versions.current();
            if (current.isPresent() && same.isPresent()) {
                return null;
            }
            if (current.isPresent() && versions.leaderActivatedSinceLastImport()) {
                log.warn("Standardreglerne i {} er ændret, men en leder har aktiveret version {} siden; de indlæses ikke",
                        folder, current.get().version());
                return null;
            }
            RuleSet compiled;
            long started = System.nanoTime();
            try {
                compiled = RuleSetBuilder.build(shipped, 0, "system", clock.instant());
            } catch (RuleCompilationException e) {
                if (current.isEmpty()) {
                    throw e;
                }
                log.error("Standardreglerne i {} kan ikke oversættes; version {} forbliver aktiv. {}", folder, current.get().version(), e.getMessage());
                return null;
            }
            int version = same.orElseGet(() -> versions.create(shipped, "system", "Standardregler fra " + folder.getFileName(),
                    RuleVersions.Origin.SHIPPED, clock.instant()));
            versions.activate(version, "system", "Standardregler indlæst ved opstart", false, clock.instant());
            log.info("Standardreglerne fra {} er indlæst som version {} og aktive, oversat på {} ms", folder, version,
                    (System.nanoTime() - started) / 1_000_000);
            return compiled.as(version, clock.instant(), "system");
        });
        if (imported != null) {
            active.set(imported);
        }
    }

    /**
     * Switches this node to the version active in the database, if it is not the one in use. Every
     * node polls; one that activates a version itself switches at once.
     */
    @Scheduled(fixedDelayString = "${tvaers.rules.poll-every:PT2S}", initialDelayString = "${tvaers.rules.poll-every:PT2S}")
    public void refresh() {
        Optional<RuleVersions.Activation> current = versions.current();
        if (current.isEmpty()) {
            return;
        }
        RuleVersions.Activation activation = current.get();
        RuleSet now = active.get();
        if (now != null && now.version() == activation.version() || activation.version() == failedVersion) {
            return;
        }
        synchronized (this) {
            now = active.get();
            if (now != null && now.version() == activation.version()) {
                return;
            }
            long started = System.nanoTime();
            try {
                RuleSet compiled = RuleSetBuilder.build(versions.sources(activation.version()), activation.version(),
                        activation.activatedBy(), activation.activatedAt());
                active.set(compiled);
                log.info("Regelsæt version {} er aktivt (aktiveret af {}), oversat på {} ms", compiled.version(),
                        activation.activatedBy(), (System.nanoTime() - started) / 1_000_000);
            } catch (RuleCompilationException e) {
                failedVersion = activation.version();
                log.error("Regelversion {} kan ikke oversættes på denne node; version {} forbliver i brug. {}", activation.version(),
                        now == null ? "ingen" : now.version(), e.getMessage());
            }
        }
    }

    /** The active sources with the given thresholds changed, compiled, but not stored: a candidate. */
    public Candidate withThresholds(Map<String, Integer> days) {
        RuleSet base = active.get();
        Thresholds changed = base.thresholds().withDays(days);
        List<RuleSource> sources = new ArrayList<>();
        for (RuleSource source : base.sources()) {
            sources.add(source.isThresholdFile() ? new RuleSource(source.name(), changed.render()) : source);
        }
        return candidate(base, sources);
    }

    /**
     * The active sources with these files added, or replacing the active file of the same name (the
     * name below {@code rules/}, or the file's own name when it is unique), compiled, not stored.
     *
     * @throws RuleCompilationException with file, line (a table's sheet row) and message
     */
    public Candidate withFiles(List<RuleSource> files) {
        RuleSet base = active.get();
        List<RuleSource> sources = new ArrayList<>(base.sources());
        for (RuleSource file : files) {
            String name = RuleSources.placeOf(file.name(), sources);
            sources.removeIf(s -> s.name().equals(name));
            sources.add(new RuleSource(name, file.content()));
        }
        sources.sort(java.util.Comparator.comparing(RuleSource::name));
        return candidate(base, sources);
    }

    private static Candidate candidate(RuleSet base, List<RuleSource> sources) {
        return new Candidate(base, RuleSetBuilder.build(sources, 0, "kandidat", base.activatedAt()));
    }

    /** A compiled rule set that is not (yet) a version, and the active set it was made from: what a what-if compares. */
    public record Candidate(RuleSet base, RuleSet ruleSet) {}

    /**
     * Stores a candidate as a new version and activates it on every node.
     *
     * @throws RuleConflictException when another change took the next version number at the same moment
     */
    public int activate(Candidate candidate, String by, String comment) {
        int version;
        try {
            version = transaction.execute(status -> {
                int created = versions.create(candidate.ruleSet().sources(), by, comment, RuleVersions.Origin.LEADER, clock.instant());
                versions.activate(created, by, comment, true, clock.instant());
                return created;
            });
        } catch (DuplicateKeyException raced) {
            throw new RuleConflictException();
        }
        events.publishEvent(new RuleSetEvents.VersionCreated(version, by, comment));
        switchTo(candidate.ruleSet(), version, by);
        return version;
    }

    /**
     * Makes a stored version the active one again (rollback, or forward).
     *
     * @throws RuleNotFoundException when there is no such version
     */
    public void activate(int version, String by, String comment) {
        if (!versions.exists(version)) {
            throw RuleNotFoundException.version(version);
        }
        RuleSet compiled = RuleSetBuilder.build(versions.sources(version), version, by, clock.instant());
        transaction.executeWithoutResult(status -> versions.activate(version, by, comment, true, clock.instant()));
        switchTo(compiled, version, by);
    }

    private void switchTo(RuleSet compiled, int version, String by) {
        synchronized (this) {
            active.set(compiled.as(version, clock.instant(), by));
        }
        log.info("Regelsæt version {} aktiveret af {}", version, by);
        events.publishEvent(new RuleSetEvents.VersionActivated(version, by));
    }
}
