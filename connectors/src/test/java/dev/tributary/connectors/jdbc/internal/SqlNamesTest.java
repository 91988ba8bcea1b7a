package dev.tributary.connectors.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Names and types that go into SQL text: only what cannot change the statement's shape gets through. */
class SqlNamesTest {

    @Test
    void aValidNameIsQuotedAsWritten() {
        assertThat(new SqlName("celsius").quoted()).isEqualTo("\"celsius\"");
        assertThat(new SqlName("Order_2").quoted()).as("case kept, key words safe").isEqualTo("\"Order_2\"");
        assertThat(new SqlName("user").quoted()).isEqualTo("\"user\"");
        assertThat(new SqlName("_" + "a".repeat(62)).name()).hasSize(63);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1st", "drop table x", "a;b", "a\"b", "a'b", "a--b", "a.b", "naïve", "a-b",
            "readings\"; DROP TABLE readings; --", "a/*x*/"})
    void refusesAnythingElse(String name) {
        assertThatThrownBy(() -> new SqlName(name))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageEndingWith("is not a valid name: use letters, digits and _, not starting with a digit,"
                        + " at most 63 characters");
    }

    @Test
    void refusesANameLongerThanPostgresKeeps() {
        assertThatThrownBy(() -> new SqlName("a".repeat(64))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aTableMayNameItsSchema() {
        assertThat(TableName.parse("readings")).isEqualTo(new TableName(Optional.empty(), new SqlName("readings")));
        assertThat(TableName.parse("telemetry.readings").quoted()).isEqualTo("\"telemetry\".\"readings\"");
        assertThat(TableName.parse("telemetry.readings")).hasToString("telemetry.readings");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a.b.c", ".readings", "telemetry.", "readings; DELETE FROM readings", "t\".x"})
    void refusesATableThatIsNotOneOrTwoNames(String table) {
        assertThatThrownBy(() -> TableName.parse(table))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a table name or schema.table");
    }

    @Test
    void aTypeIsOneOfTheCommonBuiltInTypes() {
        assertThat(SqlType.parse("Double   Precision").sql()).isEqualTo("double precision");
        assertThat(SqlType.parse("numeric( 10 , 2 )").sql()).isEqualTo("numeric(10,2)");
        assertThat(SqlType.parse("varchar(64)").sql()).isEqualTo("varchar(64)");
        assertThat(SqlType.parse("text[]").sql()).isEqualTo("text[]");
        assertThat(SqlType.parse("timestamptz").sql()).isEqualTo("timestamptz");
        assertThat(SqlType.parse("timestamp with time zone").sql()).isEqualTo("timestamp with time zone");
    }

    @ParameterizedTest
    @ValueSource(strings = {"text primary key", "text references users", "int default 1", "text); DROP TABLE x; --",
            "money", "geometry", "numeric(1,2,3)", "text check (true)", "varchar(99999)"})
    void refusesATypeThatCouldCarryMoreThanAType(String type) {
        assertThatThrownBy(() -> SqlType.parse(type))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a PostgreSQL type such as text, bigint");
    }
}
