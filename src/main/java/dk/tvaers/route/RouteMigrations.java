package dk.tvaers.route;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.batch.BatchStatistics;
import org.camunda.bpm.engine.batch.history.HistoricBatch;
import org.camunda.bpm.engine.migration.MigratingActivityInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigratingTransitionInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moving running cases from one version of a process to another, the engine's way: a migration plan that
 * maps each activity to the activity of the same id in the target ({@code mapEqualActivities}); a dry run
 * that migrates every running instance in a transaction rolled back afterwards, so the engine's own
 * validation says which can move and, for the others, which activity stops them and why; then the
 * engine's batch for the ones that can ({@code executeAsync}), one instance per job and transaction, so
 * an instance moves whole or not at all. Timers already waiting keep their due date (no
 * {@code updateEventTriggers}). Who started a migration and which instances it was given are recorded
 * (V10), so its progress and its failures can be read per case after the engine has removed the batch.
 */
@Service
public class RouteMigrations {

    /** One mapping of the plan. */
    public record Mapping(String sourceActivityId, String targetActivityId) {}

    /** An instance the dry run could not move: its case, the activity that stops it and the engine's reason. */
    public record Cannot(String processInstanceId, String caseId, String activityId, String reason) {}

    /** The plan and the dry run: {@code instances} running on the source, {@code canMigrate} of them can move. */
    public record Report(String sourceDefinitionId, String targetDefinitionId, int instances, int canMigrate, List<Mapping> plan,
                         List<Cannot> cannot) {}

    /** A migration started: its id, with the report it was started from. */
    public record Started(String migrationId, Report report) {}

    /** A failed instance of a migration: its case and the reason the engine gave. */
    public record Failed(String processInstanceId, String caseId, String reason) {}

    /** Where a migration stands: RUNNING, COMPLETED or FAILED; how many it was given, moved and could not move. */
    public record Status(String migrationId, String sourceDefinitionId, String targetDefinitionId, String state, int total, int migrated,
                         List<Failed> failed) {}

    private final RuntimeService runtime;
    private final RepositoryService repository;
    private final ManagementService management;
    private final HistoryService history;
    private final TransactionTemplate transactions;
    private final JdbcClient jdbc;
    private final Clock clock;

