package dk.tvaers.caseview;

import dk.tvaers.casefile.CaseFile;
import dk.tvaers.casefile.Effort;
import dk.tvaers.casefile.EffortType;
import dk.tvaers.casefile.JourneyEntry;
import dk.tvaers.casefile.Stage;
import dk.tvaers.rules.Thresholds;
import dk.tvaers.web.Texts;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The citizen's journey drawn as rows of bars on one time axis: the stages with their length,
 * each effort's waiting time (marked when over its threshold) and running time, the meetings,
 * and the gaps — stretches with no effort running longer than the gap threshold.
 */
final class JourneyTimeline {

    /** A bar or a mark on a row, placed in percent of the axis. */
    record Segment(double left, double width, String kind, String label) {}

    record Lane(String label, List<Segment> segments) {}

    record Timeline(LocalDate from, LocalDate to, List<Lane> lanes) {}

    private JourneyTimeline() {
    }

    static Timeline of(CaseFile caseFile, List<JourneyEntry> journey, Thresholds thresholds, LocalDate today, Texts texts) {
        LocalDate from = caseFile.efforts().stream().map(Effort::requestedOn).min(Comparator.naturalOrder())
                .filter(d -> d.isBefore(caseFile.referralDate())).orElse(caseFile.referralDate());
        LocalDate to = caseFile.closedOn().orElse(today);
        if (!to.isAfter(from)) {
            to = from.plusDays(1);
        }
        Axis axis = new Axis(from, to);
        List<Lane> lanes = new ArrayList<>();
        lanes.add(new Lane(texts.get("timeline.lane.stages"), stages(journey, axis, caseFile, texts)));
        for (Effort effort : caseFile.efforts()) {
            lanes.add(new Lane(texts.get("effort." + effort.type().name()), effort(effort, axis, thresholds, texts)));
        }
        List<Segment> meetings = caseFile.meetings().stream()
                .filter(m -> !m.heldOn().isBefore(from) && !m.heldOn().isAfter(axis.to))
                .map(m -> new Segment(axis.at(m.heldOn()), 0, "meeting", texts.get("timeline.meeting." + m.kind().name(), m.heldOn().toString())))
                .toList();
        if (!meetings.isEmpty()) {
            lanes.add(new Lane(texts.get("timeline.lane.meetings"), meetings));
        }
        List<Segment> gaps = gaps(caseFile, axis, thresholds.get("GAP_NO_ACTIVE_EFFORT").days(), texts);
        if (!gaps.isEmpty()) {
            lanes.add(new Lane(texts.get("timeline.lane.gaps"), gaps));
        }
        return new Timeline(from, to, lanes);
    }

    private static List<Segment> stages(List<JourneyEntry> journey, Axis axis, CaseFile caseFile, Texts texts) {
        List<LocalDate> starts = new ArrayList<>();
        List<Stage> names = new ArrayList<>();
        starts.add(caseFile.referralDate());
        names.add(Stage.REFERRAL);
        for (JourneyEntry entry : journey) {
            if (entry.type().equals("STAGE")) {
                entry.subject().flatMap(code -> Arrays.stream(Stage.values()).filter(stage -> stage.name().equals(code)).findFirst())
                        .ifPresent(stage -> {
                            starts.add(entry.occurredOn());
                            names.add(stage);
                        });
            }
        }
        List<Segment> segments = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            LocalDate start = starts.get(i);
            LocalDate end = i + 1 < starts.size() ? starts.get(i + 1) : axis.to;
            long days = ChronoUnit.DAYS.between(start, end);
            if (names.get(i) == Stage.CLOSED) {
                continue;
            }
            segments.add(new Segment(axis.at(start), axis.width(start, end), "stage",
                    texts.get("timeline.stage", texts.get("stage." + names.get(i).name()), days)));
        }
        return segments;
    }

    private static List<Segment> effort(Effort effort, Axis axis, Thresholds thresholds, Texts texts) {
        int limit = thresholds.get(effort.type() == EffortType.ADDICTION_TREATMENT ? "WAIT_SERVICE_ADDICTION_TREATMENT" : "WAIT_SERVICE").days();
        List<Segment> segments = new ArrayList<>();
        LocalDate waitEnd = effort.startedOn().orElse(axis.to);
        long waited = ChronoUnit.DAYS.between(effort.requestedOn(), waitEnd);
        if (waited > 0) {
            segments.add(new Segment(axis.at(effort.requestedOn()), axis.width(effort.requestedOn(), waitEnd),
                    waited > limit ? "wait over-threshold" : "wait",
                    texts.get("timeline.wait", waited, limit)));
        }
        effort.startedOn().ifPresent(started -> {
            LocalDate end = effort.endedOn().orElse(axis.to);
            segments.add(new Segment(axis.at(started), axis.width(started, end), "running",
                    texts.get("timeline.running", ChronoUnit.DAYS.between(started, end))));
        });
        return segments;
    }

    /** Stretches after the referral with no effort running, longer than the gap threshold. */
    private static List<Segment> gaps(CaseFile caseFile, Axis axis, int threshold, Texts texts) {
        List<Segment> gaps = new ArrayList<>();
        LocalDate cursor = caseFile.referralDate();
        List<Effort> efforts = caseFile.efforts().stream().filter(e -> e.startedOn().isPresent())
                .sorted(Comparator.comparing(e -> e.startedOn().get())).toList();
        for (Effort effort : efforts) {
            LocalDate started = effort.startedOn().get();
            if (started.isAfter(cursor)) {
                addGap(gaps, cursor, started, threshold, axis, texts);
            }
            LocalDate end = effort.endedOn().orElse(axis.to);
            if (end.isAfter(cursor)) {
                cursor = end;
            }
        }
        addGap(gaps, cursor, axis.to, threshold, axis, texts);
        return gaps;
    }

    private static void addGap(List<Segment> gaps, LocalDate from, LocalDate to, int threshold, Axis axis, Texts texts) {
        long days = ChronoUnit.DAYS.between(from, to);
        if (days > threshold) {
            gaps.add(new Segment(axis.at(from), axis.width(from, to), "gap", texts.get("timeline.gap", days)));
        }
    }

    private record Axis(LocalDate from, LocalDate to) {
        double at(LocalDate day) {
            return clamp(100.0 * ChronoUnit.DAYS.between(from, day) / ChronoUnit.DAYS.between(from, to));
        }

        double width(LocalDate start, LocalDate end) {
            return Math.max(0.5, at(end) - at(start));
        }

        private static double clamp(double percent) {
            return Math.max(0, Math.min(100, percent));
        }
    }
}
