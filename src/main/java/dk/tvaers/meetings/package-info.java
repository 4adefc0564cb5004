/**
 * Network meetings around the route: invitations with an iCalendar event, the minutes as a PDF, and
 * the mail outbox that sends both through Spring Mail exactly once (or keeps them on the outbox page
 * where no mail server is configured, as in the demo).
 */
package dk.tvaers.meetings;
