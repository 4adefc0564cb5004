package dk.tvaers.alarms;

import dk.tvaers.casefile.CaseFiles;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Task_SweepAlarms: the periodic sweep for time-based alarms. It runs as a job of the engine (a
 * timer start event), so a cluster runs it once per interval. Each case is evaluated in its own
 * transaction: one broken case neither stops the sweep nor rolls back the others.
 */
@Component("sweepAlarmsDelegate")
class SweepAlarmsDelegate implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(SweepAlarmsDelegate.class);

    private final CaseFiles caseFiles;
    private final CaseEvaluation evaluation;
    private final TransactionTemplate perCase;

    SweepAlarmsDelegate(CaseFiles caseFiles, CaseEvaluation evaluation, PlatformTransactionManager transactions) {
        this.caseFiles = caseFiles;
        this.evaluation = evaluation;
        this.perCase = new TransactionTemplate(transactions);
        this.perCase.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public void execute(DelegateExecution execution) {
        long started = System.nanoTime();
        List<String> caseIds = caseFiles.activeCaseIds();
        int failed = 0;
        for (String caseId : caseIds) {
            try {
                perCase.executeWithoutResult(status -> evaluation.evaluate(caseId));
            } catch (RuntimeException e) {
                failed++;
                log.error("Alarmgennemgang fejlede for sag {}: {}", caseId, e.toString());
            }
        }
        execution.setVariable("casesEvaluated", caseIds.size());
        execution.setVariable("casesFailed", failed);
        log.info("Alarmgennemgang: {} sager på {} ms, {} fejlede", caseIds.size(), (System.nanoTime() - started) / 1_000_000, failed);
    }
}
