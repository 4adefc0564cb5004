package dk.tvaers.rules;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Builds rule sets from single files of {@code rules/} and case facts for rule tests. */
final class RulesFixtures {

    static final Path RULES = Path.of("rules");
    static final LocalDate TODAY = LocalDate.of(2026, 6, 15);

    /** A knowledge base of one rule file, or every file of a folder ("suggestions/"), plus the shipped thresholds. */
    static RuleSet ruleSetOf(String fileOrFolder) {
        List<RuleSource> all = RuleSetBuilder.readFolder(RULES);
        List<RuleSource> chosen = all.stream()
                .filter(s -> s.isThresholdFile() || (fileOrFolder.endsWith("/") ? s.name().startsWith(fileOrFolder) : s.name().equals(fileOrFolder)))
                .toList();
        if (chosen.size() < 2) {
            throw new IllegalStateException("no such rule file: " + fileOrFolder);
        }
        return RuleSetBuilder.build(chosen, 1, "test", Instant.EPOCH);
    }

    /** A case with sensible defaults: 30 years old, referred yesterday, with a coordinator. */
    static final class CaseBuilder {
        private int age = 30;
        private LocalDate today = TODAY;
        private LocalDate referralDate = TODAY.minusDays(1);
        private String stage = "REFERRAL";
        private LocalDate stageSince = TODAY.minusDays(1);
        private boolean hasCoordinator = true;
        private LocalDate eighteenth;
        private final Set<String> flags = new HashSet<>();
        private final List<DepartmentFact> departments = new ArrayList<>();
        private final List<ConsentFact> consents = new ArrayList<>();
        private final List<EffortFact> efforts = new ArrayList<>();
        private final List<AgreementFact> agreements = new ArrayList<>();
        private LocalDate sparringHeldOn;
        private LocalDate decidedOn;
        private LocalDate networkMeetingOn;
        private LocalDate followUpOn;
        private LocalDate nextStepOn;
        private LocalDate lastActivityOn;

        CaseBuilder age(int age) { this.age = age; return this; }
        CaseBuilder turns18On(LocalDate day) { this.eighteenth = day; this.age = 17; return this; }
        CaseBuilder flags(String... flags) { this.flags.addAll(List.of(flags)); return this; }
        CaseBuilder referredDaysAgo(long days) { this.referralDate = today.minusDays(days); return this; }
        CaseBuilder stage(String stage) { this.stage = stage; return this; }
        CaseBuilder stageSince(LocalDate day) { this.stageSince = day; return this; }
        CaseBuilder withoutCoordinator() { this.hasCoordinator = false; return this; }
        CaseBuilder department(String code, String status, LocalDate suggestedOn) {
            departments.add(new DepartmentFact(code, code.toLowerCase(), status, suggestedOn, "SUGGESTED".equals(status) ? null : suggestedOn));
            return this;
        }
        CaseBuilder consent(String givenBy, String... departments) {
            consents.add(new ConsentFact(givenBy, Set.of(departments), today.minusDays(5)));
            return this;
        }
        CaseBuilder effort(long id, String type, String name, LocalDate requested, LocalDate started, LocalDate ended) {
            efforts.add(new EffortFact(id, type, name, "HEALTH", requested, started, ended));
            return this;
        }
        CaseBuilder agreement(long id, LocalDate due, boolean done) {
            agreements.add(new AgreementFact(id, "Ring til lægen", "koordinator", due, done));
            return this;
        }
        CaseBuilder sparringHeldOn(LocalDate day) { this.sparringHeldOn = day; return this; }
        CaseBuilder interdisciplinaryDecidedOn(LocalDate day) { this.decidedOn = day; return this; }
        CaseBuilder networkMeetingOn(LocalDate day) { this.networkMeetingOn = day; return this; }
        CaseBuilder followUpOn(LocalDate day) { this.followUpOn = day; return this; }
        CaseBuilder nextStepOn(LocalDate day) { this.nextStepOn = day; return this; }
        CaseBuilder lastActivityOn(LocalDate day) { this.lastActivityOn = day; return this; }

        CaseSnapshot build() {
            LocalDate birthday18 = eighteenth != null ? eighteenth : today.minusYears(age).plusYears(18).minusDays(1);
            boolean pastConsent = !stage.equals("REFERRAL") && !stage.equals("CONSENT");
            return new CaseSnapshot(
                    new CaseFacts("case-1", today, age, birthday18, referralDate, stage, stageSince, pastConsent, hasCoordinator, flags),
                    new RouteFacts(sparringHeldOn, decidedOn, networkMeetingOn, followUpOn, nextStepOn,
                            lastActivityOn != null ? lastActivityOn : referralDate),
                    departments, consents, efforts, agreements);
        }
    }

    static CaseBuilder aCase() {
        return new CaseBuilder();
    }

    private RulesFixtures() {
    }
}
