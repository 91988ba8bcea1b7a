package dev.tributary.ingest.http.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.ingest.http.EventRoute;
import dev.tributary.schemas.filter.EventFilter;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EventRouterTest {

    private static final List<EventRoute> ROUTES = List.of(
            new EventRoute(new EventFilter.All(List.of(new EventFilter.Prefix("type", "com.example.telemetry"),
                    new EventFilter.Exact("region", "eu"))), "telemetry-eu"),
            new EventRoute(new EventFilter.Prefix("type", "com.example.telemetry"), "telemetry"),
            new EventRoute(new EventFilter.Suffix("source", "/billing"), "billing"));

    private static CloudEvent event(String type, String source, String region) {
        CloudEventBuilder builder = CloudEventBuilder.v1().withId("1").withType(type).withSource(URI.create(source));
        return region == null ? builder.build() : builder.withExtension("region", region).build();
    }

    @Test
    void theFirstMatchingRouteWinsAndFiltersSeeExtensions() {
        EventRouter router = new EventRouter(ROUTES, Optional.empty());

        assertThat(router.topicFor(event("com.example.telemetry.temp", "/s", "eu"))).isEqualTo("telemetry-eu");
        assertThat(router.topicFor(event("com.example.telemetry.temp", "/s", "us"))).isEqualTo("telemetry");
        assertThat(router.topicFor(event("com.example.telemetry.temp", "/s", null))).isEqualTo("telemetry");
        assertThat(router.topicFor(event("com.example.invoice", "/shop/billing", null))).isEqualTo("billing");
    }

    @Test
    void anEventNoRouteMatchesGoesToTheDefaultTopicOrIsInvalidWithoutOne() {
        CloudEvent other = event("com.example.other", "/s", null);

        assertThat(new EventRouter(ROUTES, Optional.of("events")).topicFor(other)).isEqualTo("events");
        assertThatThrownBy(() -> new EventRouter(ROUTES, Optional.empty()).topicFor(other))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("no route matches the event of type 'com.example.other'");
    }
}
