package dev.arcade.evaluators.emf;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One metric CloudWatch creates from an embedded metric format document: one per metric definition
 * and dimension set of a directive.
 *
 * @param namespace the directive's Namespace
 * @param name the metric's name
 * @param unit its unit ({@code None} when the definition has none)
 * @param dimensions the dimension set's keys with the root node's values, in the set's order; empty
 *     for an empty set
 * @param values the datapoint values: one for a number, each element of an array
 * @param storageResolution 60 (standard) or 1 (high resolution), in seconds
 * @param timestamp {@code _aws.Timestamp}
 */
public record EmfMetric(
        String namespace,
        String name,
        String unit,
        Map<String, String> dimensions,
        List<Double> values,
        int storageResolution,
        Instant timestamp) {
    /** Copies the collections. */
    public EmfMetric {
        dimensions = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(dimensions));
        values = List.copyOf(values);
    }
}
