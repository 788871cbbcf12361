package io.wascheduler.embeddedpostgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPostgresTest {

    @Test
    void aTemporaryServerAcceptsTheConfiguredUserAndLeavesNothingBehind() throws SQLException {
        Path folder;
        try (EmbeddedPostgres postgres = EmbeddedPostgres.startTemporary();
             Connection connection = DriverManager.getConnection(postgres.jdbcUrl(), postgres.user(), postgres.password());
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("select current_user, current_database()")) {
            folder = postgres.dataDirectory();
            assertThat(result.next()).isTrue();
            assertThat(result.getString(1)).isEqualTo("wa");
            assertThat(result.getString(2)).isEqualTo("wa_scheduler");
        }
        assertThat(folder).doesNotExist();
    }

    @Test
    void aWrongPasswordIsRefused() {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.startTemporary()) {
            org.assertj.core.api.Assertions.assertThatThrownBy(
                    () -> DriverManager.getConnection(postgres.jdbcUrl(), postgres.user(), "not-the-password"))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("password authentication failed");
        }
    }

    @Test
    void dataInAPersistentFolderSurvivesARestart(@TempDir Path folder) throws SQLException {
        var settings = EmbeddedPostgres.Settings.persistent(folder.resolve("data"), 0, "kept", "owner", "secret");
        try (EmbeddedPostgres postgres = EmbeddedPostgres.start(settings);
             Connection connection = DriverManager.getConnection(postgres.jdbcUrl(), "owner", "secret");
             Statement statement = connection.createStatement()) {
            statement.execute("create table survivor (name text)");
            statement.execute("insert into survivor values ('still here')");
        }
        assertThat(Files.exists(folder.resolve("data/PG_VERSION"))).isTrue();

        try (EmbeddedPostgres postgres = EmbeddedPostgres.start(settings);
             Connection connection = DriverManager.getConnection(postgres.jdbcUrl(), "owner", "secret");
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("select name from survivor")) {
            assertThat(result.next()).isTrue();
            assertThat(result.getString(1)).isEqualTo("still here");
        }
    }
}
