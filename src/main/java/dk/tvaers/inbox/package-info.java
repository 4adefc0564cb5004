/**
 * The coordinators' and teams' work: the task inbox and its SQL read model, the front page's most urgent
 * tasks, one form per user task (parsed once, for the API and the pages alike) and the youth team's
 * meeting agenda.
 */
package dk.tvaers.inbox;
