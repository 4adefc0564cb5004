package dk.tvaers.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application on a random port against the test database: one context configuration
 * for every integration test, so Spring builds it once.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// Metrics as in production (a test context turns their export off): /actuator/prometheus is part of the product.
@AutoConfigureObservability
@ActiveProfiles("test")
// Imported, not scanned: a plain application started by a test (StartupTests) must not pick them up.
@Import({Api.class, Route.class, Sweep.class})
public @interface TvaersTest {
}
