package dk.tvaers.fault;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/** What the fault suite's tests share: a fresh database on the local PostgreSQL, and their figures. */
final class Faults {

    private Faults() {
    }

    /** Drops and creates a database on the local PostgreSQL (user postgres, trust), closing what is connected to it. */
    static void recreate(String database) throws SQLException {
        try (Connection server = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
             Statement statement = server.createStatement()) {
            statement.execute("drop database if exists " + database + " with (force)");
            statement.execute("create database " + database);
        }
    }

    /** Prints the figures on a line starting {@code FAULT} and writes them to {@code target/fault/<name>.json}. */
    static void report(String name, Map<String, Object> figures) throws IOException {
        StringBuilder json = new StringBuilder("{");
        figures.forEach((key, value) -> json.append(json.length() > 1 ? ", " : "").append('"').append(key).append("\": ").append(value));
        json.append("}\n");
        System.out.println("FAULT " + name + " " + json.toString().trim());
        Files.createDirectories(Path.of("target", "fault"));
        Files.writeString(Path.of("target", "fault", name + ".json"), json);
    }

    /** The one number a query answers. */
    static long single(Connection db, String sql) throws SQLException {
        try (Statement statement = db.createStatement(); java.sql.ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    static double seconds(long nanos) {
        return Math.round(nanos / 100_000_000.0) / 10.0;
    }
}
