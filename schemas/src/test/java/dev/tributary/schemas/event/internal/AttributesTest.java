package dev.tributary.schemas.event.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.schemas.event.MalformedEventException;
import io.cloudevents.SpecVersion;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AttributesTest {

    /** The CloudEvents naming rule as a regular expression, to check the hand-written test against. */
    private static final Pattern NAME = Pattern.compile("[a-z0-9]{1,20}");

    @ParameterizedTest
    @ValueSource(strings = {
        "a", "z", "0", "9", "partitionkey", "traceparent", "abcdefghijklmnopqrst", "12345678901234567890", "",
        "abcdefghijklmnopqrstu", "A", "Z", "a-b", "a_b", "a b", "a.b", "/", ":", "`", "{", "é", "\u212a", "\u0130",
        "\uff41", "a\u0000", "trace-parent", "Trace", "ce_id"})
    void extensionNamesFollowTheNamingRule(String name) {
        assertThat(Attributes.isExtensionName(name)).as("'%s'", name).isEqualTo(NAME.matcher(name).matches());
    }

    @Test
    void arbitraryNamesAgreeWithTheRule() {
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder name = new StringBuilder();
            for (int j = random.nextInt(23); j > 0; j--) {
                name.append((char) (random.nextInt(8) == 0 ? random.nextInt(0x250) : random.nextInt('0', 'z' + 2)));
            }
            assertThat(Attributes.isExtensionName(name.toString())).as("'%s'", name)
                    .isEqualTo(NAME.matcher(name).matches());
        }
    }

    @Test
    void aBadExtensionNameIsReportedAtItsHeaderOrMember() {
        assertThatThrownBy(() -> Attributes.requireExtensionName("abcdefghijklmnopqrstu", "ce_abcdefghijklmnopqrstu"))
                .isInstanceOf(MalformedEventException.class)
                .hasMessage("header ce_abcdefghijklmnopqrstu: 'abcdefghijklmnopqrstu' is not a CloudEvents attribute "
                        + "name: use 1 to 20 lowercase letters a-z and digits 0-9");
        assertThatThrownBy(() -> Attributes.requireExtensionName("", null))
                .hasMessage("body attribute : '' is not a CloudEvents attribute name: use 1 to 20 lowercase letters "
                        + "a-z and digits 0-9");
    }

    @Test
    void specVersionsAreReadExactly() {
        assertThat(Attributes.specVersion("1.0", "ce_specversion")).isEqualTo(SpecVersion.V1);
        assertThat(Attributes.specVersion("0.3", "ce_specversion")).isEqualTo(SpecVersion.V03);
        for (String text : new String[] {"1", "1.0 ", " 1.0", "1.00", "V1", ""}) {
            assertThatThrownBy(() -> Attributes.specVersion(text, "ce_specversion"))
                    .hasMessage("header ce_specversion: '" + text + "' is not a CloudEvents spec version this codec "
                            + "reads (1.0, 0.3)");
        }
    }
}
