package dk.tvaers.casefile;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface Journeys extends JpaRepository<JourneyEntry, Long> {

    List<JourneyEntry> findByCaseIdOrderByOccurredOnAscIdAsc(String caseId);
}
