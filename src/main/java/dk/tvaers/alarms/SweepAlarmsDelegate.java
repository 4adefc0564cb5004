package dk.tvaers.alarms;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_SweepAlarms: one batch of the periodic sweep for time-based alarms (the process variable
 * {@code batch}, one of {@link AlarmSweep#batches()}). The sweep starts on a timer, so a cluster runs
 * it once per interval, and each batch is a job of its own, which any node's job executor may take;
 * {@link AlarmSweep} does the work.
 */
@Component("sweepAlarmsDelegate")
class SweepAlarmsDelegate implements JavaDelegate {

    private final AlarmSweep sweep;

    SweepAlarmsDelegate(AlarmSweep sweep) {
        this.sweep = sweep;
    }

    @Override
    public void execute(DelegateExecution execution) {
        AlarmSweep.Result result = sweep.sweepBatch((String) execution.getVariable("batch"));
        execution.setVariableLocal("casesEvaluated", result.evaluated());
        execution.setVariableLocal("casesFailed", result.failed());
    }
}
