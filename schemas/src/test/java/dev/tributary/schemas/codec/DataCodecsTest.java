package dev.tributary.schemas.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class DataCodecsTest {

    /** A type a function might declare. */
    public record Order(String id, List<Integer> items) {
    }

    @Nested
    class Json {

        private final DataCodec<Order> codec = DataCodecs.json(Order.class);

        @Test
        void valuesRoundTripThroughJson() {
            Order order = new Order("order-1", List.of(1, 2));

            byte[] data = codec.encode("orders", order);

            assertThat(text(data)).isEqualTo("{\"id\":\"order-1\",\"items\":[1,2]}");
            assertThat(codec.decode("orders", data)).isEqualTo(order);
            assertThat(codec.contentType()).isEqualTo("application/json");
        }

        @Test
        void unknownPropertiesAreIgnored() {
            assertThat(codec.decode("orders", utf8("{\"id\":\"order-1\",\"coupon\":\"x\"}")))
                    .isEqualTo(new Order("order-1", null));
        }

        @Test
        void invalidJsonNamesTheCodecTheTopicAndTheLocation() {
            assertThatThrownBy(() -> codec.decode("orders", utf8("{\"id\": }")))
                    .isInstanceOf(DataCodecException.class)
                    .hasMessage("JSON codec cannot decode data of topic orders as a " + Order.class.getName()
                            + ": Unexpected character ('}' (code 125)): expected a value at line 1, column 8");
        }

        @Test
        void emptyDataIsInvalid() {
            assertThatThrownBy(() -> codec.decode("orders", new byte[0]))
                    .isInstanceOf(DataCodecException.class)
                    .hasMessageStartingWith("JSON codec cannot decode data of topic orders as a "
                            + Order.class.getName() + ": No content to map due to end-of-input");
        }

        @Test
        void trailingContentIsInvalid() {
            assertThatThrownBy(() -> codec.decode("orders", utf8("{\"id\":\"a\"} {}")))
                    .isInstanceOf(DataCodecException.class)
                    .hasMessageContaining("topic orders").hasMessageContaining("Trailing token");
        }

        @Test
        void jsonOfTheWrongShapeNamesTheProblem() {
            assertThatThrownBy(() -> codec.decode("orders", utf8("{\"items\":\"many\"}")))
                    .isInstanceOf(DataCodecException.class)
                    .hasMessageContaining("topic orders").hasMessageContaining("line 1, column 10");
        }

        @Test
        void treesDecodeAnyJson() {
            JsonNode tree = DataCodecs.jsonNode().decode("readings", utf8("[{\"t\":21.5}]"));

            assertThat(tree.get(0).get("t").doubleValue()).isEqualTo(21.5);
        }

        @Test
        void noDataIsNull() {
            assertThat(codec.decode("orders", null)).isNull();
            assertThat(codec.encode("orders", null)).isNull();
        }
    }

    @Nested
    class Bytes {

        @Test
        void bytesAreUnchangedBothWays() {
            byte[] data = {0, (byte) 0xff};
            DataCodec<byte[]> codec = DataCodecs.bytes();

            assertThat(codec.decode("t", data)).isSameAs(data);
            assertThat(codec.encode("t", data)).isSameAs(data);
            assertThat(codec.contentType()).isEqualTo("application/octet-stream");
        }
    }

    @Nested
    class Text {

        private final DataCodec<String> codec = DataCodecs.text();

        @Test
        void textRoundTripsAsUtf8() {
            assertThat(codec.encode("t", "grüße")).containsExactly(utf8("grüße"));
            assertThat(codec.decode("t", utf8("grüße"))).isEqualTo("grüße");
            assertThat(codec.contentType()).isEqualTo("text/plain; charset=utf-8");
        }

        @Test
        void dataThatIsNotUtf8IsRejected() {
            assertThatThrownBy(() -> codec.decode("logs", new byte[] {'o', 'k', (byte) 0xc3}))
                    .isInstanceOf(DataCodecException.class)
                    .hasMessage("text codec cannot decode data of topic logs: malformed UTF-8 at byte offset 2 (0xc3); "
                            + "the data is not text/plain; charset=utf-8");
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
