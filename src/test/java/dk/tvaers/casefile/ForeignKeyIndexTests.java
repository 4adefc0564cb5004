package dk.tvaers.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import dk.tvaers.support.TvaersTest;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every foreign key of Tværs's own tables leads an index, on whichever database the suite runs (H2 makes
 * them itself, PostgreSQL does not): reading a batch of cases' collections by their key must not read the
 * whole table.
 */
@TvaersTest
class ForeignKeyIndexTests {

    @Autowired DataSource dataSource;

    @Test
    void everyForeignKeyColumnLeadsAnIndex() throws Exception {
        List<String> unindexed = new ArrayList<>();
        int checked = 0;
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            for (String table : ownTables(meta, connection.getSchema())) {
                Set<String> leading = new HashSet<>();
                try (ResultSet index = meta.getIndexInfo(null, connection.getSchema(), table, false, false)) {
                    while (index.next()) {
                        if (index.getShort("ORDINAL_POSITION") == 1 && index.getString("COLUMN_NAME") != null) {
                            leading.add(index.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                        }
                    }
                }
                try (ResultSet keys = meta.getImportedKeys(null, connection.getSchema(), table)) {
                    while (keys.next()) {
                        if (keys.getShort("KEY_SEQ") != 1) {
                            continue;
                        }
                        checked++;
                        String column = keys.getString("FKCOLUMN_NAME").toLowerCase(Locale.ROOT);
                        if (!leading.contains(column)) {
                            unindexed.add(table.toLowerCase(Locale.ROOT) + "." + column);
                        }
                    }
                }
            }
        }
        assertThat(checked).as("foreign keys found").isGreaterThan(10);
        assertThat(unindexed).as("foreign keys without an index they lead").isEmpty();
    }

    private static List<String> ownTables(DatabaseMetaData meta, String schema) throws Exception {
        List<String> tables = new ArrayList<>();
        try (ResultSet found = meta.getTables(null, schema, "%", new String[] {"TABLE"})) {
            while (found.next()) {
                String name = found.getString("TABLE_NAME");
                if (!name.toUpperCase(Locale.ROOT).startsWith("ACT_") && !name.toLowerCase(Locale.ROOT).startsWith("flyway")) {
                    tables.add(name);
                }
            }
        }
        return tables;
    }
}
