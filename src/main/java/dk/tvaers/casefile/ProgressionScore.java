package dk.tvaers.casefile;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** One dimension's score (1–10) at one follow-up. */
@Entity
@Table(name = "progression")
public class ProgressionScore {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private LocalDate recordedOn;
    @Enumerated(EnumType.STRING)
    private Dimension dimension;
    private int score;

    protected ProgressionScore() {
    }

    ProgressionScore(LocalDate recordedOn, Dimension dimension, int score) {
        this.recordedOn = recordedOn;
        this.dimension = dimension;
        this.score = score;
    }

    public LocalDate recordedOn() { return recordedOn; }
    public Dimension dimension() { return dimension; }
    public int score() { return score; }
}
