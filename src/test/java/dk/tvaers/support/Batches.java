package dk.tvaers.support;

import java.util.List;
import org.camunda.bpm.engine.ManagementService;

/** Runs the engine's batch jobs (seed, one per instance, monitor) as the job executor would; it is off in tests. */
public final class Batches {

    private static final List<String> BATCH_JOB_TYPES = List.of("batch-seed-job", "instance-migration", "batch-monitor-job");

    private Batches() {
    }

    /** Until no batch job is left that has retries (at most 50 rounds: a monitor job reschedules itself until its batch is done). */
    public static void run(ManagementService management) {
        for (int round = 0; round < 50; round++) {
            var jobs = management.createJobQuery().list().stream().filter(job -> job.getProcessInstanceId() == null && job.getRetries() > 0 && job.getJobDefinitionId() != null)
                    .filter(job -> BATCH_JOB_TYPES.contains(management.createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId())
                            .singleResult().getJobType()))
                    .toList();
            if (jobs.isEmpty()) {
                return;
            }
            jobs.forEach(job -> management.executeJob(job.getId()));
        }
    }
}
