package dev.arcade.evaluators.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * The {@code FilterCriteria} of a Lambda event source mapping: a list of filters, each an
 * {@link EventPattern}; a record goes to the function when it matches at least one of them.
 *
 * <p>In: the {@code FilterCriteria} JSON as {@code CreateEventSourceMapping} takes it ({@code
 * {"Filters": [{"Pattern": "{...}"}]}}, each pattern a JSON string), then a record and the kind of
 * source. Out: whether the record passes, and a sentence.
 *
 * <p>Follows the AWS Lambda Developer Guide, "Control which events Lambda sends to your function"
 * (filters are combined with OR; an SQS {@code body} that is valid JSON is filtered as that JSON, a
 * Kinesis {@code data} is base64-decoded and filtered as JSON when it is JSON; DynamoDB records are
 * filtered as they are). Where the record's payload is not JSON it stays the string it is, so a
 * pattern on its properties does not match: the kit's reading. The quota on the number of filters
 * (5 by default, adjustable) is not enforced here.
 */
public final class LambdaFilterCriteria {

    /** The kind of event source, which says how Lambda prepares a record before filtering. */
    public enum Source {
        /** Amazon SQS: {@code body} is parsed when it is JSON. */
        SQS,
        /** Kinesis Data Streams: {@code kinesis.data} is base64-decoded and parsed when it is JSON. */
        KINESIS,
        /** DynamoDB Streams, Amazon MQ, Kafka and the rest: the record as it is. */
        AS_IS
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final List<EventPattern> filters;

    private LambdaFilterCriteria(List<EventPattern> filters) {
        this.filters = List.copyOf(filters);
    }

    /**
     * Parses a {@code FilterCriteria}.
     *
     * @param json {@code {"Filters": [{"Pattern": "..."}]}}
     * @return the criteria
     * @throws InvalidEventPatternException when the document or one of its patterns is invalid
     */
    public static LambdaFilterCriteria parse(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json == null ? "" : json);
        } catch (JsonProcessingException e) {
            throw new InvalidEventPatternException(e.getOriginalMessage());
        }
        if (root == null || !root.isObject() || !root.path("Filters").isArray()) {
            throw new InvalidEventPatternException("FilterCriteria must be an object with a Filters array");
        }
        List<EventPattern> patterns = new ArrayList<>();
        for (JsonNode filter : root.get("Filters")) {
            JsonNode pattern = filter.get("Pattern");
            if (pattern == null || !pattern.isTextual()) {
                throw new InvalidEventPatternException("each filter has a Pattern, a JSON object written as a string");
            }
            patterns.add(EventPattern.parse(pattern.asText()));
        }
        return new LambdaFilterCriteria(patterns);
    }

    /**
     * The criteria made of patterns already parsed.
     *
     * @param patterns the filters
     * @return the criteria
     */
    public static LambdaFilterCriteria of(List<EventPattern> patterns) {
        return new LambdaFilterCriteria(patterns);
    }

    /**
     * The record as Lambda filters it: an SQS body or a Kinesis data payload parsed when it is JSON.
     *
     * @param record the record as the source holds it
     * @param source the kind of source
     * @return a copy, prepared
     */
    public static JsonNode prepare(JsonNode record, Source source) {
        Objects.requireNonNull(record, "record");
        JsonNode copy = record.deepCopy();
        if (source == Source.SQS && copy.isObject() && copy.path("body").isTextual()) {
            parsed(copy.get("body").asText()).ifPresent(body -> ((ObjectNode) copy).set("body", body));
        }
        if (source == Source.KINESIS && copy.path("kinesis").path("data").isTextual()) {
            try {
                String text = new String(
                        Base64.getDecoder()
                                .decode(copy.get("kinesis").get("data").asText()),
                        StandardCharsets.UTF_8);
                parsed(text).ifPresent(data -> ((ObjectNode) copy.get("kinesis")).set("data", data));
            } catch (IllegalArgumentException notBase64) {
                // left as it is
            }
        }
        return copy;
    }

    private static java.util.Optional<JsonNode> parsed(String text) {
        try {
            JsonNode node = MAPPER.readTree(text);
            return node != null && node.isContainerNode() ? java.util.Optional.of(node) : java.util.Optional.empty();
        } catch (JsonProcessingException e) {
            return java.util.Optional.empty();
        }
    }

    /**
     * Whether the record goes to the function: it matches at least one filter. With no filter at
     * all every record goes.
     *
     * @param record the record as the source holds it
     * @param source the kind of source
     * @return true when it passes
     */
    public boolean matches(JsonNode record, Source source) {
        if (filters.isEmpty()) {
            return true;
        }
        JsonNode prepared = prepare(record, source);
        return filters.stream().anyMatch(f -> f.matches(prepared));
    }

    /**
     * Why the record passes or is dropped, in one sentence per filter considered.
     *
     * @param record the record as the source holds it
     * @param source the kind of source
     * @return the explanation
     */
    public String explain(JsonNode record, Source source) {
        if (filters.isEmpty()) {
            return "The mapping has no filter, so every record goes to the function.";
        }
        JsonNode prepared = prepare(record, source);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < filters.size(); i++) {
            PatternMatch match = filters.get(i).match(prepared);
            if (match.matched()) {
                return "The record goes to the function: filter " + (i + 1) + " matches. " + match.explanation();
            }
            lines.add("Filter " + (i + 1) + ": " + match.explanation());
        }
        return "Lambda drops the record: no filter matches. " + String.join(" ", lines);
    }

    /**
     * The filters.
     *
     * @return the patterns, in order
     */
    public List<EventPattern> filters() {
        return filters;
    }
}
