package dev.tributary.connectors.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.sdk.FunctionConfig;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Settings read against their definitions, with errors that name the setting's path. */
class SinkConfigTest {

    private enum Mode { FAST, SAFE }

    private static final Setting<String> NAME = Setting.required("name", ValueTypes.text("any text"), "A name.");
    private static final Setting<Duration> WAIT = Setting.withDefault("wait",
            ValueTypes.duration(Duration.ofMillis(10), Duration.ofMinutes(1)), Duration.ofSeconds(5), "A wait.");
    private static final Setting<Integer> COUNT = Setting.withDefault("count", ValueTypes.integer(1, 10), 3, "A count.");
    private static final Setting<Boolean> ON = Setting.withDefault("on", ValueTypes.flag(), false, "A switch.");
    private static final Setting<Mode> MODE = Setting.withDefault("mode", ValueTypes.choice(Mode.class), Mode.SAFE,
            "A mode.");
    private static final Setting<String> EXTRA = Setting.optional("extra", ValueTypes.text("any text"), "Extra.");
    private static final List<Setting<?>> ALL = List.of(NAME, WAIT, COUNT, ON, MODE, EXTRA);

    private static SinkConfig config(Map<String, Object> values) {
        return SinkConfig.of(new FunctionConfig("fn", values), "TestSink", ALL);
    }

    @Test
    void readsValuesAsYamlGivesThemAndDefaultsTheRest() {
        SinkConfig given = config(Map.of("name", "n", "wait", "250ms", "count", 7, "on", true, "mode", "fast"));
        SinkConfig asText = config(Map.of("name", 12, "count", "7", "on", "TRUE"));

        assertThat(given.get(NAME)).isEqualTo("n");
        assertThat(given.get(WAIT)).isEqualTo(Duration.ofMillis(250));
        assertThat(given.get(COUNT)).isEqualTo(7);
        assertThat(given.get(ON)).isTrue();
        assertThat(given.get(MODE)).isEqualTo(Mode.FAST);
        assertThat(given.find(EXTRA)).isEmpty();
        assertThat(asText.get(NAME)).isEqualTo("12");
        assertThat(asText.get(COUNT)).isEqualTo(7);
        assertThat(asText.get(ON)).isTrue();
        assertThat(asText.get(WAIT)).isEqualTo(Duration.ofSeconds(5));
        assertThat(asText.get(MODE)).isEqualTo(Mode.SAFE);
    }

    @Test
    void errorsNameTheSettingsPathAndWhatIsAllowed() {
        assertThatThrownBy(() -> config(Map.of()).get(NAME))
                .hasMessage("functions[fn].config.name is required: A name.");
        assertThatThrownBy(() -> config(Map.of("wait", "1d")).get(WAIT))
                .hasMessage("functions[fn].config.wait: '1d' is not a duration: use a number and ms, s, m or h, such as 30s");
        assertThatThrownBy(() -> config(Map.of("wait", "5ms")).get(WAIT))
                .hasMessage("functions[fn].config.wait: 5ms is out of range; use a number and ms, s, m or h, from 10ms to 1m");
        assertThatThrownBy(() -> config(Map.of("count", 2.5)).get(COUNT))
                .hasMessage("functions[fn].config.count: '2.5' is not a whole number; use 1..10");
        assertThatThrownBy(() -> config(Map.of("mode", "FAST")).get(MODE))
                .hasMessage("functions[fn].config.mode: 'FAST' is not one of fast, safe");
        assertThatThrownBy(() -> config(Map.of("name", List.of("a"))).get(NAME))
                .hasMessage("functions[fn].config.name: is a list, not a single value");
    }

    @Test
    void refusesKeysNoSettingDefines() {
        assertThatThrownBy(() -> config(Map.of("name", "n", "wiat", "1s", "cont", 1)))
                .hasMessage("functions[fn].config.cont, functions[fn].config.wiat are not settings of TestSink; its"
                        + " settings are name, wait, count, on, mode, extra");
    }

    @Test
    void theReferenceTableShowsEachSettingOnce() {
        assertThat(SettingsTable.markdown(List.of(NAME, WAIT, MODE, EXTRA))).isEqualTo("""
                | Key | Type | Default | Allowed | Description |
                | --- | --- | --- | --- | --- |
                | `name` | string | required | any text | A name. |
                | `wait` | duration | `5s` | a number and ms, s, m or h, from 10ms to 1m | A wait. |
                | `mode` | string | `safe` | fast, safe | A mode. |
                | `extra` | string |  | any text | Extra. |
                """);
    }
}
