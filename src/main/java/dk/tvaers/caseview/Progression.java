package dk.tvaers.caseview;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.tvaers.casefile.CaseFile;
import dk.tvaers.casefile.Dimension;
import dk.tvaers.casefile.ProgressionScore;
import dk.tvaers.web.Texts;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** The citizen's progression over the follow-ups: a table for reading and a series for the chart. */
record Progression(List<LocalDate> dates, Map<String, List<Integer>> byDimension, String chartJson) {

    static Progression of(CaseFile caseFile, Texts texts) {
        List<LocalDate> dates = new ArrayList<>(new TreeSet<>(caseFile.progression().stream().map(ProgressionScore::recordedOn).toList()));
        Map<String, List<Integer>> byDimension = new LinkedHashMap<>();
        for (Dimension dimension : Dimension.values()) {
            Map<LocalDate, Integer> scores = new TreeMap<>();
            caseFile.progression().stream().filter(p -> p.dimension() == dimension).forEach(p -> scores.put(p.recordedOn(), p.score()));
            if (!scores.isEmpty()) {
                byDimension.put(texts.get("value." + dimension), dates.stream().map(scores::get).toList());
            }
        }
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("labels", dates.stream().map(LocalDate::toString).toList());
        chart.put("series", byDimension);
        try {
            return new Progression(dates, byDimension, new ObjectMapper().writeValueAsString(chart));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public boolean isEmpty() {
        return dates.isEmpty();
    }
}
