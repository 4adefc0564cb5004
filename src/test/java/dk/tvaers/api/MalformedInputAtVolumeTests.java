package dk.tvaers.api;

import org.junit.jupiter.api.Tag;

/**
 * The malformed-input properties at volume, in the fault profile: {@code tvaers.malformed.tries} bodies (10,000 there)
 * per write endpoint, each a 4xx, nothing written.
 */
@Tag("fault")
class MalformedInputAtVolumeTests extends MalformedInputPropertyTests {
}
