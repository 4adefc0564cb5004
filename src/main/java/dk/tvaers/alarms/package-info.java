/**
 * Alarm state per case: the rules are evaluated whenever a case changes and in a sweep the engine
 * schedules once per interval for the whole cluster; alarms are raised and cleared to match.
 */
package dk.tvaers.alarms;
