package dev.tributary.dispatcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.junit.jupiter.api.Test;

class FunctionDispatcherTest {

    @Test
    void usesKafkasConsumerGroupProtocolAndCommitsOnlyWhatIsDone() {
        Map<String, Object> config = FunctionDispatcher.consumerConfig(DispatcherSettings.forTopics("fn", List.of("in"),
                Map.of("bootstrap.servers", "127.0.0.1:9092", "enable.auto.commit", true, "group.id", "theirs")));

        assertThat(config)
                .containsEntry("group.protocol", "consumer")
                .containsEntry("group.id", "tributary.fn")
                .containsEntry("enable.auto.commit", false)
                .containsEntry("auto.offset.reset", "latest")
                .containsEntry("isolation.level", "read_committed")
                .doesNotContainKey("partition.assignment.strategy");
    }

    @Test
    void theClassicProtocolGetsTheCooperativeStickyAssignor() {
        Map<String, Object> config = FunctionDispatcher.consumerConfig(DispatcherSettings.forTopics("fn", List.of("in"),
                Map.of("bootstrap.servers", "127.0.0.1:9092", "group.protocol", "classic")));

        assertThat(config).containsEntry("partition.assignment.strategy", CooperativeStickyAssignor.class.getName());
    }
}
