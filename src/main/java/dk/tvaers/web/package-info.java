/**
 * What every module's pages and the JSON API share, and nothing else: reading input with one Danish error
 * per field ({@link dk.tvaers.web.Input}), the language and its texts, the request limits, and the answers
 * to errors: problem+json for {@code /api}, the Danish error page for every page controller marked
 * {@link dk.tvaers.web.WorkplacePage}. It knows no feature; features depend on it.
 */
package dk.tvaers.web;
