/**
 * Security: who is let in. The engine's identity service is the one user base; the engine's own
 * REST API is never open to anonymous callers.
 */
package dk.tvaers.security;
