package dk.tvaers.alarms;

import dk.tvaers.casefile.CaseFile;
import dk.tvaers.casefile.CaseFiles;
import dk.tvaers.casefile.Department;
import dk.tvaers.casefile.InvolvementStatus;
import dk.tvaers.rules.Alarm;
import dk.tvaers.rules.CaseSnapshot;
import dk.tvaers.rules.RuleSet;
import dk.tvaers.rules.Suggestion;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What-if: evaluates every active case today with the active rule set and with a candidate, and
 * counts the difference. Read-only: it writes nothing, stores nothing and raises nothing, and reads
 * the cases in batches (each its own read-only transaction) so that a long simulation holds no
 * lock and no case file in memory beyond its batch. The batches are evaluated by
 * {@code tvaers.simulation.threads} threads (2), each with a database connection of its own.
 */
@Service
public class RuleSimulation {

    static final int BATCH = 200;

    /** The difference on one case. */
    public record CaseDifference(String caseId, List<String> alarmsAdded, List<String> alarmsRemoved, List<String> suggestionsAdded,
                                 List<String> suggestionsRemoved) {

        boolean isEmpty() {
            return alarmsAdded.isEmpty() && alarmsRemoved.isEmpty() && suggestionsAdded.isEmpty() && suggestionsRemoved.isEmpty();
        }
    }

    /** Counts for the cases one department takes part in (the job centre takes part in all). */
    public record DepartmentCounts(int alarmsAdded, int alarmsRemoved, int suggestionsAdded, int suggestionsRemoved) {

        DepartmentCounts plus(CaseDifference d, String department) {
            return new DepartmentCounts(alarmsAdded + d.alarmsAdded().size(), alarmsRemoved + d.alarmsRemoved().size(),
                    suggestionsAdded + (int) d.suggestionsAdded().stream().filter(department::equals).count(),
                    suggestionsRemoved + (int) d.suggestionsRemoved().stream().filter(department::equals).count());
        }
    }

    /** The whole difference: counts per alarm code and per department, and the cases the caller may see. */
    public record Result(int baseVersion, int casesEvaluated, int casesChanged, Map<String, Integer> alarmsAdded,
                         Map<String, Integer> alarmsRemoved, Map<String, Integer> suggestionsAdded, Map<String, Integer> suggestionsRemoved,
                         Map<String, DepartmentCounts> byDepartment, List<CaseDifference> cases) {}

    private final CaseFiles caseFiles;
    private final CaseEvaluation evaluation;
    private final TransactionTemplate readOnly;
    private final Clock clock;
    private final int threads;

