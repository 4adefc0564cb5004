package dk.tvaers.security;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Whether a failure is the database being out of reach (restarting, failed over, the pool out of connections)
 * rather than a fault of the request or of Tværs: such a request is answered 503 with {@code Retry-After} and the
 * client sends it again. Its transaction did not commit, unless the connection broke during the commit itself, in
 * which case the database alone knows; the referral's {@code externalRef} makes sending it again safe either way.
 */
public final class DatabaseUnavailable {

    /** What the caller reads, in Danish. */
    public static final String DETAIL = "Databasen svarer ikke lige nu; prøv igen om lidt";
    /** Seconds a client should wait before it sends the request again. */
    public static final String RETRY_AFTER = "5";

    private DatabaseUnavailable() {
    }

    /**
     * True when the failure, any of its causes or what they suppressed says the database could not be reached or
     * went away (a rollback that failed on the closed connection hides the first failure as suppressed or not at all).
     */
    public static boolean causedBy(Throwable failure) {
        return causedBy(failure, 0);
    }

    private static boolean causedBy(Throwable failure, int depth) {
        if (depth > 5) {
            return false;
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof CannotCreateTransactionException || cause instanceof DataAccessResourceFailureException
                    || cause instanceof SQLTransientConnectionException || cause instanceof ConnectException
                    || cause.getClass().getName().equals("org.hibernate.exception.JDBCConnectionException")) {
                return true;
            }
            // SQL state class 08: connection exception; 57P01-57P03: the server shutting down or starting (PostgreSQL).
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P0"))) {
                return true;
            }
            // The pool's proxy of a connection the database closed under it (no SQL state).
            if (cause instanceof SQLException sql && "Connection is closed".equals(sql.getMessage())) {
                return true;
            }
            for (Throwable suppressed : cause.getSuppressed()) {
                if (causedBy(suppressed, depth + 1)) {
                    return true;
                }
            }
        }
        return false;
    }
}
