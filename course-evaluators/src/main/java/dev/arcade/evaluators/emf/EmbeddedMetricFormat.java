package dev.arcade.evaluators.emf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The CloudWatch embedded metric format (Amazon CloudWatch User Guide, "Specification: Embedded metric
 * format"): validates a log event against the specification and extracts the metrics CloudWatch Logs
 * would create from it, which no emulator does.
 *
 * <p>In: a log event's message. On Lambda, "while Lambda may prepend log events with metadata such as
 * timestamp and request id, a valid embedded metric format document after this metadata is considered
 * valid": text before the first {@code {} is skipped when the rest is a JSON object. Out: an {@link
 * EmfDocument}, with every problem found (not just the first) and, when there is none, one {@link
 * EmfMetric} per metric definition and dimension set.
 *
 * <p>The rules: the root is a JSON object with {@code _aws}, an object with {@code Timestamp} (an
 * integer, milliseconds since the epoch) and {@code CloudWatchMetrics} (an array of directives); a
 * directive has {@code Namespace} (a string of 1 to 255 characters), {@code Dimensions} (an array of at
 * least one dimension set, each an array of at most {@value #MAX_DIMENSIONS} strings of 1 to 255
 * characters, each naming a root member whose value is a string) and {@code Metrics} (at most {@value
 * #MAX_METRICS} definitions, each with a {@code Name} of 1 to 255 characters naming a root member whose
 * value is a number or an array of at most {@value #MAX_VALUES} numbers, an optional {@code Unit} from
 * MetricDatum's list, and an optional {@code StorageResolution} of 1 or 60). References name root
 * members, never nested ones: {@code "A.a"} is the member {@code "A.a"}.
 *
 * <p>Readings the specification leaves open: a document with any problem yields no metrics (the
 * specification says what a valid document is, not what CloudWatch does with part of an invalid one);
 * the dimension limit is 30, as the current page says (older versions said 9); a Timestamp in the far
 * past or future is not refused here (CloudWatch's own limits on metric age are not modelled); the
 * 256 KB event size and the limit of 100 distinct dimension values per batch are not checked.
 */
public final class EmbeddedMetricFormat {
    /** At most this many keys per dimension set. */
    public static final int MAX_DIMENSIONS = 30;

    /** At most this many metric definitions per directive. */
    public static final int MAX_METRICS = 100;

    /** At most this many values in an array metric target. */
    public static final int MAX_VALUES = 100;

    /** The units of MetricDatum, which a definition's Unit may name. */
    public static final Set<String> UNITS = Set.of(
            "Seconds",
            "Microseconds",
            "Milliseconds",
            "Bytes",
            "Kilobytes",
            "Megabytes",
            "Gigabytes",
            "Terabytes",
            "Bits",
            "Kilobits",
            "Megabits",
            "Gigabits",
            "Terabits",
            "Percent",
            "Count",
            "Bytes/Second",
            "Kilobytes/Second",
            "Megabytes/Second",
            "Gigabytes/Second",
            "Terabytes/Second",
            "Bits/Second",
            "Kilobits/Second",
            "Megabits/Second",
            "Gigabits/Second",
            "Terabits/Second",
            "Count/Second",
            "None");

    private static final ObjectMapper JSON = new ObjectMapper();

    private EmbeddedMetricFormat() {}

    /**
     * Reads one log event.
     *
     * @param message the event's message
     * @return whether it is EMF, its problems, and the metrics CloudWatch would create
     */
    public static EmfDocument read(String message) {
        JsonNode root = parse(message);
        if (root == null || !root.isObject() || !root.has("_aws")) {
            return new EmfDocument(false, List.of(), List.of());
        }
        List<String> problems = new ArrayList<>();
        JsonNode aws = root.get("_aws");
        if (!aws.isObject()) {
            problems.add("_aws must be an object, but it is " + aws);
            return new EmfDocument(true, problems, List.of());
        }
        JsonNode timestamp = aws.get("Timestamp");
        if (timestamp == null) {
            problems.add("_aws.Timestamp is required: the metrics' time, in milliseconds since 1970-01-01T00:00:00Z");
        } else if (!timestamp.isIntegralNumber()) {
            problems.add(
                    "_aws.Timestamp must be a whole number of milliseconds since the epoch, but it is " + timestamp);
        }
        JsonNode directives = aws.get("CloudWatchMetrics");
        if (directives == null) {
            problems.add("_aws.CloudWatchMetrics is required: an array of metric directives");
            return new EmfDocument(true, problems, List.of());
        }
        if (!directives.isArray()) {
            problems.add("_aws.CloudWatchMetrics must be an array, but it is " + directives);
            return new EmfDocument(true, problems, List.of());
        }
        Instant time =
                timestamp != null && timestamp.isIntegralNumber() ? Instant.ofEpochMilli(timestamp.asLong()) : null;
        List<EmfMetric> metrics = new ArrayList<>();
        for (int d = 0; d < directives.size(); d++) {
            directive(root, directives.get(d), "_aws.CloudWatchMetrics[" + d + "]", time, problems, metrics);
        }
        return new EmfDocument(true, problems, problems.isEmpty() ? metrics : List.of());
    }

    /** The problems of one log event, empty when it is valid EMF or not EMF at all. */
    public static List<String> problems(String message) {
        return read(message).problems();
    }

    private static JsonNode parse(String message) {
        if (message == null) {
            return null;
        }
        try {
            return JSON.readTree(message);
        } catch (java.io.IOException e) {
            int brace = message.indexOf('{');
            if (brace <= 0) {
                return null;
            }
            try {
                return JSON.readTree(message.substring(brace));
            } catch (java.io.IOException again) {
                return null;
            }
        }
    }

    private static boolean name(JsonNode node) {
        return node != null
                && node.isTextual()
                && !node.asText().isEmpty()
                && node.asText().length() <= 255;
    }

    private static void directive(
            JsonNode root, JsonNode directive, String at, Instant time, List<String> problems, List<EmfMetric> out) {
        if (!directive.isObject()) {
            problems.add(at + " must be an object with Namespace, Dimensions and Metrics, but it is " + directive);
            return;
        }
        JsonNode namespace = directive.get("Namespace");
        if (namespace == null) {
            problems.add(at + ".Namespace is required");
        } else if (!name(namespace)) {
            problems.add(at + ".Namespace must be a string of 1 to 255 characters, but it is " + namespace);
        }
        List<Map<String, String>> sets = new ArrayList<>();
        JsonNode dimensions = directive.get("Dimensions");
        if (dimensions == null) {
            problems.add(at + ".Dimensions is required: an array of dimension sets, such as [[\"Game\"]] or [[]]");
        } else if (!dimensions.isArray() || dimensions.isEmpty()) {
            problems.add(at + ".Dimensions must be an array of at least one dimension set, but it is " + dimensions);
        } else {
            for (int s = 0; s < dimensions.size(); s++) {
                String setAt = at + ".Dimensions[" + s + "]";
                JsonNode set = dimensions.get(s);
                if (!set.isArray()) {
                    problems.add(setAt + " must be an array of dimension names, but it is " + set);
                    continue;
                }
                if (set.size() > MAX_DIMENSIONS) {
                    problems.add(setAt + " has " + set.size() + " dimensions; at most " + MAX_DIMENSIONS);
                }
                Map<String, String> values = new LinkedHashMap<>();
                for (int k = 0; k < set.size(); k++) {
                    JsonNode key = set.get(k);
                    if (!name(key)) {
                        problems.add(setAt + "[" + k + "] must be a dimension name (a string of 1 to 255"
                                + " characters), but it is " + key);
                        continue;
                    }
                    JsonNode target = root.get(key.asText());
                    if (target == null) {
                        problems.add(setAt + " names the dimension \"" + key.asText() + "\", but the root node has no"
                                + " member \"" + key.asText() + "\"" + nestedHint(root, key.asText()));
                    } else if (!target.isTextual()) {
                        problems.add(
                                "the dimension \"" + key.asText() + "\" must have a string value, but it is " + target);
                    } else {
                        values.put(key.asText(), target.asText());
                    }
                }
                sets.add(values);
            }
        }
        JsonNode metrics = directive.get("Metrics");
        if (metrics == null) {
            problems.add(at + ".Metrics is required: an array of metric definitions such as [{\"Name\": \"Latency\"}]");
            return;
        }
        if (!metrics.isArray()) {
            problems.add(at + ".Metrics must be an array, but it is " + metrics);
            return;
        }
        if (metrics.size() > MAX_METRICS) {
            problems.add(at + ".Metrics has " + metrics.size() + " metric definitions; at most " + MAX_METRICS);
        }
        for (int m = 0; m < metrics.size(); m++) {
            String defAt = at + ".Metrics[" + m + "]";
            JsonNode definition = metrics.get(m);
            if (!definition.isObject()) {
                problems.add(defAt + " must be an object with a Name, but it is " + definition);
                continue;
            }
            JsonNode metricName = definition.get("Name");
            if (metricName == null) {
                problems.add(defAt + ".Name is required");
                continue;
            }
            if (!name(metricName)) {
                problems.add(defAt + ".Name must be a string of 1 to 255 characters, but it is " + metricName);
                continue;
            }
            String unit = "None";
            JsonNode unitNode = definition.get("Unit");
            if (unitNode != null) {
                if (!unitNode.isTextual() || !UNITS.contains(unitNode.asText())) {
                    problems.add(defAt + ".Unit " + unitNode + " is not a CloudWatch unit (Count, Milliseconds,"
                            + " Seconds, Bytes, Percent, None, ...; the names are case-sensitive)");
                } else {
                    unit = unitNode.asText();
                }
            }
            int resolution = 60;
            JsonNode resolutionNode = definition.get("StorageResolution");
            if (resolutionNode != null) {
                if (!resolutionNode.isIntegralNumber()
                        || (resolutionNode.asInt() != 1 && resolutionNode.asInt() != 60)) {
                    problems.add(defAt + ".StorageResolution must be 1 (high resolution) or 60 (standard), but it is "
                            + resolutionNode);
                } else {
                    resolution = resolutionNode.asInt();
                }
            }
            String target = metricName.asText();
            JsonNode value = root.get(target);
            List<Double> values = new ArrayList<>();
            if (value == null) {
                problems.add(defAt + " names the metric \"" + target + "\", but the root node has no member \"" + target
                        + "\"" + nestedHint(root, target));
                continue;
            }
            if (value.isNumber()) {
                values.add(value.asDouble());
            } else if (value.isArray() && value.size() <= MAX_VALUES && allNumbers(value)) {
                value.forEach(v -> values.add(v.asDouble()));
            } else if (value.isArray() && value.size() > MAX_VALUES) {
                problems.add("the metric \"" + target + "\" has " + value.size() + " values; at most " + MAX_VALUES);
                continue;
            } else {
                problems.add("the metric \"" + target + "\" must be a number or an array of numbers, but it is " + value
                        + (value.isTextual() ? " (a string, even of digits, is not a number)" : ""));
                continue;
            }
            if (namespace != null && name(namespace)) {
                for (Map<String, String> set : sets) {
                    out.add(new EmfMetric(namespace.asText(), target, unit, set, values, resolution, time));
                }
            }
        }
    }

    private static boolean allNumbers(JsonNode array) {
        for (JsonNode v : array) {
            if (!v.isNumber()) {
                return false;
            }
        }
        return true;
    }

    /** "A.a" names the root member "A.a", never the nested {"A": {"a": ...}}: say so when that is what is there. */
    private static String nestedHint(JsonNode root, String reference) {
        int dot = reference.indexOf('.');
        if (dot > 0 && root.path(reference.substring(0, dot)).isObject()) {
            return " (references name root members: \"" + reference + "\" is not the nested member "
                    + reference.substring(0, dot) + "." + reference.substring(dot + 1) + ")";
        }
        return "";
    }
}
