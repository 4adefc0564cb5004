package dk.tvaers.route;

import dk.tvaers.casefile.CaseFiles;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Task_AnonymiseClosedCases: closed cases whose retention period ({@code tvaers.retention.closed-cases},
 * default five years) has run out are anonymised, each in its own transaction, and the comments on their tasks forgotten. The engine's own
 * history goes by the processes' matching {@code historyTimeToLive} and its history cleanup.
 */
@Component("anonymiseClosedCasesDelegate")
class AnonymiseClosedCasesDelegate implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(AnonymiseClosedCasesDelegate.class);

    private final CaseFiles caseFiles;
    private final TaskComments comments;
    private final Period retention;
    private final Clock clock;
    private final TransactionTemplate perCase;

    AnonymiseClosedCasesDelegate(CaseFiles caseFiles, TaskComments comments, @Value("${tvaers.retention.closed-cases:P5Y}") Period retention, Clock clock,
                                 PlatformTransactionManager transactions) {
        this.caseFiles = caseFiles;
        this.comments = comments;
        this.retention = retention;
        this.clock = clock;
        this.perCase = new TransactionTemplate(transactions);
        this.perCase.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public void execute(DelegateExecution execution) {
        LocalDate closedBefore = LocalDate.now(clock).minus(retention);
        List<String> due = caseFiles.closedBeforeAndNotAnonymised(closedBefore);
        for (String caseId : due) {
            perCase.executeWithoutResult(status -> {
                caseFiles.anonymise(caseId);
                comments.forgetCase(caseId);
            });
        }
        execution.setVariable("casesAnonymised", due.size());
        log.info("Anonymisering: {} lukkede sager fra før {}", due.size(), closedBefore);
    }
}
