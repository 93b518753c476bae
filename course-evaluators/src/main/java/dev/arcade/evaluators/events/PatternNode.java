package dev.arcade.evaluators.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A parsed pattern object: the fields it tests (all must match) and its {@code $or} groups (one
 * alternative of each must match), as "Content filtering" describes {@code $or}.
 */
record PatternNode(List<Field> fields, List<List<PatternNode>> ors) {

    /** One field of the pattern, by its path from the event's root, and its matchers (any may match). */
    record Field(List<String> path, List<Matcher> matchers) {
        String dotted() {
            return String.join(".", path);
        }
    }

    /** Matches the event; decides only, writes no sentences. */
    PatternMatch.NodeResult evaluate(JsonNode event) {
        List<PatternMatch.FieldResult> results = new ArrayList<>();
        boolean matched = true;
        for (Field field : fields) {
            List<JsonNode> leaves = new ArrayList<>();
            collect(event, field.path(), 0, leaves);
            boolean fieldMatched;
            if (leaves.isEmpty()) {
                fieldMatched = field.matchers().stream().anyMatch(m -> m instanceof Matcher.Exists e && !e.present());
            } else {
                fieldMatched = field.matchers().stream()
                        .filter(m -> !(m instanceof Matcher.Exists e && !e.present()))
                        .anyMatch(m -> leaves.stream().anyMatch(m::accepts));
            }
            results.add(new PatternMatch.FieldResult(
                    field.dotted(),
                    field.matchers().stream().map(Matcher::describe).toList(),
                    List.copyOf(leaves),
                    fieldMatched));
            matched &= fieldMatched;
        }
        List<PatternMatch.OrResult> orResults = new ArrayList<>();
        for (List<PatternNode> group : ors) {
            List<PatternMatch.NodeResult> alternatives =
                    group.stream().map(n -> n.evaluate(event)).toList();
            boolean any = alternatives.stream().anyMatch(PatternMatch.NodeResult::matched);
            orResults.add(new PatternMatch.OrResult(any, alternatives));
            matched &= any;
        }
        return new PatternMatch.NodeResult(matched, List.copyOf(results), List.copyOf(orResults));
    }

    /**
     * The leaf values (strings, numbers, booleans, nulls) at the path. An array anywhere on the path
     * is matched element by element ("If the value in the event is an array, then the event pattern
     * matches if the intersection of the event pattern array and the event array is non-empty").
     * An object at the end of the path has no leaves: this evaluator's reading of "exists matching
     * only works on leaf nodes", which also makes an empty array count as absent.
     */
    private static void collect(JsonNode node, List<String> path, int depth, List<JsonNode> out) {
        if (node == null || node.isMissingNode()) {
            return;
        }
        if (node.isArray()) {
            for (JsonNode element : node) {
                collect(element, path, depth, out);
            }
            return;
        }
        if (depth == path.size()) {
            if (!node.isObject()) {
                out.add(node);
            }
            return;
        }
        if (node.isObject()) {
            collect(node.get(path.get(depth)), path, depth + 1, out);
        }
    }
}
