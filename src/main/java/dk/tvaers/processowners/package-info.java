/**
 * The process owners' workplace: every process with its versions and the cases on each, a deployment
 * from the browser (checked, its changes drawn on the diagram, then deployed), and where cases wait on
 * a version's diagram. Reads and deploys only through {@code route.ProcessDeployments} and
 * {@code route.WaitingTimes}; shows case counts, never a citizen.
 */
package dk.tvaers.processowners;