    RouteMigrations(RuntimeService runtime, RepositoryService repository, ManagementService management, HistoryService history,
                    TransactionTemplate transactions, JdbcClient jdbc, Clock clock) {
        this.runtime = runtime;
        this.repository = repository;
        this.management = management;
        this.history = history;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * The plan between two versions and which running instances can move: every instance on the source, or
     * only those of the given cases ({@code caseIds} null for all).
     *
     * @throws ProcessNotFoundException when either version does not exist
     * @throws MigrationRefusedException when the engine cannot make a plan between them
     */
    public Report dryRun(String sourceDefinitionId, String targetDefinitionId, Set<String> caseIds) {
        MigrationPlan plan = plan(sourceDefinitionId, targetDefinitionId);
        List<ProcessInstance> instances = running(sourceDefinitionId, caseIds);
        List<Cannot> cannot = new ArrayList<>();
        for (ProcessInstance instance : instances) {
            trial(plan, instance).ifPresent(cannot::add);
        }
        List<Mapping> mappings = plan.getInstructions().stream().map(i -> new Mapping(i.getSourceActivityId(), i.getTargetActivityId())).toList();
        return new Report(sourceDefinitionId, targetDefinitionId, instances.size(), instances.size() - cannot.size(), mappings, cannot);
    }

    /**
     * Runs the dry run, then hands every instance that can move to the engine as a batch; none when none can.
     *
     * @throws MigrationRefusedException when the engine cannot make a plan, or no instance can move
     */
    public Started start(String sourceDefinitionId, String targetDefinitionId, Set<String> caseIds, String by) {
        Report report = dryRun(sourceDefinitionId, targetDefinitionId, caseIds);
        Set<String> cannot = new LinkedHashSet<>(report.cannot().stream().map(Cannot::processInstanceId).toList());
        Map<String, String> movable = new LinkedHashMap<>();
        running(sourceDefinitionId, caseIds).stream()
                .filter(instance -> !cannot.contains(instance.getId()))
                .forEach(instance -> movable.put(instance.getId(), instance.getBusinessKey()));
        if (movable.isEmpty()) {
            throw new MigrationRefusedException(List.of(report.instances() == 0 ? "ingen sager kører på version " + sourceDefinitionId
                    : "ingen af de " + report.instances() + " kørende sager kan flyttes; se hvorfor i prøvekørslen"));
        }
        String id = UUID.randomUUID().toString();
        transactions.executeWithoutResult(status -> {
            Batch batch = runtime.newMigration(plan(sourceDefinitionId, targetDefinitionId)).processInstanceIds(List.copyOf(movable.keySet())).executeAsync();
            jdbc.sql("insert into process_migration (id, source_definition_id, target_definition_id, batch_id, started_by, started_at, total) "
                            + "values (?, ?, ?, ?, ?, ?, ?)")
                    .params(id, sourceDefinitionId, targetDefinitionId, batch.getId(), by, Timestamp.from(Instant.now(clock)), movable.size()).update();
            movable.forEach((instance, caseId) -> jdbc.sql("insert into process_migration_instance (migration_id, process_instance_id, case_id) values (?, ?, ?)")
                    .params(id, instance, caseId).update());
        });
        return new Started(id, report);
    }

    /** Where a migration stands, or empty when there is no such migration. */
    public Optional<Status> status(String migrationId) {
        record Row(String source, String target, String batchId, int total) {}
        Optional<Row> found = jdbc.sql("select source_definition_id, target_definition_id, batch_id, total from process_migration where id = ?")
                .param(migrationId).query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4))).optional();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Row row = found.get();
        Map<String, String> given = new LinkedHashMap<>();
        jdbc.sql("select process_instance_id, case_id from process_migration_instance where migration_id = ? order by case_id")
                .param(migrationId).query(rs -> {
                    given.put(rs.getString(1), rs.getString(2));
                });
        int migrated = given.isEmpty() ? 0 : (int) runtime.createProcessInstanceQuery().processDefinitionId(row.target())
                .processInstanceIds(given.keySet()).count();
        Set<String> stillOnSource = new LinkedHashSet<>();
        runtime.createProcessInstanceQuery().processDefinitionId(row.source()).processInstanceIds(given.keySet()).list()
                .forEach(instance -> stillOnSource.add(instance.getId()));

        Batch batch = management.createBatchQuery().batchId(row.batchId()).singleResult();
        String state;
        List<Failed> failed = new ArrayList<>();
        if (batch != null) {
            BatchStatistics statistics = management.createBatchStatisticsQuery().batchId(batch.getId()).singleResult();
            List<Job> dead = management.createJobQuery().jobDefinitionId(batch.getBatchJobDefinitionId()).noRetriesLeft().list();
            boolean seeded = management.createJobQuery().jobDefinitionId(batch.getSeedJobDefinitionId()).count() == 0;
            boolean stuck = seeded && statistics != null && statistics.getRemainingJobs() > 0 && statistics.getRemainingJobs() == dead.size();
            String reason = dead.stream().map(Job::getExceptionMessage).distinct().reduce((a, b) -> a + "; " + b).orElse(null);
            if (stuck) {
                stillOnSource.forEach(instance -> failed.add(new Failed(instance, given.get(instance), reason)));
            }
            state = stuck ? "FAILED" : "RUNNING";
        } else {
            HistoricBatch done = history.createHistoricBatchQuery().batchId(row.batchId()).singleResult();
            stillOnSource.forEach(instance -> failed.add(new Failed(instance, given.get(instance),
                    "sagen kørte stadig på den gamle version, da motoren afsluttede flytningen")));
            state = failed.isEmpty() && (done == null || done.getEndTime() != null) ? "COMPLETED" : failed.isEmpty() ? "RUNNING" : "FAILED";
        }
        return Optional.of(new Status(migrationId, row.source(), row.target(), state, row.total(), migrated, failed));
    }

    /** The instances running on the version: all of them, or those of the given cases (business keys). */
    private List<ProcessInstance> running(String definitionId, Set<String> caseIds) {
        List<ProcessInstance> all = runtime.createProcessInstanceQuery().processDefinitionId(definitionId).list();
        return caseIds == null ? all : all.stream().filter(instance -> caseIds.contains(instance.getBusinessKey())).toList();
    }

    private MigrationPlan plan(String sourceDefinitionId, String targetDefinitionId) {
        for (String id : List.of(sourceDefinitionId, targetDefinitionId)) {
            if (repository.createProcessDefinitionQuery().processDefinitionId(id).count() == 0) {
                throw new ProcessNotFoundException(id);
            }
        }
        if (sourceDefinitionId.equals(targetDefinitionId)) {
            throw new MigrationRefusedException(List.of("kilde og mål er den samme version"));
        }
        try {
            return runtime.createMigrationPlan(sourceDefinitionId, targetDefinitionId).mapEqualActivities().build();
        } catch (MigrationPlanValidationException e) {
            List<String> reasons = new ArrayList<>();
            e.getValidationReport().getInstructionReports().forEach(report -> report.getFailures().forEach(failure ->
                    reasons.add(report.getMigrationInstruction().getSourceActivityId() + " → " + report.getMigrationInstruction().getTargetActivityId()
                            + ": " + failure)));
            throw new MigrationRefusedException(reasons.isEmpty() ? List.of(e.getMessage()) : reasons);
        }
    }

    /** Migrates one instance in a transaction that is always rolled back: empty when it could move. */
    private Optional<Cannot> trial(MigrationPlan plan, ProcessInstance instance) {
        return transactions.execute(status -> {
            status.setRollbackOnly();
            try {
                runtime.newMigration(plan).processInstanceIds(instance.getId()).execute();
                return Optional.<Cannot>empty();
            } catch (MigratingProcessInstanceValidationException e) {
                return Optional.of(cannot(instance, e.getValidationReport()));
            } catch (org.camunda.bpm.engine.ProcessEngineException e) {
                // Anything else the engine refuses for this instance (it ended meanwhile, say): it cannot move, for that reason.
                return Optional.of(new Cannot(instance.getId(), instance.getBusinessKey(), null, e.getMessage()));
            }
        });
    }

    private static Cannot cannot(ProcessInstance instance, MigratingProcessInstanceValidationReport report) {
        for (MigratingActivityInstanceValidationReport activity : report.getActivityInstanceReports()) {
            if (!activity.getFailures().isEmpty()) {
                return new Cannot(instance.getId(), instance.getBusinessKey(), activity.getSourceScopeId(), danish(activity.getFailures()));
            }
        }
        for (MigratingTransitionInstanceValidationReport transition : report.getTransitionInstanceReports()) {
            if (!transition.getFailures().isEmpty()) {
                return new Cannot(instance.getId(), instance.getBusinessKey(), transition.getSourceScopeId(), danish(transition.getFailures()));
            }
        }
        return new Cannot(instance.getId(), instance.getBusinessKey(), null, danish(report.getFailures()));
    }

    /** The engine's reasons, in Danish where Tværs knows them (the engine's own English otherwise). */
    static String danish(List<String> failures) {
        return String.join("; ", failures.stream().map(failure -> switch (failure) {
            case "There is no migration instruction for this instance's activity" ->
                    "sagen står ved et trin, som den nye version ikke har (intet trin med samme id)";
            case "The type of the source activity is not supported for activity instance migration" ->
                    "motoren kan ikke flytte en sag, der står ved denne slags trin";
            default -> failure;
        }).toList());
    }
}
