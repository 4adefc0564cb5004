/**
 * The leaders' workplace: the rules page (every rule in plain language with its threshold and how
 * often it fired, the thresholds to change, what-if before activation, the version history with
 * rollback, the sources to download and upload) and the texts that describe rules and explain a
 * case's suggestions. Reads and changes the rules only through {@code rules.RuleEngine} and
 * {@code alarms.RuleSimulation}; shows no citizen.
 */
package dk.tvaers.leaders;
