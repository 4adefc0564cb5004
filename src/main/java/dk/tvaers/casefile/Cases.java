package dk.tvaers.casefile;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface Cases extends JpaRepository<CaseFile, String> {

    Optional<CaseFile> findByExternalRef(String externalRef);

    @Query("select c.id from CaseFile c where c.status = dk.tvaers.casefile.CaseStatus.ACTIVE order by c.id")
    List<String> findActiveIds();

    @Query("select c.id from CaseFile c where c.status = dk.tvaers.casefile.CaseStatus.ACTIVE and c.id >= :from and c.id < :to order by c.id")
    List<String> findActiveIdsBetween(String from, String to);

    @Query("select c.id from CaseFile c where c.status = dk.tvaers.casefile.CaseStatus.ACTIVE and c.id >= :from order by c.id")
    List<String> findActiveIdsFrom(String from);

    @Query("select c.id from CaseFile c where c.status = dk.tvaers.casefile.CaseStatus.CLOSED and c.closedOn < :before and c.anonymisedOn is null")
    List<String> findClosedBeforeNotAnonymised(java.time.LocalDate before);
}
