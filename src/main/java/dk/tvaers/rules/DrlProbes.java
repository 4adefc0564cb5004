package dk.tvaers.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.runtime.KieSession;

/**
 * Checks the conditions of a DRL rule one by one on a case, for "why not": condition {@code j}
 * holds when a probe rule made of the conditions before it and condition {@code j} itself fires. A
 * condition before it that failed is relaxed to its bare pattern ({@code $case : CaseFacts()}), so
 * its bindings stay and later conditions are still checked on their own; a failed {@code not} or
 * {@code exists} binds nothing and is left out. Probes are compiled once per text and kept with the
 * rule set they belong to, so they go when its version does.
 */
final class DrlProbes {

    private static final Pattern RULE = Pattern.compile("(?ms)^\\s*rule\\s+\"([^\"]+)\".*?^\\s*when\\s*$(.*?)^\\s*then\\s*$");
    private static final Pattern IMPORT = Pattern.compile("(?m)^\\s*import\\s+[^;\\n]+;?\\s*$");
    private static final Pattern SIMPLE_PATTERN = Pattern.compile("(?s)^(\\$\\w+\\s*:\\s*)?([\\w.]+)\\s*\\(.*\\)\\s*$");
    private final Map<String, KieBase> compiled = new ConcurrentHashMap<>();
    private final Map<String, Boolean> broken = new ConcurrentHashMap<>();

    /** The top-level conditions of a rule between {@code when} and {@code then}, each as written. */
    static List<String> conditionsOf(String drl, String ruleName) {
        Matcher m = RULE.matcher(drl);
        while (m.find()) {
            if (m.group(1).equals(ruleName)) {
                return split(m.group(2));
            }
        }
        return List.of();
    }

    private static List<String> split(String lhs) {
        List<String> conditions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int depth = 0;
        for (String line : lhs.split("\n")) {
            String code = line.replaceAll("//.*$", "").trim();
            if (code.isEmpty()) {
                continue;
            }
            current.append(current.length() == 0 ? "" : " ").append(code);
            for (char c : code.toCharArray()) {
                depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            }
            if (depth == 0) {
                conditions.add(current.toString());
                current.setLength(0);
            }
        }
        if (current.length() > 0) {
            conditions.add(current.toString());
        }
        return conditions;
    }

    /** Which of the rule's conditions hold for these facts, in order. */
    List<Boolean> check(String drl, String ruleName, List<Object> facts) {
        List<String> conditions = conditionsOf(drl, ruleName);
        String imports = String.join("\n", IMPORT.matcher(drl).results().map(r -> r.group().trim()).toList());
        List<Boolean> holds = new ArrayList<>();
        List<String> before = new ArrayList<>();
        for (String condition : conditions) {
            List<String> probe = new ArrayList<>(before);
            probe.add(condition);
            boolean fires = fires(imports, probe, facts);
            holds.add(fires);
            if (fires) {
                before.add(condition);
            } else {
                String relaxed = relaxed(condition);
                if (relaxed != null) {
                    before.add(relaxed);
                }
            }
        }
        return holds;
    }

    private static String relaxed(String condition) {
        if (condition.startsWith("not ") || condition.startsWith("exists ") || condition.startsWith("not(") || condition.startsWith("exists(")) {
            return null;
        }
        Matcher m = SIMPLE_PATTERN.matcher(condition);
        return m.matches() ? (m.group(1) == null ? "" : m.group(1)) + m.group(2) + "()" : null;
    }

    private boolean fires(String imports, List<String> lhs, List<Object> facts) {
        String drl = "package probes;\n" + imports + "\nrule \"probe\"\nwhen\n    " + String.join("\n    ", lhs) + "\nthen\nend\n";
        if (broken.containsKey(drl)) {
            return false;
        }
        KieBase kieBase = compiled.computeIfAbsent(drl, this::compile);
        if (kieBase == null) {
            return false;
        }
        KieSession session = kieBase.newKieSession();
        try {
            facts.forEach(session::insert);
            return session.fireAllRules(1) > 0;
        } finally {
            session.dispose();
        }
    }

    private KieBase compile(String drl) {
        KieServices kie = KieServices.get();
        KieFileSystem files = kie.newKieFileSystem();
        ReleaseId releaseId = kie.newReleaseId("dk.tvaers", "probe", "1." + Math.abs(drl.hashCode()) + "." + System.nanoTime());
        files.generateAndWritePomXML(releaseId);
        files.write("src/main/resources/probes/probe.drl", drl);
        KieBuilder builder = kie.newKieBuilder(files).buildAll();
        if (builder.getResults().hasMessages(Message.Level.ERROR)) {
            broken.put(drl, true);
            return null;
        }
        KieBase kieBase = kie.newKieContainer(releaseId).getKieBase();
        kie.getRepository().removeKieModule(releaseId);
        return kieBase;
    }

}
