/**
 * The case as its readers see it: the case view (the case file with its alarms, suggestions and open
 * tasks), the journey timeline, the progression chart, the case list and its SQL, and the case page.
 * A read model over the case file, the alarms and the route; it changes nothing but through them.
 */
package dk.tvaers.caseview;
