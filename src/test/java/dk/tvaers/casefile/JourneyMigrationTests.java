package dk.tvaers.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * V7 on a database holding the journey as Danish prose: the lines made of one code become data, the rest
 * keep their text, and nothing is lost. (The PostgreSQL profile runs V7 at every start of its test suite.)
 */
class JourneyMigrationTests {

    @Test
    void linesOfOneCodeBecomeDataAndTheRestKeepTheirText() {
        JdbcDataSource database = new JdbcDataSource();
        database.setURL("jdbc:h2:mem:journey-v7;DB_CLOSE_DELAY=-1");
        Flyway before = Flyway.configure().dataSource(database).table("tvaers_schema_history")
                .locations("classpath:db/migration/common", "classpath:db/migration/h2").target("6").load();
        before.migrate();
        JdbcClient jdbc = JdbcClient.create(database);
        jdbc.sql("""
                insert into case_file (id, external_ref, citizen_name, cpr, birth_date, referred_by, referral_date, referral_digest, status, stage,
                                       stage_since, created_at, version)
                values ('c1', 'REF-1', 'Test', '0101074234', date '2007-01-01', 'JOBCENTER', date '2026-11-01', 'd', 'ACTIVE', 'CONSENT',
                        date '2026-11-01', current_timestamp, 0)""")
                .update();
        for (String[] line : List.of(
                new String[] {"STAGE", "Forløbet er nået til: Sparring i ungeteamet"},
                new String[] {"CLOSED", "Sagen er afsluttet: Uddannelse"},
                new String[] {"EFFORT_ENDED", "Indsats afsluttet: stof- og alkoholbehandling"},
                new String[] {"CONSENT_WITHDRAWN", "Samtykket er trukket tilbage; deling med andre afdelinger end jobcentret stopper"},
                new String[] {"AGREEMENT_DONE", "Aftale opfyldt: Book vejledning"},
                new String[] {"STAGE", "(anonymiseret)"})) {
            jdbc.sql("insert into case_event (case_id, occurred_on, recorded_at, event_type, detail) values ('c1', date '2026-11-02', current_timestamp, ?, ?)")
                    .params(line[0], line[1]).update();
        }

        Flyway.configure().dataSource(database).table("tvaers_schema_history")
                .locations("classpath:db/migration/common", "classpath:db/migration/h2").target("7").load().migrate();

        List<Map<String, Object>> rows = jdbc.sql("select event_type, subject, args, detail from case_event order by id").query().listOfRows();
        assertThat(rows).hasSize(6);
        assertThat(rows.get(0)).containsEntry("SUBJECT", "SPARRING").containsEntry("ARGS", "[\"@stage:SPARRING\"]").containsEntry("DETAIL", null);
        assertThat(rows.get(1)).containsEntry("SUBJECT", "EDUCATION").containsEntry("ARGS", "[\"@outcome:EDUCATION\"]");
        assertThat(rows.get(2)).containsEntry("SUBJECT", "ADDICTION_TREATMENT").containsEntry("ARGS", "[\"@effort:ADDICTION_TREATMENT\"]");
        assertThat(rows.get(3)).containsEntry("ARGS", "[]").containsEntry("DETAIL", null);
        assertThat(rows.get(4)).as("free text stays as it was written").containsEntry("ARGS", null)
                .containsEntry("DETAIL", "Aftale opfyldt: Book vejledning");
        assertThat(rows.get(5)).as("an anonymised line stays anonymised").containsEntry("ARGS", null).containsEntry("DETAIL", "(anonymiseret)");
    }
}
