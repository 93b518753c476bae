package dev.arcade.evaluators.logs;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A metric filter as PutMetricFilter stores it, turning log events into metric datapoints as CloudWatch
 * Logs does (Amazon CloudWatch Logs User Guide, "Creating metrics from log events using filters",
 * "Setting how the metric value changes when matches are found", "Publishing numerical values found in
 * log entries", "Using dimensions with metric filters"); the emulators store metric filters and make
 * no data.
 *
 * <p>Each event the pattern matches gives one datapoint of {@link Transformation#metricValue}: a number
 * ({@code "1"}), a JSON selector ({@code "$.latency"}) or a space-delimited field ({@code "$bytes"},
 * {@code "$7"}); its dimensions are read the same way. An event that does not match gives the default
 * value when the transformation has one, and nothing otherwise. The datapoints of one minute are what
 * CloudWatch reports for that minute ("The metric value is aggregated and reported every minute").
 *
 * <p>Readings the documentation leaves open: a matching event whose value or a dimension cannot be read
 * as the filter says (no such field, not a number, a dimension that is not a string or number) gives no
 * datapoint, and no default value either; a transformation with dimensions reports no default value
 * (a default has no dimension values to report under).
 */
public final class MetricFilter {

    /**
     * One metric transformation of the filter (PutMetricFilter's MetricTransformation).
     *
     * @param metricName the metric's name
     * @param namespace its namespace
     * @param metricValue {@code "1"} or another number, {@code $.selector}, or {@code $field}
     * @param defaultValue what an event that does not match reports, or null for nothing
     * @param dimensions dimension names with the field each is read from ({@code "Game": "$.game"})
     * @param unit the unit, or null
     */
    public record Transformation(
            String metricName,
            String namespace,
            String metricValue,
            Double defaultValue,
            Map<String, String> dimensions,
            String unit) {
        /** Copies the dimensions; null is none. */
        public Transformation {
            dimensions = dimensions == null
                    ? Map.of()
                    : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(dimensions));
        }
    }

    /**
     * A log event.
     *
     * @param timestamp when it happened
     * @param message its message
     */
    public record LogEvent(Instant timestamp, String message) {}

    /**
     * One value reported to a metric.
     *
     * @param namespace the namespace
     * @param metricName the metric
     * @param dimensions the dimension values
     * @param timestamp the event's time
     * @param value the value
     * @param unit the unit, or null
     * @param matched whether the event matched (false: the default value)
     */
    public record Datapoint(
            String namespace,
            String metricName,
            Map<String, String> dimensions,
            Instant timestamp,
            double value,
            String unit,
            boolean matched) {}

    private final FilterPattern pattern;
    private final List<Transformation> transformations;

    /**
     * A filter.
     *
     * @param filterPattern the filter pattern
     * @param transformations its metric transformations (PutMetricFilter allows one)
     * @throws InvalidFilterPatternException when the pattern is not valid
     */
    public MetricFilter(String filterPattern, List<Transformation> transformations) {
        this.pattern = FilterPattern.parse(filterPattern);
        this.transformations = List.copyOf(transformations);
    }

    /** The parsed pattern. */
    public FilterPattern pattern() {
        return pattern;
    }

    /**
     * The datapoints of some log events, in the events' order.
     *
     * @param events the log events of one log group
     * @return one datapoint per event and transformation, where the event gives one
     */
    public List<Datapoint> datapoints(List<LogEvent> events) {
        List<Datapoint> out = new ArrayList<>();
        for (LogEvent event : events) {
            FilterMatch match = pattern.match(event.message());
            for (Transformation t : transformations) {
                if (!match.matched()) {
                    if (t.defaultValue() != null && t.dimensions().isEmpty()) {
                        out.add(new Datapoint(
                                t.namespace(),
                                t.metricName(),
                                Map.of(),
                                event.timestamp(),
                                t.defaultValue(),
                                t.unit(),
                                false));
                    }
                    continue;
                }
                Optional<Double> value =
                        read(t.metricValue(), event.message(), match).flatMap(MetricFilter::number);
                if (value.isEmpty()) {
                    continue;
                }
                Map<String, String> dimensions = new LinkedHashMap<>();
                boolean complete = true;
                for (Map.Entry<String, String> d : t.dimensions().entrySet()) {
                    Optional<String> v = read(d.getValue(), event.message(), match);
                    if (v.isEmpty()) {
                        complete = false;
                        break;
                    }
                    dimensions.put(d.getKey(), v.get());
                }
                if (complete) {
                    out.add(new Datapoint(
                            t.namespace(), t.metricName(), dimensions, event.timestamp(), value.get(), t.unit(), true));
                }
            }
        }
        return out;
    }

    /** A literal, a JSON selector or a space-delimited field, as text. */
    private static Optional<String> read(String source, String message, FilterMatch match) {
        String s = source.strip();
        if (s.startsWith("$.")) {
            return FilterPattern.jsonValue(message, s)
                    .filter(node -> node.isValueNode() && !node.isNull())
                    .map(JsonNode::asText);
        }
        if (s.startsWith("$")) {
            return Optional.ofNullable(match.fields().get(s));
        }
        return Optional.of(s);
    }

    private static Optional<Double> number(String text) {
        try {
            return Optional.of(Double.parseDouble(text));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
