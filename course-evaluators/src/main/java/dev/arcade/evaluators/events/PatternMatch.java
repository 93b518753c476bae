package dev.arcade.evaluators.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The result of matching one event against an {@link EventPattern}: whether it matched, the
 * result per field and per {@code $or} group, and the explanation a learner reads.
 *
 * @param matched whether the event matches the pattern
 * @param result the structured result of the pattern's top-level object
 * @param explanation one sentence: why the event matches, or the first reason it does not
 */
public record PatternMatch(boolean matched, NodeResult result, String explanation) {

    /**
     * The result of one pattern object.
     *
     * @param matched whether every field and one alternative of every {@code $or} group matched
     * @param fields the result per field, in the pattern's order
     * @param ors the result per {@code $or} group
     */
    public record NodeResult(boolean matched, List<FieldResult> fields, List<OrResult> ors) {}

    /**
     * The result of one field of the pattern.
     *
     * @param path the field's path, dotted ({@code detail.state})
     * @param expected what the pattern asks for, one description per value of the pattern's array
     * @param found the event's leaf values at that path (empty when the field is absent)
     * @param matched whether the field matched
     */
    public record FieldResult(String path, List<String> expected, List<JsonNode> found, boolean matched) {}

    /**
     * The result of one {@code $or} group.
     *
     * @param matched whether one alternative matched
     * @param alternatives the result of each alternative
     */
    public record OrResult(boolean matched, List<NodeResult> alternatives) {}
}
