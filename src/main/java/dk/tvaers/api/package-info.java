/**
 * The JSON controllers of API.md version 1 for cases and tasks, their request bodies and problem+json
 * errors, and the served OpenAPI document. The read models they answer with live in
 * {@code caseview} and {@code inbox}; the plumbing they share with the pages in {@code web}.
 */
package dk.tvaers.api;
