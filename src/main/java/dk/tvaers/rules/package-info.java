/**
 * The rules: builds a Drools rule set from the {@code rules/} folder (DRL, decision tables and the
 * leaders' threshold file) and evaluates a case's facts into department suggestions and alarms,
 * each explained by the rule that made it.
 */
package dk.tvaers.rules;
