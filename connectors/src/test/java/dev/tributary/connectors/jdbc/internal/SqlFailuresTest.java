package dev.tributary.connectors.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.sdk.NonRetryableException;
import dev.tributary.sdk.OverloadedException;
import dev.tributary.sdk.RetryableException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** How an SQL failure is judged: the event's fault goes to the dead-letter topic, the rest is retried. */
class SqlFailuresTest {

    private final SqlFailures failures = new SqlFailures("jdbc sink readings-db writing readings");

    private static SQLException state(String sqlState) {
        return new SQLException("ERROR: something (" + sqlState + ")", sqlState);
    }

    @ParameterizedTest
    @ValueSource(strings = {"22P02", "22003", "22001", "22007", "23502", "23503", "23505", "23514", "23P01"})
    void dataAndConstraintErrorsAreTheEventsFaultAndNotRetryable(String sqlState) {
        RuntimeException failure = failures.forUpsert(state(sqlState), "d-1");

        assertThat(failure).isInstanceOf(NonRetryableException.class)
                .hasMessage("jdbc sink readings-db writing readings: upsert of key 'd-1' failed: ERROR: something ("
                        + sqlState + ") (SQLSTATE " + sqlState + ")");
    }

    @ParameterizedTest
    @ValueSource(strings = {"08000", "08003", "08006", "08001", "40001", "40P01", "57P01", "57P02", "57P03", "57014",
            "55P03", "58030", "XX000", "42501", "42703", "28P01"})
    void connectionTransactionAndServerTroubleIsRetryable(String sqlState) {
        RuntimeException failure = failures.forUpsert(state(sqlState), "d-1");

        assertThat(failure).isExactlyInstanceOf(RetryableException.class);
        assertThat(((RetryableException) failure).retryAfter()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"53000", "53100", "53200", "53300"})
    void aServerOutOfResourcesIsOverloaded(String sqlState) {
        assertThat(failures.forUpsert(state(sqlState), "d-1")).isInstanceOf(OverloadedException.class);
    }

    @Test
    void aFailureWithoutStateIsRetryable() {
        assertThat(failures.forUpsert(new SQLException("socket closed"), "k")).isExactlyInstanceOf(RetryableException.class)
                .hasMessageEndingWith("failed: socket closed");
    }

    @Test
    void connectionLevelFailuresRetireTheConnection() {
        assertThat(SqlFailures.breaksConnection(state("08006"))).isTrue();
        assertThat(SqlFailures.breaksConnection(state("57P01"))).isTrue();
        assertThat(SqlFailures.breaksConnection(new SQLRecoverableException("gone"))).isTrue();
        assertThat(SqlFailures.breaksConnection(state("23505"))).isFalse();
        assertThat(SqlFailures.breaksConnection(state("40P01"))).isFalse();
        assertThat(SqlFailures.breaksConnection(state("57014"))).as("a cancelled statement leaves a good session")
                .isFalse();
    }

    @Test
    void aFullPoolIsOverloadAndSaysWhatToChange() {
        OverloadedException failure = failures.exhausted(
                new ConnectionPool.ExhaustedException("all 8 connections stayed in use for 10000 ms"));

        assertThat(failure).hasMessage("jdbc sink readings-db writing readings: all 8 connections stayed in use for"
                + " 10000 ms; raise poolSize, or lower the subscription's concurrency");
    }

    @Test
    void theKeyIsQuotedOnOneLine() {
        assertThat(failures.forUpsert(state("23514"), "line\nbreak")).hasMessageContaining("key 'line break'");
    }
}
