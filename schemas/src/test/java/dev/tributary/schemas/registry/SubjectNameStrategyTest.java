package dev.tributary.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.Test;

class SubjectNameStrategyTest {

    private static final Schema TELEMETRY = SchemaBuilder.record("DeviceTelemetry").namespace("dev.tributary.schemas")
            .fields().requiredString("deviceId").endRecord();

    @Test
    void topicNameAppendsKeyOrValueToTheTopic() {
        assertThat(SubjectNameStrategy.TOPIC_NAME.subject("telemetry", false, TELEMETRY)).isEqualTo("telemetry-value");
        assertThat(SubjectNameStrategy.TOPIC_NAME.subject("telemetry", true, TELEMETRY)).isEqualTo("telemetry-key");
    }

    @Test
    void recordNameIsTheRecordsFullNameWhateverTheTopic() {
        assertThat(SubjectNameStrategy.RECORD_NAME.subject("telemetry", false, TELEMETRY))
                .isEqualTo("dev.tributary.schemas.DeviceTelemetry");
        assertThat(SubjectNameStrategy.RECORD_NAME.subject("other", true, TELEMETRY))
                .isEqualTo("dev.tributary.schemas.DeviceTelemetry");
    }

    @Test
    void topicRecordNameJoinsTheTopicAndTheFullName() {
        assertThat(SubjectNameStrategy.TOPIC_RECORD_NAME.subject("telemetry", false, TELEMETRY))
                .isEqualTo("telemetry-dev.tributary.schemas.DeviceTelemetry");
    }

    @Test
    void recordStrategiesRejectAnUnnamedSchemaAndPointToTopicName() {
        assertThatThrownBy(() -> SubjectNameStrategy.RECORD_NAME.subject("t", false, Schema.create(Schema.Type.STRING)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("RecordNameStrategy needs a named schema")
                .hasMessageContaining("not string")
                .hasMessageContaining("use TopicNameStrategy");
    }

    @Test
    void parseAcceptsConfigNamesConfluentClassNamesAndConstantNames() {
        assertThat(SubjectNameStrategy.parse("RecordNameStrategy")).isEqualTo(SubjectNameStrategy.RECORD_NAME);
        assertThat(SubjectNameStrategy.parse("io.confluent.kafka.serializers.subject.TopicRecordNameStrategy"))
                .isEqualTo(SubjectNameStrategy.TOPIC_RECORD_NAME);
        assertThat(SubjectNameStrategy.parse("topic_name")).isEqualTo(SubjectNameStrategy.TOPIC_NAME);
    }

    @Test
    void parseRejectsAnUnknownNameListingTheAcceptedOnes() {
        assertThatThrownBy(() -> SubjectNameStrategy.parse("ByTopic"))
                .hasMessage("'ByTopic' is not one of TopicNameStrategy, RecordNameStrategy, TopicRecordNameStrategy");
    }
}
