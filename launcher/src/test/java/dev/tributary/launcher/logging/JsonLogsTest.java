package dev.tributary.launcher.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/** {@code TRIBUTARY_LOG_FORMAT=json}'s configuration: one JSON object per line, with the record's MDC fields. */
class JsonLogsTest {

    @Test
    void aLineIsOneJsonObjectWithTheMessageLevelAndMdc() throws Exception {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.err;
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(MDC.getMDCAdapter());
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            JoranConfigurator configurator = new JoranConfigurator();
            configurator.setContext(context);
            configurator.doConfigure(JsonLogsTest.class.getResource("/logback-json.xml"));
            MDC.put("function", "billing");
            MDC.put("messaging.kafka.offset", "42");
            context.getLogger("dev.tributary.test").warn("orders-3@42 failed after {} attempt(s)", 5);
        } finally {
            MDC.clear();
            context.stop();
            System.setErr(original);
        }

        String line = captured.toString(StandardCharsets.UTF_8).strip();
        assertThat(line.lines()).hasSize(1);
        JsonNode json = new ObjectMapper().readTree(line);
        assertThat(json.get("level").asText()).isEqualTo("WARN");
        assertThat(json.get("loggerName").asText()).isEqualTo("dev.tributary.test");
        assertThat(json.get("formattedMessage").asText()).isEqualTo("orders-3@42 failed after 5 attempt(s)");
        assertThat(json.get("mdc").get("function").asText()).isEqualTo("billing");
        assertThat(json.get("mdc").get("messaging.kafka.offset").asText()).isEqualTo("42");
    }
}
