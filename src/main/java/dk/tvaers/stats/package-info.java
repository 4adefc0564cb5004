/**
 * The leaders' figures: how the route runs in operation (stages, waits, alarms, involvement,
 * progression, outcomes), computed in SQL over the case file and answered with statistical discretion
 * (a count of 1 to 4 is "<5", a figure derived from fewer than 5 cases is left out), so no answer
 * names, counts out or derives a citizen. The API's {@code /api/stats} and the dashboard page
 * {@code /statistik} both read {@link dk.tvaers.stats.Statistics}.
 */
package dk.tvaers.stats;
