package dev.tributary.connectors.http;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.sdk.FunctionConfig;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What {@link WebhookSink#open} refuses, with the setting's path and what is allowed; no request is sent. */
class WebhookSinkSettingsTest {

    private static void open(Map<String, Object> settings) {
        Map<String, Object> config = new HashMap<>(Map.of("url", "https://hooks.example.com/orders"));
        config.putAll(settings);
        config.values().removeIf(value -> value.equals(""));
        WebhookSink sink = new WebhookSink();
        try {
            sink.open(new FunctionConfig("orders-hook", config));
        } finally {
            sink.close();
        }
    }

    @Test
    void opensWithAUrlAlone() {
        open(Map.of());
    }

    @Test
    void requiresAUrl() {
        assertThatThrownBy(() -> open(Map.of("url", "")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("functions[orders-hook].config.url is required");
    }

    @Test
    void refusesAUrlThatIsNotAbsoluteHttp() {
        assertThatThrownBy(() -> open(Map.of("url", "ftp://files.example.com/in")))
                .hasMessage("functions[orders-hook].config.url: 'ftp://files.example.com/in' is not an absolute http"
                        + " or https URL, such as https://hooks.example.com/orders");
        assertThatThrownBy(() -> open(Map.of("url", "/hooks"))).hasMessageContaining("is not an absolute http");
    }

    @Test
    void refusesAnUnknownFormat() {
        assertThatThrownBy(() -> open(Map.of("format", "json")))
                .hasMessage("functions[orders-hook].config.format: 'json' is not one of binary, structured, data");
    }

    @Test
    void refusesTimeoutsThatAreNotDurationsOrOutOfRange() {
        assertThatThrownBy(() -> open(Map.of("timeout", "10")))
                .hasMessage("functions[orders-hook].config.timeout: '10' is not a duration: use a number and ms, s, m"
                        + " or h, such as 30s");
        assertThatThrownBy(() -> open(Map.of("connectTimeout", "2h")))
                .hasMessage("functions[orders-hook].config.connectTimeout: 2h is out of range; use a number and ms,"
                        + " s, m or h, from 1ms to 1m");
    }

    @Test
    void refusesAMisspeltSettingAndListsTheRealOnes() {
        assertThatThrownBy(() -> open(Map.of("formt", "data")))
                .hasMessage("functions[orders-hook].config.formt is not a setting of WebhookSink; its settings are"
                        + " url, format, timeout, connectTimeout, headers, signingSecret, signatureHeader");
    }

    @Test
    void refusesHeadersTheSinkOrTheClientSetsItself() {
        assertThatThrownBy(() -> open(Map.of("headers", Map.of("ce-id", "x"))))
                .hasMessageStartingWith("functions[orders-hook].config.headers.ce-id: is set by the sink itself");
        assertThatThrownBy(() -> open(Map.of("headers", Map.of("Content-Type", "text/plain"))))
                .hasMessageStartingWith("functions[orders-hook].config.headers.Content-Type: is set by the sink");
        assertThatThrownBy(() -> open(Map.of("headers", Map.of("Host", "other.example.com"))))
                .hasMessageStartingWith("functions[orders-hook].config.headers.Host: the HTTP client sets 'Host'");
        assertThatThrownBy(() -> open(Map.of("headers", Map.of("Bad Name", "x"))))
                .hasMessageContaining("'Bad Name' is not an HTTP header name");
        assertThatThrownBy(() -> open(Map.of("headers", Map.of("X-Token", "a\r\nInjected: yes"))))
                .hasMessageStartingWith("functions[orders-hook].config.headers.X-Token: cannot be sent");
        assertThatThrownBy(() -> open(Map.of("headers", "Authorization: x")))
                .hasMessageStartingWith("functions[orders-hook].config.headers: is not a mapping");
    }

    @Test
    void refusesAnEmptySigningSecretAndABadSignatureHeader() {
        assertThatThrownBy(() -> open(Map.of("signingSecret", " ")))
                .hasMessageStartingWith("functions[orders-hook].config.signingSecret: is empty");
        assertThatThrownBy(() -> open(Map.of("signatureHeader", "X Signature")))
                .hasMessageStartingWith("functions[orders-hook].config.signatureHeader: 'X Signature' is not an HTTP"
                        + " header name");
    }

    @Test
    void neverQuotesTheSecretInAnError() {
        assertThatThrownBy(() -> open(Map.of("signingSecret", Map.of("nested", "hunter2"))))
                .hasMessage("functions[orders-hook].config.signingSecret: is a mapping, not a single value")
                .message().doesNotContain("hunter2");
    }
}
