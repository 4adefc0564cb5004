package dk.tvaers.rules;

import java.util.List;

/** Where an uploaded file goes in a rule set: uploads carry a file's own name, the set names files by their path below rules/. */
public final class RuleSources {

    /** The file's own name: {@code alarms/thresholds.csv} → {@code thresholds.csv}. */
    public static String fileName(String name) {
        return name.substring(name.lastIndexOf('/') + 1);
    }

    /**
     * The name an uploaded file takes among the sources: a source of the same path, else the one
     * source with the same file name, else the file's own name at the top.
     */
    public static String placeOf(String uploaded, List<RuleSource> sources) {
        if (sources.stream().anyMatch(s -> s.name().equals(uploaded))) {
            return uploaded;
        }
        String own = fileName(uploaded);
        List<String> same = sources.stream().map(RuleSource::name).filter(n -> fileName(n).equals(own)).toList();
        return same.size() == 1 ? same.get(0) : own;
    }

    /** A source by its path, or by its file name when that is unique. */
    public static java.util.Optional<RuleSource> find(String name, List<RuleSource> sources) {
        String place = placeOf(name, sources);
        return sources.stream().filter(s -> s.name().equals(place)).findFirst();
    }

    private RuleSources() {
    }
}
