package dev.arcade.evaluators.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Sources: Amazon CloudWatch Logs User Guide, "Setting how the metric value changes when matches are
 * found" (the two-records-a-minute example), "Publishing numerical values found in log entries" ({@code
 * { $.latency = * }} with {@code $.latency}), "Example: Count HTTP 404 responses" (a space-delimited
 * pattern), "Using dimensions with metric filters".
 */
@DisplayName("Metric filters turn log events into datapoints")
class MetricFilterTest {
    static final Instant T = Instant.parse("2026-12-04T10:00:00Z");

    static MetricFilter.Transformation transformation(
            String value, Double defaultValue, Map<String, String> dimensions) {
        return new MetricFilter.Transformation("Errors", "Arcade", value, defaultValue, dimensions, "Count");
    }

    static List<MetricFilter.LogEvent> events(String... messages) {
        List<MetricFilter.LogEvent> out = new java.util.ArrayList<>();
        for (int i = 0; i < messages.length; i++) {
            out.add(new MetricFilter.LogEvent(T.plusSeconds(i), messages[i]));
        }
        return out;
    }

    static List<Double> values(List<MetricFilter.Datapoint> points) {
        return points.stream().map(MetricFilter.Datapoint::value).toList();
    }

    @Test
    @DisplayName("two matching records in a minute report 1 each: the minute's sum is 2")
    void countsMatches() {
        MetricFilter filter = new MetricFilter("ERROR", List.of(transformation("1", 0.0, null)));

        assertThat(values(filter.datapoints(events("ERROR one", "ERROR two")))).containsExactly(1.0, 1.0);
    }

    @Test
    @DisplayName("with Default Value 0, records that do not match report 0: the minute's sum is 0, not nothing")
    void defaultValue() {
        MetricFilter filter = new MetricFilter("ERROR", List.of(transformation("1", 0.0, null)));

        List<MetricFilter.Datapoint> points = filter.datapoints(events("INFO one", "INFO two"));
        assertThat(values(points)).containsExactly(0.0, 0.0);
        assertThat(points).noneMatch(MetricFilter.Datapoint::matched);
    }

    @Test
    @DisplayName("without a Default Value, a record that does not match reports nothing")
    void noDefaultValue() {
        MetricFilter filter = new MetricFilter("ERROR", List.of(transformation("1", null, null)));

        assertThat(filter.datapoints(events("INFO one", "ERROR two", "INFO three")))
                .hasSize(1);
    }

    @Test
    @DisplayName("{ $.latency = * } with the value $.latency publishes each request's latency")
    void jsonValue() {
        MetricFilter filter = new MetricFilter("{ $.latency = * }", List.of(transformation("$.latency", null, null)));

        assertThat(values(filter.datapoints(
                        events("{\"latency\": 120}", "{\"latency\": 87.5}", "{\"status\": 200}", "not json"))))
                .containsExactly(120.0, 87.5);
    }

    @Test
    @DisplayName("a value that is not a number gives no datapoint")
    void valueNotANumber() {
        MetricFilter filter = new MetricFilter("{ $.latency = * }", List.of(transformation("$.latency", 0.0, null)));

        assertThat(filter.datapoints(events("{\"latency\": \"fast\"}"))).isEmpty();
    }

    @Test
    @DisplayName("counting HTTP 404 responses with a space-delimited pattern")
    void counts404() {
        MetricFilter filter = new MetricFilter(
                "[IP, UserInfo, User, Timestamp, RequestInfo, StatusCode=404, Bytes]",
                List.of(transformation("1", 0.0, null)));

        List<MetricFilter.Datapoint> points = filter.datapoints(events(
                "127.0.0.1 - frank [10/Oct/2000:13:25:15 -0700] \"GET /index.html HTTP/1.0\" 404 1534",
                "127.0.0.1 - frank [10/Oct/2000:13:35:22 -0700] \"GET /apache_pb.gif HTTP/1.0\" 200 2326"));
        assertThat(values(points)).containsExactly(1.0, 0.0);
    }

    @Test
    @DisplayName("a space-delimited field, by name or by position, is a metric value")
    void spaceDelimitedValue() {
        String line = "127.0.0.1 - frank [10/Oct/2000:13:25:15 -0700] \"GET /index.html HTTP/1.0\" 404 1534";

        assertThat(values(new MetricFilter(
                                "[ip, user, username, timestamp, request, status_code, bytes]",
                                List.of(transformation("$bytes", null, null)))
                        .datapoints(events(line))))
                .containsExactly(1534.0);
        assertThat(values(new MetricFilter("[..., status_code, ]", List.of(transformation("$7", null, null)))
                        .datapoints(events(line))))
                .containsExactly(1534.0);
    }

    @Test
    @DisplayName("dimensions are read from the event's fields; an event without one gives no datapoint")
    void dimensions() {
        MetricFilter filter = new MetricFilter(
                "{ $.level = \"ERROR\" }", List.of(transformation("1", 0.0, Map.of("Game", "$.game"))));

        List<MetricFilter.Datapoint> points = filter.datapoints(events(
                "{\"level\": \"ERROR\", \"game\": \"tetris\"}",
                "{\"level\": \"ERROR\"}",
                "{\"level\": \"INFO\", \"game\": \"snake\"}"));
        assertThat(points).singleElement().satisfies(p -> {
            assertThat(p.dimensions()).containsExactly(Map.entry("Game", "tetris"));
            assertThat(p.namespace()).isEqualTo("Arcade");
            assertThat(p.metricName()).isEqualTo("Errors");
            assertThat(p.unit()).isEqualTo("Count");
            assertThat(p.timestamp()).isEqualTo(T);
        });
    }

    @Test
    @DisplayName("an invalid pattern is refused as PutMetricFilter refuses it")
    void invalidPattern() {
        assertThatThrownBy(() -> new MetricFilter("{ $.level = ", List.of(transformation("1", null, null))))
                .isInstanceOf(InvalidFilterPatternException.class);
    }
}
