package dk.tvaers.casefile;

/** Where a goal or sub-goal of the citizen's plan stands: still worked on, reached, or given up. */
public enum GoalStatus {
    ACTIVE, ACHIEVED, DROPPED
}