    RuleSimulation(CaseFiles caseFiles, CaseEvaluation evaluation, PlatformTransactionManager transactions, Clock clock,
                   @Value("${tvaers.simulation.threads:2}") int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("tvaers.simulation.threads skal være mindst 1, ikke " + threads);
        }
        this.threads = threads;
        this.caseFiles = caseFiles;
        this.evaluation = evaluation;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.clock = clock;
    }

    /**
     * @param mayShow which cases the caller may see listed; the counts cover every active case
     */
    public Result simulate(RuleSet base, RuleSet candidate, Predicate<CaseFile> mayShow) {
        LocalDate today = LocalDate.now(clock);
        List<String> ids = caseFiles.activeCaseIds();
        Map<String, Integer> alarmsAdded = new TreeMap<>();
        Map<String, Integer> alarmsRemoved = new TreeMap<>();
        Map<String, Integer> suggestionsAdded = new TreeMap<>();
        Map<String, Integer> suggestionsRemoved = new TreeMap<>();
        Map<String, DepartmentCounts> byDepartment = new TreeMap<>();
        List<CaseDifference> shown = new ArrayList<>();
        int changed = 0;
        // The batches are evaluated side by side and counted in their order, so the answer is the same however many threads.
        ExecutorService workers = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<Changed>>> batches = new ArrayList<>();
            for (int from = 0; from < ids.size(); from += BATCH) {
                List<String> batch = ids.subList(from, Math.min(ids.size(), from + BATCH));
                batches.add(workers.submit(() -> changed(batch, base, candidate, mayShow, today)));
            }
            for (Future<List<Changed>> batch : batches) {
                for (Changed c : result(batch)) {
                    CaseDifference difference = c.difference();
                    changed++;
                    count(alarmsAdded, difference.alarmsAdded());
                    count(alarmsRemoved, difference.alarmsRemoved());
                    count(suggestionsAdded, difference.suggestionsAdded());
                    count(suggestionsRemoved, difference.suggestionsRemoved());
                    for (String department : c.takingPart()) {
                        byDepartment.merge(department, new DepartmentCounts(0, 0, 0, 0).plus(difference, department),
                                (a, b) -> a.plus(difference, department));
                    }
                    if (c.shown()) {
                        shown.add(difference);
                    }
                }
            }
        } finally {
            workers.shutdownNow();
        }
        // Every code of either side is answered, with 0 where nothing changes: a leader reads "0", not a missing key.
        base.thresholds().days().keySet().forEach(code -> {
            alarmsAdded.putIfAbsent(code, 0);
            alarmsRemoved.putIfAbsent(code, 0);
        });
        return new Result(base.version(), ids.size(), changed, alarmsAdded, alarmsRemoved, suggestionsAdded, suggestionsRemoved,
                byDepartment, shown);
    }

    /** A case the candidate changes: the difference, the departments whose cases it is, whether the caller may see it. */
    private record Changed(CaseDifference difference, Set<String> takingPart, boolean shown) {}

    /** The cases of one batch that the candidate changes, read in a read-only transaction of their own. */
    private List<Changed> changed(List<String> batch, RuleSet base, RuleSet candidate, Predicate<CaseFile> mayShow, LocalDate today) {
        return readOnly.execute(status -> {
            List<CaseFile> active = caseFiles.findAllForEvaluation(batch).stream().filter(CaseFile::isActive).toList();
            List<CaseSnapshot> snapshots = evaluation.snapshots(active, today);
            List<Changed> changed = new ArrayList<>();
            for (int i = 0; i < active.size(); i++) {
                CaseFile caseFile = active.get(i);
                CaseSnapshot snapshot = snapshots.get(i);
                CaseDifference difference = difference(caseFile.id(), base.evaluate(snapshot), candidate.evaluate(snapshot));
                if (!difference.isEmpty()) {
                    changed.add(new Changed(difference, takingPart(caseFile, difference), mayShow.test(caseFile)));
                }
            }
            return changed;
        });
    }

    private static <T> T result(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Simuleringen blev afbrudt", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private static CaseDifference difference(String caseId, dk.tvaers.rules.Evaluation before, dk.tvaers.rules.Evaluation after) {
        Set<String> alarmsBefore = before.alarms().stream().map(Alarm::key).collect(Collectors.toSet());
        Set<String> alarmsAfter = after.alarms().stream().map(Alarm::key).collect(Collectors.toSet());
        Set<String> suggestedBefore = before.suggestions().stream().map(Suggestion::department).collect(Collectors.toSet());
        Set<String> suggestedAfter = after.suggestions().stream().map(Suggestion::department).collect(Collectors.toSet());
        return new CaseDifference(caseId,
                codes(after.alarms().stream().filter(a -> !alarmsBefore.contains(a.key())).map(Alarm::code).toList()),
                codes(before.alarms().stream().filter(a -> !alarmsAfter.contains(a.key())).map(Alarm::code).toList()),
                new ArrayList<>(new TreeSet<>(suggestedAfter.stream().filter(d -> !suggestedBefore.contains(d)).toList())),
                new ArrayList<>(new TreeSet<>(suggestedBefore.stream().filter(d -> !suggestedAfter.contains(d)).toList())));
    }

    private static List<String> codes(List<String> codes) {
        return codes.stream().sorted().toList();
    }

    /** The departments whose cases these are: the job centre, every department involved, and those suggested or unsuggested. */
    private static Set<String> takingPart(CaseFile caseFile, CaseDifference difference) {
        Set<String> departments = new LinkedHashSet<>();
        departments.add(Department.JOBCENTER.name());
        caseFile.departments().stream().filter(d -> d.status() == InvolvementStatus.INVOLVED).forEach(d -> departments.add(d.department().name()));
        departments.addAll(difference.suggestionsAdded());
        departments.addAll(difference.suggestionsRemoved());
        return departments;
    }

    private static void count(Map<String, Integer> counts, List<String> codes) {
        codes.forEach(code -> counts.merge(code, 1, Integer::sum));
    }
}
