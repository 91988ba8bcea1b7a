package dev.tributary.launcher.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** What a library logs through java.util.logging reaches logback, and so the process's one log format. */
class JavaUtilLoggingTest {

    @Test
    void aJulWarningArrivesAsAnSlf4jEventOfTheSameLoggerAndLevel() {
        Logger target = (Logger) LoggerFactory.getLogger("io.opentelemetry.exporter.test");
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        target.addAppender(captured);
        try {
            JavaUtilLogging.routeToSlf4j();
            JavaUtilLogging.routeToSlf4j();

            java.util.logging.Logger.getLogger("io.opentelemetry.exporter.test")
                    .warning("Failed to export spans. The request could not be executed.");
        } finally {
            target.detachAppender(captured);
        }

        assertThat(captured.list).singleElement().satisfies(event -> {
            assertThat(event.getLevel().toString()).isEqualTo("WARN");
            assertThat(event.getFormattedMessage()).isEqualTo("Failed to export spans. The request could not be executed.");
        });
    }
}
