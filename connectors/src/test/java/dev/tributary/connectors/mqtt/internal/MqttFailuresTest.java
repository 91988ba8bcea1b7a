package dev.tributary.connectors.mqtt.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.hivemq.client.mqtt.exceptions.ConnectionClosedException;
import com.hivemq.client.mqtt.exceptions.MqttSessionExpiredException;
import com.hivemq.client.mqtt.mqtt5.message.Mqtt5ReasonCode;
import com.hivemq.client.mqtt.mqtt5.message.publish.puback.Mqtt5PubAckReasonCode;
import com.hivemq.client.mqtt.mqtt5.message.publish.pubrec.Mqtt5PubRecReasonCode;
import dev.tributary.sdk.FunctionConfig;
import dev.tributary.sdk.NonRetryableException;
import dev.tributary.sdk.OverloadedException;
import dev.tributary.sdk.RetryableException;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** What the broker's refusals and a lost connection mean for an event. */
class MqttFailuresTest {

    private final MqttFailures failures = new MqttFailures(MqttSettings.read(new FunctionConfig("downlink", Map.of(
            "url", "mqtt://broker.internal", "topic", "devices/{key}/commands", "clientId", "cloud-downlink",
            "username", "tributary", "password", "s3cret"))));

    private RuntimeException refusal(Mqtt5ReasonCode code) {
        return failures.forRefusal("publishing to devices/d-1/commands failed: ", code, new IllegalStateException());
    }

    @Test
    void refusalsOfTheMessageItselfAreFinalAndTheOthersAreRetried() {
        assertThat(refusal(Mqtt5PubAckReasonCode.NOT_AUTHORIZED)).isInstanceOf(NonRetryableException.class)
                .hasMessage("publishing to devices/d-1/commands failed: the broker answered NOT_AUTHORIZED (0x87); let"
                        + " client cloud-downlink publish there in the broker's access control, then replay the dead"
                        + " letters");
        assertThat(refusal(Mqtt5PubAckReasonCode.TOPIC_NAME_INVALID)).isInstanceOf(NonRetryableException.class);
        assertThat(refusal(Mqtt5PubRecReasonCode.PAYLOAD_FORMAT_INVALID)).isInstanceOf(NonRetryableException.class);
        assertThat(refusal(Mqtt5PubAckReasonCode.QUOTA_EXCEEDED)).isInstanceOf(OverloadedException.class);
        assertThat(refusal(Mqtt5PubAckReasonCode.UNSPECIFIED_ERROR)).isExactlyInstanceOf(RetryableException.class);
        assertThat(refusal(Mqtt5PubRecReasonCode.IMPLEMENTATION_SPECIFIC_ERROR))
                .isExactlyInstanceOf(RetryableException.class);
        assertThat(refusal(Mqtt5PubAckReasonCode.PACKET_IDENTIFIER_IN_USE))
                .isExactlyInstanceOf(RetryableException.class);
    }

    @Test
    void aLostConnectionIsRetriedAndNamesTheBrokerWithoutCredentials() {
        RuntimeException lost = failures.forPublish(new CompletionException(
                new MqttSessionExpiredException("Session expired as connection was closed.",
                        new ConnectionClosedException("Server closed connection without DISCONNECT."))),
                "devices/d-1/commands");

        assertThat(lost).isExactlyInstanceOf(RetryableException.class).hasMessage("mqtt downlink downlink at"
                + " mqtt://broker.internal:1883: publishing to devices/d-1/commands failed: the connection was lost"
                + " before the broker acknowledged it: MqttSessionExpiredException: Session expired as connection was"
                + " closed.");
        assertThat(failures.notConnected("devices/d-1/commands")).isExactlyInstanceOf(RetryableException.class)
                .hasMessageContaining("not connected to the broker (reconnecting)");
        assertThat(failures.timedOut("devices/d-1/commands")).hasMessageEndingWith("within 10 s");
        assertThat(lost.getMessage()).doesNotContain("s3cret");
    }
}
