/**
 * The HTTP contract of API.md version 1 for cases and tasks: validation with one error per
 * field, problem+json errors, and every read and list filtered by the access policy.
 */
package dk.tvaers.api;
