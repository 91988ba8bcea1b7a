package dev.tributary.schemas.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EventKeyTest {

    @Test
    void keysWithEqualBytesAreEqual() {
        EventKey a = EventKey.of(new byte[] {1, 2, 3});
        EventKey b = EventKey.of(new byte[] {1, 2, 3});

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b).isNotEqualTo(EventKey.of(new byte[] {1, 2}));
    }

    @Test
    void theBytesAreCopiedInAndOut() {
        byte[] bytes = {1, 2, 3};
        EventKey key = EventKey.of(bytes);

        bytes[0] = 9;
        key.bytes()[1] = 9;

        assertThat(key.bytes()).containsExactly(1, 2, 3);
    }

    @Test
    void textKeysAreTheirUtf8Bytes() {
        assertThat(EventKey.ofUtf8("gerät-7")).isEqualTo(EventKey.of("gerät-7".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void toStringShowsTextOrHex() {
        assertThat(EventKey.ofUtf8("device-7")).hasToString("device-7");
        assertThat(EventKey.of(new byte[] {0x0a, (byte) 0xff})).hasToString("0x0aff");
    }
}
