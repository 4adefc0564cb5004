package dk.tvaers.alarms;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface CaseAlarms extends JpaRepository<CaseAlarm, Long> {

    List<CaseAlarm> findByCaseIdAndClearedOnIsNullOrderById(String caseId);

    List<CaseAlarm> findByCaseIdInAndClearedOnIsNullOrderById(java.util.Collection<String> caseIds);

    List<CaseAlarm> findByCaseIdOrderById(String caseId);
}
