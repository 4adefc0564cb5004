package dk.tvaers.alarms;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_EvaluateReferral: the rules look at a new referral and suggest departments. */
@Component("evaluateRulesDelegate")
class EvaluateRulesDelegate implements JavaDelegate {

    private final CaseEvaluation evaluation;

    EvaluateRulesDelegate(CaseEvaluation evaluation) {
        this.evaluation = evaluation;
    }

    @Override
    public void execute(DelegateExecution execution) {
        evaluation.evaluate(execution.getProcessBusinessKey());
    }
}
