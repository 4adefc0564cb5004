package dk.tvaers.leaders;

import dk.tvaers.rules.Explanation;
import dk.tvaers.rules.RuleInfo;
import dk.tvaers.rules.RuleSet;
import dk.tvaers.rules.SuggestionTable;
import dk.tvaers.web.Texts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * A rule in plain language: a DRL rule's own {@code @description}, a table row described from its
 * cells; and a case's "why (not)" for a department, each condition with the case's own fact.
 */
@Component
public class RuleTexts {

    /** Why a department is or is not suggested, as the API answers and the case page shows it. */
    public record ExplanationView(String department, boolean suggested, List<RuleExplanationView> rules) {}

    public record RuleExplanationView(String rule, String description, boolean fired, List<ConditionView> conditions) {}

    public record ConditionView(String text, boolean holds) {}

    public ExplanationView explain(Explanation explanation, Texts texts) {
        return new ExplanationView(explanation.department(), explanation.suggested(), explanation.rules().stream()
                .map(r -> new RuleExplanationView(r.rule().name(), describe(r.rule(), texts), r.fired(),
                        r.conditions().stream().map(c -> new ConditionView(condition(c, texts), c.holds())).toList()))
                .toList());
    }

    /** Rule name → its description, for every rule of a set: the case page links alarms and suggestions to them. */
    public Map<String, String> descriptions(RuleSet ruleSet, Texts texts) {
        Map<String, String> descriptions = new LinkedHashMap<>();
        ruleSet.rules().forEach(rule -> descriptions.put(rule.name(), describe(rule, texts)));
        return descriptions;
    }

    static String condition(Explanation.Condition condition, Texts texts) {
        return switch (condition.kind()) {
            case FLAG -> texts.get(condition.holds() ? "explain.flag.holds" : "explain.flag.fails", texts.get("flag." + condition.required()));
            case AGE_FROM -> texts.get("explain.ageFrom", condition.required(), condition.actual());
            case AGE_UNDER -> texts.get("explain.ageUnder", condition.required(), condition.actual());
            case TEXT -> condition.required();
        };
    }

    public String describe(RuleInfo rule, Texts texts) {
        if (rule.tableRule() != null) {
            SuggestionTable.TableRule row = rule.tableRule();
            return texts.get("rules.table.description", texts.get("department." + row.department().name()),
                    String.join(" " + texts.get("rules.table.and") + " ", conditions(row, texts)));
        }
        return rule.description() != null ? rule.description() : texts.get("rules.noDescription");
    }

    static List<String> conditions(SuggestionTable.TableRule row, Texts texts) {
        List<String> conditions = new ArrayList<>();
        if (row.flag() != null) {
            conditions.add(texts.get("rules.condition.flag", texts.get("flag." + row.flag().name())));
        }
        if (row.ageFrom() != null) {
            conditions.add(texts.get("rules.condition.ageFrom", row.ageFrom()));
        }
        if (row.ageUnder() != null) {
            conditions.add(texts.get("rules.condition.ageUnder", row.ageUnder()));
        }
        return conditions;
    }
}
