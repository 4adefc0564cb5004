package dk.tvaers.alarms;

import dk.tvaers.casefile.CaseFiles;
import dk.tvaers.rules.RuleEngine;
import dk.tvaers.rules.RuleSetEvents;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Evaluates every active case and stores the result, in batches of {@value #BATCH} cases each in its
 * own transaction; a batch that fails is done again case by case, so one broken case neither stops
 * the sweep nor rolls back the others. The nightly sweep (AlarmSweepProcess) gives each batch to the
 * engine as a job of its own, which the job executors of every node share; the node where a leader
 * activates a rule-set version sweeps every batch itself, in the background, so that the alarms the
 * new version raises reach the inboxes the same minute and not the next night.
 */
@Service
public class AlarmSweep {

    private static final Logger log = LoggerFactory.getLogger(AlarmSweep.class);

    /** Cases evaluated in one transaction: what they read is fetched for the batch at once. */
    static final int BATCH = 200;

    private static final char RANGE = '|';

    /** How many cases a sweep evaluated and how many failed. */
    public record Result(int evaluated, int failed) {}

    private final CaseFiles caseFiles;
    private final CaseEvaluation evaluation;
    private final RuleEngine rules;
    private final TransactionTemplate ownTransaction;
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "alarm-sweep-after-rules");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Future<?> running;

    AlarmSweep(CaseFiles caseFiles, CaseEvaluation evaluation, RuleEngine rules, PlatformTransactionManager transactions) {
        this.caseFiles = caseFiles;
        this.evaluation = evaluation;
        this.rules = rules;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Every active case, batch after batch, in this thread (after a rule-set activation, and for benchmarks). */
    public Result sweepAll() {
        long started = System.nanoTime();
        int evaluated = 0;
        int failed = 0;
        for (String batch : batches()) {
            Result result = sweepBatch(batch);
            evaluated += result.evaluated();
            failed += result.failed();
        }
        log.info("Alarmgennemgang: {} sager på {} ms, {} fejlede", evaluated, (System.nanoTime() - started) / 1_000_000, failed);
        return new Result(evaluated, failed);
    }

    /**
     * The active cases cut into batches of {@value #BATCH}, each named by the range of case ids it
     * covers, {@code from|to} ({@code to} excluded; the last batch has none): the ranges cover every
     * possible id, so a case referred after the plan is still in one. The nightly sweep's process
     * gives each batch to the engine as a job of its own.
     */
    public List<String> batches() {
        List<String> ids = caseFiles.activeCaseIds();
        List<String> batches = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += BATCH) {
            String first = from == 0 ? "" : ids.get(from);
            String next = from + BATCH < ids.size() ? ids.get(from + BATCH) : "";
            batches.add(first + RANGE + next);
        }
        return batches;
    }

    /** Evaluates the active cases of one batch of {@link #batches()}. */
    public Result sweepBatch(String batch) {
        int separator = batch.indexOf(RANGE);
        if (separator < 0) {
            throw new IllegalArgumentException("Ikke et parti af alarmgennemgangen: " + batch);
        }
        String to = batch.substring(separator + 1);
        // A batch run by the engine on another node uses the version active now, not the one it last polled.
        rules.refresh();
        List<String> caseIds = caseFiles.activeCaseIds(batch.substring(0, separator), to.isEmpty() ? null : to);
        return new Result(caseIds.size(), sweep(caseIds));
    }

    /**
     * One batch in one transaction; if it fails, its cases one by one, each in its own, so that the
     * broken case is the only one left unevaluated. Returns the number that failed.
     */
    private int sweep(List<String> batch) {
        try {
            ownTransaction.executeWithoutResult(status -> evaluation.evaluateAll(batch));
            return 0;
        } catch (RuntimeException batchFailed) {
            int failed = 0;
            for (String caseId : batch) {
                try {
                    ownTransaction.executeWithoutResult(status -> evaluation.evaluate(caseId));
                } catch (RuntimeException e) {
                    failed++;
                    log.error("Alarmgennemgang fejlede for sag {}: {}", caseId, e.toString());
                }
            }
            return failed;
        }
    }

    @EventListener
    void afterActivation(RuleSetEvents.VersionActivated activated) {
        log.info("Regelversion {} aktiveret: alle aktive sager gennemgås", activated.version());
        running = background.submit(() -> {
            try {
                sweepAll();
            } catch (RuntimeException e) {
                log.error("Alarmgennemgangen efter regelversion {} fejlede", activated.version(), e);
                throw e;
            }
        });
    }

    /** Waits for a sweep started by an activation to finish (for tests and an orderly shutdown). */
    public boolean awaitSweepAfterActivation(Duration timeout) {
        Future<?> sweep = running;
        if (sweep == null) {
            return true;
        }
        try {
            sweep.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            return false;
        }
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        background.shutdownNow();
    }
}
