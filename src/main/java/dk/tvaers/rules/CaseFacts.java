package dk.tvaers.rules;

import java.time.LocalDate;
import java.util.Set;

/**
 * The case as the rules see it on one day ({@code today}). Codes are plain strings so that a rule
 * file reads like the vocabulary of docs/rules/alarms.md.
 */
public record CaseFacts(String caseId, LocalDate today, int age, LocalDate eighteenthBirthday,
                        LocalDate referralDate, String stage, LocalDate stageSince, boolean pastConsent,
                        boolean hasCoordinator, Set<String> flags) {

    public CaseFacts {
        flags = Set.copyOf(flags);
    }

    public long daysSinceReferral() {
        return Days.between(referralDate, today);
    }

    public long daysUntil18() {
        return Days.between(today, eighteenthBirthday);
    }

    public boolean hasFlag(String flag) {
        return flags.contains(flag);
    }
}
