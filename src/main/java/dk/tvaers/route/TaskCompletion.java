package dk.tvaers.route;

import dk.tvaers.casefile.CaseFiles;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.Map;

/**
 * What completing one user task records: on the case through {@link CaseFiles}, and in the process as the
 * variables its gateways and timers read. The forms themselves belong to whoever shows them (the inbox);
 * the route only checks that a completion is for the task at hand and runs it in the task's transaction.
 */
public interface TaskCompletion {

    /** The user task's id in the BPMN, which is also the API's {@code taskKey}. */
    String taskKey();

    /** Records the completion on the case and answers the process variables to complete the task with. */
    Map<String, Object> record(Context context);

    /** The case being worked on, and by whom, when. */
    record Context(CaseFiles caseFiles, String caseId, String user, LocalDate today, ZoneId zone) {

        /** A day as the engine's timers read it: the start of that day in the municipality's zone. */
        public Date startOf(LocalDate day) {
            return Date.from(day.atStartOfDay(zone).toInstant());
        }
    }
}
