package dev.tributary.connectors.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The pool's bound, reuse and retirement of connections, on stand-in connections that count what is done to them. */
class ConnectionPoolTest {

    /** A connection that records whether it was closed and answers isValid as told. */
    private static final class FakeConnection {
        final AtomicBoolean closed = new AtomicBoolean();
        final AtomicInteger validations = new AtomicInteger();
        volatile boolean valid = true;
        final Connection proxy = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (self, method, args) -> switch (method.getName()) {
                    case "close" -> {
                        closed.set(true);
                        yield null;
                    }
                    case "isClosed" -> closed.get();
                    case "isValid" -> {
                        validations.incrementAndGet();
                        yield valid;
                    }
                    case "hashCode" -> System.identityHashCode(self);
                    case "equals" -> self == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    /** A clock the test moves. */
    private static final class TestClock extends Clock {
        private volatile Instant now = Instant.parse("2026-11-23T10:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final List<FakeConnection> opened = new ArrayList<>();
    private final TestClock clock = new TestClock();

    private ConnectionPool pool(int size, Duration wait) {
        return new ConnectionPool(() -> {
            FakeConnection connection = new FakeConnection();
            synchronized (opened) {
                opened.add(connection);
            }
            return connection.proxy;
        }, size, wait, clock);
    }

    @Test
    void opensConnectionsOnlyWhenNeededAndLendsTheLastReturnedFirst() throws Exception {
        try (ConnectionPool pool = pool(3, Duration.ofSeconds(1))) {
            assertThat(opened).as("nothing up front").isEmpty();
            ConnectionPool.Lease first = pool.borrow();
            ConnectionPool.Lease second = pool.borrow();
            Connection secondConnection = second.connection();
            first.close();
            second.close();

            try (ConnectionPool.Lease again = pool.borrow()) {
                assertThat(again.connection()).isSameAs(secondConnection);
            }
            assertThat(opened).hasSize(2);
        }
    }

    @Test
    void aBorrowerBeyondTheBoundWaitsForAReturnedConnection() throws Exception {
        try (ConnectionPool pool = pool(1, Duration.ofSeconds(30))) {
            ConnectionPool.Lease held = pool.borrow();
            CompletableFuture<Connection> waiting = CompletableFuture.supplyAsync(() -> {
                try (ConnectionPool.Lease lease = pool.borrow()) {
                    return lease.connection();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });

            assertThat(waiting).isNotDone();
            Connection connection = held.connection();
            held.close();

            assertThat(waiting.get(30, TimeUnit.SECONDS)).isSameAs(connection);
            assertThat(opened).hasSize(1);
        }
    }

    @Test
    void aBorrowerThatWaitsTooLongIsToldThePoolIsExhausted() throws Exception {
        try (ConnectionPool pool = pool(1, Duration.ofMillis(50)); ConnectionPool.Lease held = pool.borrow()) {
            assertThat(held.connection()).isNotNull();
            assertThatThrownBy(pool::borrow)
                    .isInstanceOf(ConnectionPool.ExhaustedException.class)
                    .hasMessage("all 1 connections stayed in use for 50 ms");
        }
    }

    @Test
    void aDiscardedConnectionIsClosedAndItsPlaceFreed() throws Exception {
        try (ConnectionPool pool = pool(1, Duration.ofMillis(50))) {
            try (ConnectionPool.Lease lease = pool.borrow()) {
                lease.discard();
            }
            try (ConnectionPool.Lease lease = pool.borrow()) {
                assertThat(lease.connection()).isSameAs(opened.get(1).proxy);
            }
            assertThat(opened.get(0).closed).isTrue();
        }
    }

    @Test
    void aConnectionIdleForLongIsCheckedBeforeItIsLentAndReplacedWhenDead() throws Exception {
        try (ConnectionPool pool = pool(1, Duration.ofMillis(50))) {
            pool.borrow().close();
            FakeConnection first = opened.get(0);

            pool.borrow().close();
            assertThat(first.validations).as("recently used: lent as it is").hasValue(0);

            clock.advance(Duration.ofSeconds(ConnectionPool.VALIDATE_AFTER_IDLE_SECONDS + 1));
            first.valid = false;
            try (ConnectionPool.Lease lease = pool.borrow()) {
                assertThat(lease.connection()).isSameAs(opened.get(1).proxy);
            }
            assertThat(first.validations).hasValue(1);
            assertThat(first.closed).isTrue();
        }
    }

    @Test
    void aFailedConnectDoesNotUseUpAPlace() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        try (ConnectionPool pool = new ConnectionPool(() -> {
            if (attempts.incrementAndGet() == 1) {
                throw new SQLException("Connection refused", "08001");
            }
            return new FakeConnection().proxy;
        }, 1, Duration.ofMillis(50), clock)) {
            assertThatThrownBy(pool::borrow).isInstanceOf(SQLException.class).hasMessage("Connection refused");
            try (ConnectionPool.Lease lease = pool.borrow()) {
                assertThat(lease.connection()).isNotNull();
            }
        }
    }

    @Test
    void closingClosesIdleConnectionsAndThoseLentWhenTheyComeBack() throws Exception {
        ConnectionPool pool = pool(2, Duration.ofMillis(50));
        ConnectionPool.Lease lent = pool.borrow();
        pool.borrow().close();

        pool.close();
        assertThat(opened.get(1).closed).isTrue();
        assertThat(opened.get(0).closed).isFalse();
        lent.close();
        assertThat(opened.get(0).closed).isTrue();
        assertThatThrownBy(pool::borrow).isInstanceOf(IllegalStateException.class);
    }
}
