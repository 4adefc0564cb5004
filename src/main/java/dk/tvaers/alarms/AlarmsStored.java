package dk.tvaers.alarms;

import java.util.Map;

/**
 * A case's alarms as an evaluation left them, published in the evaluation's transaction: for each open alarm
 * code its highest severity as a rank ({@link #rank}), so a read model can keep its urgency current without
 * reading the alarms back.
 */
public record AlarmsStored(String caseId, Map<String, Integer> severityByCode) {

    /** 3 critical, 2 warning, 1 information, 0 none: the order the inbox sorts by. */
    public static int rank(String severity) {
        return switch (severity == null ? "" : severity) {
            case "CRITICAL" -> 3;
            case "WARNING" -> 2;
            case "" -> 0;
            default -> 1;
        };
    }
}
