package dk.tvaers.alarms;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_SweepAlarms: the periodic sweep for time-based alarms. It runs as a job of the engine (a
 * timer start event), so a cluster runs it once per interval; {@link AlarmSweep} does the work.
 */
@Component("sweepAlarmsDelegate")
class SweepAlarmsDelegate implements JavaDelegate {

    private final AlarmSweep sweep;

    SweepAlarmsDelegate(AlarmSweep sweep) {
        this.sweep = sweep;
    }

    @Override
    public void execute(DelegateExecution execution) {
        AlarmSweep.Result result = sweep.sweepAll();
        execution.setVariable("casesEvaluated", result.evaluated());
        execution.setVariable("casesFailed", result.failed());
    }
}
