package dk.tvaers;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;

/**
 * "Today" is the municipality's day, read from {@link ApplicationClock}, never the server's. A server
 * (or a CI machine) on UTC is an hour behind Copenhagen in winter and two in summer: in that hour a
 * date read from the server's zone is yesterday, waiting time is one day short and a referral dated
 * today is "in the future". Application and tests alike ask the clock (tests through
 * {@code Route.today()}).
 */
class MunicipalTimeTests {

    private final JavaClasses classes = new ClassFileImporter().importPackages("dk.tvaers");

    @Test
    void nothingReadsTheDateOrTimeInTheServersZone() {
        noClasses()
                .should().callMethod(LocalDate.class, "now")
                .orShould().callMethod(LocalDateTime.class, "now")
                .orShould().callMethod(LocalTime.class, "now")
                .orShould().callMethod(ZonedDateTime.class, "now")
                .orShould().callMethod(OffsetDateTime.class, "now")
                .orShould().callMethod(ZoneId.class, "systemDefault")
                .orShould().callMethod(TimeZone.class, "getDefault")
                .because("the date is the municipality's: use the Clock bean (ApplicationClock) or Route.today() in tests")
                .check(classes);
    }
}
