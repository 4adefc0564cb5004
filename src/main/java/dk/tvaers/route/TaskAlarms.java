package dk.tvaers.route;

import dk.tvaers.route.RouteProcess.Tasks;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which of a case's alarms a task's completion removes the cause of, per task key: the task's own urgency.
 * Registering consent answers the departments the rules suggest and a missing custody-holder consent; the
 * youth team's sparring ends the wait for it and answers suggestions; the network meeting ends the wait for
 * it and schedules a next step; finding and starting an internship gives the case a running effort; the
 * follow-up is what a finished effort waits for. A waiting treatment, an overdue agreement or a coming
 * 18th birthday is no task's to clear: they are the case's, shown apart in the inbox and not counted in
 * the task's urgency.
 */
public final class TaskAlarms {

    private static final Map<String, Set<String>> CLEARS = Map.of(
            Tasks.REGISTER_CONSENT, Set.of("CONSENT_MISSING", "SUGGESTION_UNANSWERED"),
            Tasks.YOUTH_TEAM_SPARRING, Set.of("WAIT_SPARRING", "SUGGESTION_UNANSWERED"),
            Tasks.NETWORK_MEETING, Set.of("WAIT_NETWORK_MEETING", "GAP_NO_ACTIVE_EFFORT"),
            Tasks.FIND_INTERNSHIP, Set.of("GAP_NO_ACTIVE_EFFORT"),
            Tasks.INTERNSHIP_KICKOFF, Set.of("GAP_NO_ACTIVE_EFFORT"),
            Tasks.FOLLOW_UP, Set.of("NO_FOLLOW_UP", "GAP_NO_ACTIVE_EFFORT"));

    private TaskAlarms() {
    }

    /** The alarm codes the task with this key can clear; none for a step without one (a process owner's own step). */
    public static Set<String> clearedBy(String taskKey) {
        return CLEARS.getOrDefault(taskKey, Set.of());
    }

    /** Every task key that clears some alarm, with its codes, in a fixed order (for a query built from them). */
    public static List<Map.Entry<String, List<String>>> all() {
        return CLEARS.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> Map.entry(e.getKey(), e.getValue().stream().sorted().toList())).toList();
    }
}
