package dk.tvaers.casefile;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** Someone at a meeting: a department's representative, the citizen, or a network person. */
@Embeddable
public record Participant(String role, @Enumerated(EnumType.STRING) Department department, String name) {

    public static final String CITIZEN = "CITIZEN";
    public static final String DEPARTMENT = "DEPARTMENT";
    public static final String NETWORK = "NETWORK";
}
