/**
 * The route: deploys the BPMN processes from the {@code processes/} folder, starts a case's route,
 * tells the case file where the case stands, and completes the route's user tasks with what the
 * coordinator recorded.
 */
package dk.tvaers.route;
