package dk.tvaers.api;

import static org.assertj.core.api.Assertions.assertThat;

import dk.tvaers.casefile.Dimension;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The OpenAPI bodies spell the vocabularies the parser reads. */
class ApiBodiesTests {

    /** The score object's properties must be named, so they are written out; they are the dimensions, in order. */
    @Test
    void progressionScoresAreTheDimensions() {
        assertThat(Arrays.stream(ApiBodies.ProgressionScores.class.getRecordComponents()).map(RecordComponent::getName))
                .containsExactlyElementsOf(Arrays.stream(Dimension.values()).map(Enum::name).toList());
    }
}
