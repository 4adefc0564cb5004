/**
 * The audit trail: an append-only record of every read and change of a case's personal data
 * (who, which case, what, when, result), and its view for the data protection officer.
 */
package dk.tvaers.audit;
