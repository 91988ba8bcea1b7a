package dev.tributary.connectors.jdbc;

import dev.tributary.testkit.PostgresServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Plain JDBC against the test server, to set tables up and read rows back the way any client would. */
final class Database {

    private final PostgresServer server;

    Database(PostgresServer server) {
        this.server = server;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(server.jdbcUrl(), server.user(), server.password());
    }

    void execute(String... statements) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    /** Every row of a query, each as column name to value (as the driver reads it). */
    List<Map<String, Object>> rows(String query) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(query)) {
            ResultSetMetaData meta = result.getMetaData();
            List<Map<String, Object>> rows = new ArrayList<>();
            while (result.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int column = 1; column <= meta.getColumnCount(); column++) {
                    row.put(meta.getColumnName(column), result.getObject(column));
                }
                rows.add(row);
            }
            return rows;
        }
    }

    /** The settings every test's sink shares: where the server is and how to log in. */
    Map<String, Object> connection() {
        return Map.of("url", server.jdbcUrl(), "user", server.user(), "password", server.password());
    }
}
