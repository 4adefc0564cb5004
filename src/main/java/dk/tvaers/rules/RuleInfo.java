package dk.tvaers.rules;

import java.util.List;

/**
 * One rule of a rule set as leaders read it: its name, the file it is in, whether it suggests a
 * department or raises an alarm, its plain-Danish description ({@code @description} in DRL; a
 * table's row is described from its cells), the threshold it reads ({@code @thresholdCode}), and for a
 * suggestion, the department and its conditions.
 */
public record RuleInfo(String name, String source, Kind kind, String description, String threshold, String department,
                       SuggestionTable.TableRule tableRule, List<String> conditions) {

    public enum Kind { SUGGESTION, ALARM }

    public RuleInfo {
        conditions = List.copyOf(conditions);
    }
}
