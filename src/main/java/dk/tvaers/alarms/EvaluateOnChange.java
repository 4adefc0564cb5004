package dk.tvaers.alarms;

import dk.tvaers.casefile.CaseChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Re-evaluates a case in the same transaction as the change, so that the answer to a change
 * already shows its new suggestions and alarms.
 */
@Component
class EvaluateOnChange {

    private final CaseEvaluation evaluation;

    EvaluateOnChange(CaseEvaluation evaluation) {
        this.evaluation = evaluation;
    }

    @EventListener
    void on(CaseChanged event) {
        evaluation.evaluate(event.caseId());
    }
}
