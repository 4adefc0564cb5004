package dk.tvaers.casefile;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** Why a department was suggested: the rule that made the suggestion and its Danish text. */
@Embeddable
public record Reason(@Column(name = "rule_name") String rule, @Column(name = "reason_text") String text) {
}
