package dev.tributary.ingest.mqtt.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BrokerAddressTest {

    @Test
    void schemesChooseTlsAndTheDefaultPort() {
        assertThat(BrokerAddress.parse("mqtt://broker")).isEqualTo(new BrokerAddress("broker", 1883, false));
        assertThat(BrokerAddress.parse("tcp://10.0.0.5:11883")).isEqualTo(new BrokerAddress("10.0.0.5", 11883, false));
        assertThat(BrokerAddress.parse("mqtts://broker")).isEqualTo(new BrokerAddress("broker", 8883, true));
        assertThat(BrokerAddress.parse("ssl://broker:9999")).isEqualTo(new BrokerAddress("broker", 9999, true));
    }

    @Test
    void urlsThatNameMoreOrLessThanABrokerAreRefused() {
        assertThatThrownBy(() -> BrokerAddress.parse("broker:1883")).hasMessageContaining("use mqtt://");
        assertThatThrownBy(() -> BrokerAddress.parse("mqtt://user:secret@broker")).hasMessageContaining("credentials");
        assertThatThrownBy(() -> BrokerAddress.parse("mqtt:///x")).hasMessageContaining("no host");
    }
}
