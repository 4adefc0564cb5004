package dk.tvaers.route;

import java.util.List;
import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The waiting the route itself knows about, as configuration (ISO-8601 durations), read by the
 * BPMN timers as {@code ${routeTimers.followUpInterval}} and so on.
 */
@Component("routeTimers")
public class RouteTimers {

    private final String followUpInterval;
    private final String internshipMidwayReview;
    private final String internshipExtension;

    RouteTimers(@Value("${tvaers.route.follow-up-interval:P28D}") String followUpInterval,
                @Value("${tvaers.route.internship-midway-review:P14D}") String internshipMidwayReview,
                @Value("${tvaers.route.internship-extension:P28D}") String internshipExtension) {
        this.followUpInterval = followUpInterval;
        this.internshipMidwayReview = internshipMidwayReview;
        this.internshipExtension = internshipExtension;
        for (String duration : List.of(followUpInterval, internshipMidwayReview, internshipExtension)) {
            requireIsoDuration(duration);
        }
    }

    static void requireIsoDuration(String duration) {
        try {
            DatatypeFactory.newInstance().newDuration(duration);
        } catch (IllegalArgumentException | DatatypeConfigurationException e) {
            throw new IllegalStateException("Ugyldig varighed i tvaers.route: '" + duration + "' (ISO-8601, fx P28D)");
        }
    }

    public String getFollowUpInterval() {
        return followUpInterval;
    }

    public String getInternshipMidwayReview() {
        return internshipMidwayReview;
    }

    public String getInternshipExtension() {
        return internshipExtension;
    }
}
