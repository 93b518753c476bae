package dev.arcade.evaluators.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * An EventBridge event pattern, parsed and validated: the {@code EventPattern} of a rule ({@code
 * PutRule}), or one {@code Pattern} of a Lambda event source mapping's {@code FilterCriteria}.
 *
 * <p>In: the pattern's JSON, then an event (an EventBridge event, or for Lambda event filtering
 * the record, such as a DynamoDB stream record {@code {"eventName": "INSERT", "dynamodb":
 * {"NewImage": {...}}}}). Out: whether it matches, and one sentence saying why.
 *
 * <p>Follows the Amazon EventBridge User Guide, "Amazon EventBridge event patterns" (exact values,
 * arrays as OR, matching inside event arrays, nested fields, all fields must match) and "Content
 * filtering in Amazon EventBridge event patterns" ({@code prefix}, {@code suffix}, {@code
 * equals-ignore-case}, {@code anything-but}, {@code numeric}, {@code exists}, {@code cidr}, {@code
 * wildcard}, {@code $or}); and the AWS Lambda Developer Guide, "Control which events Lambda sends
 * to your function", for event filtering. Where those pages are silent the choices are noted in
 * PatternParser and PatternNode (package-private); a pattern {@code {}} with no field matches every
 * event (this evaluator's reading: it tests nothing).
 */
public final class EventPattern {

    private final String json;
    private final PatternNode root;

    private EventPattern(String json, PatternNode root) {
        this.json = json;
        this.root = root;
    }

    /**
     * Parses and validates a pattern.
     *
     * @param json the pattern, a JSON object
     * @return the pattern
     * @throws InvalidEventPatternException when EventBridge would refuse the pattern
     */
    public static EventPattern parse(String json) {
        return new EventPattern(json, PatternParser.parse(json));
    }

    /**
     * Matches an event.
     *
     * @param event the event (or record) as JSON
     * @return the structured result and its explanation
     */
    public PatternMatch match(JsonNode event) {
        Objects.requireNonNull(event, "event");
        PatternMatch.NodeResult result = root.evaluate(event);
        return new PatternMatch(result.matched(), result, PatternExplainer.explain(result));
    }

    /**
     * Whether the event matches.
     *
     * @param event the event (or record) as JSON
     * @return true when every field of the pattern matches
     */
    public boolean matches(JsonNode event) {
        Objects.requireNonNull(event, "event");
        return root.evaluate(event).matched();
    }

    /**
     * Why the event matches or not, in one sentence, for example {@code The event does not match
     * the pattern: detail.state is "running", and the pattern asks for "stopped" or "terminated".}
     *
     * @param event the event (or record) as JSON
     * @return the sentence
     */
    public String explain(JsonNode event) {
        return match(event).explanation();
    }

    /**
     * The pattern as given.
     *
     * @return the JSON text
     */
    public String json() {
        return json;
    }

    @Override
    public String toString() {
        return json;
    }
}
