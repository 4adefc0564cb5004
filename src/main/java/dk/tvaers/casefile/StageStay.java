package dk.tvaers.casefile;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;

/**
 * One stay of the case in a stage of the route: the day it got there and the day it moved on (none while
 * it is there). Kept beside the journey so that how long cases stay in each stage is one column to
 * aggregate, not a walk through every case's journey.
 */
@Entity
@Table(name = "stage_stay")
public class StageStay {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Enumerated(EnumType.STRING)
    private Stage stage;
    private LocalDate enteredOn;
    private LocalDate leftOn;

    protected StageStay() {
    }

    StageStay(Stage stage, LocalDate enteredOn) {
        this.stage = stage;
        this.enteredOn = enteredOn;
    }

    void leave(LocalDate on) {
        this.leftOn = on;
    }

    public Stage stage() { return stage; }
    public LocalDate enteredOn() { return enteredOn; }
    public LocalDate leftOn() { return leftOn; }
}
