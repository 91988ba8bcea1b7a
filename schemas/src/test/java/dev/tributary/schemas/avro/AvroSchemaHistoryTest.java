package dev.tributary.schemas.avro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The compatibility guard of Tributary's own Avro schemas: every schema in {@code src/main/avro} must read
 * data written with every released version of itself (BACKWARD_TRANSITIVE), because topics keep old records
 * and consumers are upgraded before, or without, the data.
 *
 * <p>How to evolve a schema:
 * <ol>
 *   <li>Change {@code src/main/avro/<Name>.avsc} compatibly: add fields only with a default (a union with
 *       {@code "null"} first and {@code "default": null} for optional data), remove only fields that had a
 *       default, widen types only as Avro promotes them (int to long, float or double; string to bytes), add
 *       enum symbols only with an enum {@code default}. Rename with {@code aliases}, never in place.</li>
 *   <li>This test then checks the change against every snapshot in
 *       {@code src/test/resources/avro-history/<Name>/}.</li>
 *   <li>When the change is released, copy the schema as the next snapshot, {@code v<N+1>.avsc}, so later
 *       changes stay readable for it too. Never edit or delete a snapshot: data written with it may still be
 *       in a topic.</li>
 * </ol>
 * A new schema needs its {@code v1.avsc} snapshot in the same change; the test fails until it exists.
 */
class AvroSchemaHistoryTest {

    private static final Path SCHEMAS = Path.of("src", "main", "avro");
    private static final Path HISTORY = Path.of("src", "test", "resources", "avro-history");
    private static final Pattern SNAPSHOT = Pattern.compile("v(\\d+)\\.avsc");

    @TestFactory
    Stream<DynamicTest> everySchemaHasAHistorySnapshot() throws IOException {
        return currentSchemas().stream().map(file -> dynamicTest(name(file), () ->
                assertThat(snapshots(name(file)))
                        .as("%s has no snapshot in %s: add %s/v1.avsc, a copy of the schema as released, so that"
                                + " later changes are checked against it", file, HISTORY.resolve(name(file)),
                                HISTORY.resolve(name(file)))
                        .isNotEmpty()));
    }

    @TestFactory
    Stream<DynamicTest> everySchemaReadsDataWrittenWithEveryHistoricalVersion() throws IOException {
        return currentSchemas().stream().flatMap(file -> {
            Schema current = parse(file);
            return snapshots(name(file)).stream().map(snapshot -> dynamicTest(
                    name(file) + " reads " + snapshot.getFileName(), () -> {
                        SchemaPairCompatibility result =
                                SchemaCompatibility.checkReaderWriterCompatibility(current, parse(snapshot));
                        assertThat(result.getType())
                                .as("%s cannot read data written with %s: %s. Make the change backward compatible"
                                        + " (see the javadoc of %s)", file, snapshot, AvroDeserializer.incompatibilities(result),
                                        AvroSchemaHistoryTest.class.getSimpleName())
                                .isEqualTo(SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE);
                    }));
        });
    }

    @TestFactory
    Stream<DynamicTest> everyHistoryBelongsToACurrentSchema() throws IOException {
        List<String> current = currentSchemas().stream().map(AvroSchemaHistoryTest::name).toList();
        try (Stream<Path> dirs = Files.list(HISTORY)) {
            return dirs.filter(Files::isDirectory).map(dir -> dynamicTest(dir.getFileName().toString(), () ->
                    assertThat(current)
                            .as("%s has no schema %s.avsc in %s: a schema that data was written with must stay,"
                                    + " or its history must go with it deliberately", dir, dir.getFileName(), SCHEMAS)
                            .contains(dir.getFileName().toString()))).toList().stream();
        }
    }

    private static List<Path> currentSchemas() throws IOException {
        try (Stream<Path> files = Files.list(SCHEMAS)) {
            List<Path> schemas = files.filter(f -> f.toString().endsWith(".avsc")).sorted().toList();
            assertThat(schemas).as("schemas in %s", SCHEMAS.toAbsolutePath()).isNotEmpty();
            return schemas;
        }
    }

    /** {@code v1.avsc, v2.avsc, ...} of {@code name}, oldest first. */
    private static List<Path> snapshots(String name) {
        Path dir = HISTORY.resolve(name);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> SNAPSHOT.matcher(f.getFileName().toString()).matches())
                    .sorted(Comparator.comparingInt(AvroSchemaHistoryTest::version))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int version(Path snapshot) {
        Matcher matcher = SNAPSHOT.matcher(snapshot.getFileName().toString());
        if (!matcher.matches()) {
            throw new IllegalArgumentException(snapshot + " is not a vN.avsc snapshot");
        }
        return Integer.parseInt(matcher.group(1));
    }

    private static String name(Path schemaFile) {
        String file = schemaFile.getFileName().toString();
        return file.substring(0, file.length() - ".avsc".length());
    }

    private static Schema parse(Path file) {
        try {
            return new Schema.Parser().parse(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
