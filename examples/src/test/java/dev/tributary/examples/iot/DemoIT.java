package dev.tributary.examples.iot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.launcher.ExitCodes;
import dev.tributary.launcher.LauncherProcess;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code tributary demo} as a user runs it, on this module's built classes as bin/tributary puts them on the
 * launcher's classpath: the IoT example with ten simulated devices, from the embedded stack to both alert sinks and the
 * archive bucket, exits 0 and its summary accounts for every reading and every window summary.
 */
class DemoIT {

    private static final Duration RUN = Duration.ofSeconds(150);
    private static final Pattern WINDOW_SUMMARIES = Pattern.compile("\\s+Window summaries\\s+(\\d+) on iot\\.telemetry\\.1m.*");
    private static final Pattern ARCHIVED = Pattern.compile("\\s+Archived\\s+(\\d+) of (\\d+) window summaries in (\\d+)"
            + " objects of s3://iot-aggregates/telemetry-1m/ \\((\\d+) JSON lines\\)");

    @Test
    void demoAccountsForEveryReadingDeliversEveryAlertAndArchivesEverySummary() throws Exception {
        LauncherProcess demo = LauncherProcess.start("demo", "--devices", "10");
        try (demo) {
            assertThat(demo.awaitExit(RUN)).as("exit code; output: %s %s", demo.out(), demo.err())
                    .isEqualTo(ExitCodes.OK);
        }
        List<String> out = demo.out();
        assertThat(out).contains("Every event is accounted for.");
        // Ten devices, 24 readings each: devices 3, 1 and 9 send one reading out of range, device 6 one that is not JSON.
        assertThat(out).anyMatch(line -> line.matches("\\s+Readings ingested\\s+240 of 240 sent.*"));
        assertThat(out).anyMatch(line -> line.matches("\\s+Processed\\s+236 valid readings on iot.telemetry"));
        assertThat(out).anyMatch(line -> line.matches("\\s+Dead-lettered\\s+3 out-of-range readings on .*"));
        assertThat(out).anyMatch(line -> line.matches("\\s+Invalid\\s+1 payloads that are not JSON on .*"));
        assertThat(out).anyMatch(line -> line.matches("\\s+Accounted for\\s+240 of 240 ingested.*"));
        assertThat(out).anyMatch(line -> line.matches(
                "\\s+Delivered\\s+webhook ([1-9]\\d*) of \\1, MQTT device commands \\1 of \\1"));
        assertThat(out).anyMatch(line -> line.matches("\\s+Metrics, health\\s+http://127\\.0\\.0\\.1:\\d+/metrics.*"));

        int summaries = Integer.parseInt(match(out, WINDOW_SUMMARIES).group(1));
        Matcher archived = match(out, ARCHIVED);
        assertThat(summaries).as("window summaries on the topic").isPositive();
        assertThat(Integer.parseInt(archived.group(1))).as("summaries in the bucket").isEqualTo(summaries);
        assertThat(Integer.parseInt(archived.group(2))).as("summaries the archive line compares with").isEqualTo(summaries);
        assertThat(Integer.parseInt(archived.group(3))).as("objects").isPositive();
        assertThat(Integer.parseInt(archived.group(4))).as("JSON lines, a copy after a retry included")
                .isGreaterThanOrEqualTo(summaries);
        assertThat(out).anyMatch(line -> line.matches(
                "\\s+S3 store\\s+http://127\\.0\\.0\\.1:\\d+, bucket iot-aggregates .*"));
        // window-aggregate reads only Avro: its summaries above show validate-enrich wrote Avro through this registry.
        assertThat(out).anyMatch(line -> line.matches(
                "\\s+Schema registry\\s+http://127\\.0\\.0\\.1:\\d+\\S* \\(subject iot\\.telemetry-value.*"));
    }

    private static Matcher match(List<String> out, Pattern pattern) {
        return out.stream().map(pattern::matcher).filter(Matcher::matches).findFirst()
                .orElseThrow(() -> new AssertionError("no line matches " + pattern + " in " + out));
    }
}
