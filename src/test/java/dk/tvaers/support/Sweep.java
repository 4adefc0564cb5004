package dk.tvaers.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.runtime.Job;

/**
 * Runs the engine-scheduled alarm sweep now, as the job executor would when its timer is due: the
 * timer, then the jobs it made (a batch of cases each, then each batch's end), until none is left.
 */
public class Sweep {

    private final ManagementService management;

    Sweep(ManagementService management) {
        this.management = management;
    }

    public void run() {
        run(1);
    }

    /**
     * The sweep with {@code threads} threads taking its jobs side by side, as the job executor's
     * threads (on one node or several) would: the non-exclusive ones (the batches) in parallel, the
     * exclusive ones (the batches' ends) one after another; returns the number of jobs after the timer's.
     */
    public int run(int threads) {
        Job job = management.createJobQuery().processDefinitionKey("AlarmSweepProcess").timers().singleResult();
        if (job == null) {
            throw new AssertionError("the alarm sweep has no timer job: is AlarmSweepProcess deployed?");
        }
        management.executeJob(job.getId());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        int executed = 0;
        try {
            List<Job> due;
            while (!(due = management.createJobQuery().processDefinitionKey("AlarmSweepProcess").messages().list()).isEmpty()) {
                // Side by side only what the engine lets run so: exclusive jobs of one instance go one at a time.
                List<Future<?>> running = new ArrayList<>();
                due.stream().filter(next -> !((JobEntity) next).isExclusive())
                        .forEach(next -> running.add(pool.submit(() -> management.executeJob(next.getId()))));
                for (Future<?> each : running) {
                    each.get();
                }
                due.stream().filter(next -> ((JobEntity) next).isExclusive()).forEach(next -> management.executeJob(next.getId()));
                executed += due.size();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } catch (ExecutionException e) {
            throw new AssertionError("a job of the sweep failed", e.getCause());
        } finally {
            pool.shutdown();
        }
        return executed;
    }
}
