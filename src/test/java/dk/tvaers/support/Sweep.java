package dk.tvaers.support;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;

/** Runs the engine-scheduled alarm sweep now, as the job executor would when its timer is due. */
public class Sweep {

    private final ManagementService management;

    Sweep(ManagementService management) {
        this.management = management;
    }

    public void run() {
        Job job = management.createJobQuery().processDefinitionKey("AlarmSweepProcess").timers().singleResult();
        if (job == null) {
            throw new AssertionError("the alarm sweep has no timer job: is AlarmSweepProcess deployed?");
        }
        management.executeJob(job.getId());
    }
}
