package dk.tvaers.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Which failures are the database out of reach (answered 503, the client sends again) and which are not (a 500, or
 * the request's own fault), as they arrive: wrapped by the engine, by Spring, by Hibernate. The fault suite restarts
 * PostgreSQL for real (DatabaseRestartTests); this holds the classification itself in the default build.
 */
class DatabaseUnavailableTests {

    @Test
    void theDatabaseGoneAwayIsRecognisedThroughItsWrappers() {
        // PostgreSQL shutting down under an open connection: SQL state 57P01, wrapped by the engine.
        assertThat(DatabaseUnavailable.causedBy(new ProcessEngineException("engine",
                new SQLException("terminating connection due to administrator command", "57P01")))).isTrue();
        // The connection broken (class 08), and no connection to be had from the pool in time.
        assertThat(DatabaseUnavailable.causedBy(new RuntimeException(new SQLException("I/O error", "08006")))).isTrue();
        assertThat(DatabaseUnavailable.causedBy(new SQLTransientConnectionException("HikariPool-1 - Connection is not available"))).isTrue();
        assertThat(DatabaseUnavailable.causedBy(new CannotCreateTransactionException("Could not open JPA EntityManager"))).isTrue();
        // The rollback after the connection died, failing on the pool's closed proxy (seen when PostgreSQL restarted).
        assertThat(DatabaseUnavailable.causedBy(new RuntimeException("Unable to rollback against JDBC Connection",
                new SQLException("Connection is closed")))).isTrue();
        RuntimeException hidden = new RuntimeException("rollback failed");
        hidden.addSuppressed(new SQLException("An I/O error occurred while sending to the backend", "08006"));
        assertThat(DatabaseUnavailable.causedBy(hidden)).as("the first failure suppressed by the second").isTrue();
    }

    @Test
    void otherFailuresAreNot() {
        assertThat(DatabaseUnavailable.causedBy(new DataIntegrityViolationException("duplicate key",
                new SQLException("duplicate key value violates unique constraint", "23505")))).isFalse();
        assertThat(DatabaseUnavailable.causedBy(new IllegalStateException("a bug"))).isFalse();
        assertThat(DatabaseUnavailable.causedBy(new SQLException("no state"))).isFalse();
    }
}
