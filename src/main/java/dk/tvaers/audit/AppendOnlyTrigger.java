package dk.tvaers.audit;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/** H2's side of the append-only audit log: any update or delete is refused by the database itself. */
public class AppendOnlyTrigger implements Trigger {

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException("audit_log er kun til tilføjelse: ændring og sletning er ikke tilladt");
    }
}
