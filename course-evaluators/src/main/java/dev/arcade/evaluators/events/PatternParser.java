package dev.arcade.evaluators.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Turns a pattern's JSON into {@link PatternNode}s, refusing what EventBridge refuses with the
 * reason Event Ruler (the library EventBridge and Lambda filtering use) gives. Where EventBridge's
 * documentation gives no wording, the reason is this parser's own, in the same style.
 */
final class PatternParser {

    /**
     * "Numeric matching only works with values that are between -5.0e9 and +5.0e9 inclusive"
     * (Content filtering in Amazon EventBridge event patterns).
     */
    static final BigDecimal NUMERIC_LIMIT = new BigDecimal("5.0e9");

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private PatternParser() {}

    static PatternNode parse(String json) {
        if (json == null || json.isBlank()) {
            throw new InvalidEventPatternException("Filter is not an object");
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidEventPatternException(e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new InvalidEventPatternException("Filter is not an object");
        }
        return object(root, List.of());
    }

    private static PatternNode object(JsonNode node, List<String> prefix) {
        List<PatternNode.Field> fields = new ArrayList<>();
        List<List<PatternNode>> ors = new ArrayList<>();
        collect(node, prefix, fields, ors);
        return new PatternNode(List.copyOf(fields), List.copyOf(ors));
    }

    private static void collect(
            JsonNode node, List<String> prefix, List<PatternNode.Field> fields, List<List<PatternNode>> ors) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String name = entry.getKey();
            JsonNode value = entry.getValue();
            if (name.equals("$or")) {
                ors.add(alternatives(value, prefix));
                continue;
            }
            List<String> path = new ArrayList<>(prefix);
            path.add(name);
            if (value.isObject()) {
                if (value.isEmpty()) {
                    // the documentation is silent; Event Ruler refuses an empty object as a value
                    throw new InvalidEventPatternException("Empty objects are not allowed");
                }
                collect(value, List.copyOf(path), fields, ors);
            } else if (value.isArray()) {
                fields.add(new PatternNode.Field(List.copyOf(path), matchers(value, name)));
            } else {
                throw new InvalidEventPatternException("\"" + name + "\" must be an object or an array");
            }
        }
    }

    private static List<PatternNode> alternatives(JsonNode value, List<String> prefix) {
        if (!value.isArray() || value.isEmpty()) {
            throw new InvalidEventPatternException("Or relationship array must not be empty");
        }
        List<PatternNode> alternatives = new ArrayList<>();
        for (JsonNode alternative : value) {
            if (!alternative.isObject() || alternative.isEmpty()) {
                throw new InvalidEventPatternException("Or relationship array must contain objects");
            }
            alternatives.add(object(alternative, prefix));
        }
        return List.copyOf(alternatives);
    }

    private static List<Matcher> matchers(JsonNode array, String name) {
        if (array.isEmpty()) {
            throw new InvalidEventPatternException("Empty arrays are not allowed");
        }
        List<Matcher> matchers = new ArrayList<>();
        for (JsonNode element : array) {
            if (element.isArray()) {
                throw new InvalidEventPatternException("Match value must be String, number, true, false, or null");
            }
            matchers.add(element.isObject() ? filter(element) : new Matcher.Exact(element));
        }
        return List.copyOf(matchers);
    }

    private static Matcher filter(JsonNode object) {
        if (object.size() != 1) {
            throw new InvalidEventPatternException("Only one key allowed in match expression");
        }
        Map.Entry<String, JsonNode> entry = object.fields().next();
        String key = entry.getKey();
        JsonNode value = entry.getValue();
        return switch (key) {
            case "prefix" -> prefixOrSuffix(value, true);
            case "suffix" -> prefixOrSuffix(value, false);
            case "equals-ignore-case" -> new Matcher.IgnoreCase(string(value, key));
            case "wildcard" -> wildcard(value);
            case "numeric" -> numeric(value);
            case "exists" -> exists(value);
            case "cidr" -> cidr(value);
            case "anything-but" -> anythingBut(value);
            default -> throw new InvalidEventPatternException("Unrecognized match type " + key);
        };
    }

    private static Matcher prefixOrSuffix(JsonNode value, boolean prefix) {
        String kind = prefix ? "prefix" : "suffix";
        if (value.isObject()) {
            if (value.size() != 1 || !value.has("equals-ignore-case")) {
                throw new InvalidEventPatternException(
                        "Unsupported " + kind + " pattern: only equals-ignore-case is allowed inside " + kind);
            }
            String text = string(value.get("equals-ignore-case"), kind + " equals-ignore-case");
            return prefix ? new Matcher.Prefix(text, true) : new Matcher.Suffix(text, true);
        }
        String text = string(value, kind);
        return prefix ? new Matcher.Prefix(text, false) : new Matcher.Suffix(text, false);
    }

    private static String string(JsonNode value, String kind) {
        if (!value.isTextual()) {
            throw new InvalidEventPatternException(kind + " match pattern must be a string");
        }
        return value.asText();
    }

    private static Matcher wildcard(JsonNode value) {
        String text = string(value, "wildcard");
        checkWildcard(text);
        return new Matcher.Wildcard(text);
    }

    /** "Consecutive wildcard characters are not supported" (Matching using wildcards). */
    private static void checkWildcard(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                if (i + 1 >= text.length() || (text.charAt(i + 1) != '*' && text.charAt(i + 1) != '\\')) {
                    throw new InvalidEventPatternException("Invalid escape character at pos " + i);
                }
                i++;
            } else if (c == '*' && i + 1 < text.length() && text.charAt(i + 1) == '*') {
                throw new InvalidEventPatternException("Consecutive wildcard characters at pos " + (i + 1));
            }
        }
    }

    private static Matcher numeric(JsonNode value) {
        if (!value.isArray() || value.isEmpty() || value.size() % 2 != 0 || value.size() > 4) {
            throw new InvalidEventPatternException(
                    "Value of numeric must be an array of one or two comparisons, each an operator and a number");
        }
        List<Matcher.Comparison> comparisons = new ArrayList<>();
        for (int i = 0; i < value.size(); i += 2) {
            JsonNode operator = value.get(i);
            JsonNode operand = value.get(i + 1);
            if (!operator.isTextual() || !List.of("<", "<=", "=", ">", ">=").contains(operator.asText())) {
                throw new InvalidEventPatternException("Invalid member in numeric match: " + operator);
            }
            if (!operand.isNumber()) {
                throw new InvalidEventPatternException("Value of " + operator.asText() + " must be numeric");
            }
            BigDecimal number = operand.decimalValue();
            if (number.abs().compareTo(NUMERIC_LIMIT) > 0) {
                throw new InvalidEventPatternException(
                        "Value of " + operator.asText() + " must be between -5.0e9 and +5.0e9 inclusive");
            }
            comparisons.add(new Matcher.Comparison(operator.asText(), number));
        }
        if (comparisons.size() == 2) {
            String low = comparisons.get(0).operator();
            String high = comparisons.get(1).operator();
            // a range is a lower bound followed by an upper bound ("Numeric matching" examples)
            if (!(low.startsWith(">") && high.startsWith("<"))) {
                throw new InvalidEventPatternException(
                        "Bad numeric range: a range is a lower bound (> or >=) followed by an upper bound (< or <=)");
            }
            if (comparisons.get(0).operand().compareTo(comparisons.get(1).operand()) >= 0) {
                throw new InvalidEventPatternException("Bottom must be less than top");
            }
        }
        return new Matcher.Numeric(List.copyOf(comparisons));
    }

    private static Matcher exists(JsonNode value) {
        if (!value.isBoolean()) {
            throw new InvalidEventPatternException("exists match pattern must be either true or false.");
        }
        return new Matcher.Exists(value.asBoolean());
    }

    private static Matcher cidr(JsonNode value) {
        String text = string(value, "cidr");
        int slash = text.indexOf('/');
        byte[] network = slash < 0 ? null : IpAddresses.parse(text.substring(0, slash));
        int bits = -1;
        if (network != null) {
            try {
                bits = Integer.parseInt(text.substring(slash + 1));
            } catch (NumberFormatException e) {
                bits = -1;
            }
        }
        if (network == null || bits < 0 || bits > network.length * 8) {
            throw new InvalidEventPatternException("Malformed CIDR: " + text);
        }
        return new Matcher.Cidr(text, network, bits);
    }

    private static Matcher anythingBut(JsonNode value) {
        if (value.isTextual() || value.isNumber()) {
            return new Matcher.AnythingBut(List.of(new Matcher.Exact(value)));
        }
        if (value.isArray()) {
            if (value.isEmpty()) {
                throw new InvalidEventPatternException("Empty arrays are not allowed");
            }
            List<Matcher> excluded = new ArrayList<>();
            boolean strings = value.get(0).isTextual();
            for (JsonNode element : value) {
                if (!(element.isTextual() || element.isNumber())) {
                    throw new InvalidEventPatternException(
                            "Inside anything but list, start|null|boolean is not supported.");
                }
                if (element.isTextual() != strings) {
                    throw new InvalidEventPatternException(
                            "Inside anything but list, all values must be of the same type");
                }
                excluded.add(new Matcher.Exact(element));
            }
            return new Matcher.AnythingBut(List.copyOf(excluded));
        }
        if (value.isObject() && value.size() == 1) {
            Map.Entry<String, JsonNode> entry = value.fields().next();
            JsonNode inner = entry.getValue();
            switch (entry.getKey()) {
                case "prefix":
                    return new Matcher.AnythingBut(strings(inner, "prefix", s -> new Matcher.Prefix(s, false)));
                case "suffix":
                    return new Matcher.AnythingBut(strings(inner, "suffix", s -> new Matcher.Suffix(s, false)));
                case "equals-ignore-case":
                    return new Matcher.AnythingBut(strings(inner, "equals-ignore-case", Matcher.IgnoreCase::new));
                case "wildcard":
                    return new Matcher.AnythingBut(strings(inner, "wildcard", s -> {
                        checkWildcard(s);
                        return new Matcher.Wildcard(s);
                    }));
                default:
                    throw new InvalidEventPatternException("Unsupported anything-but pattern: " + entry.getKey());
            }
        }
        throw new InvalidEventPatternException("Value of anything-but must be an array or single string/number value.");
    }

    /**
     * One string, or a list of strings. The documentation shows lists for wildcard and
     * equals-ignore-case inside anything-but; accepting them for prefix and suffix too is this
     * parser's reading (never refuse what EventBridge may accept).
     */
    private static List<Matcher> strings(
            JsonNode inner, String kind, java.util.function.Function<String, Matcher> make) {
        List<Matcher> matchers = new ArrayList<>();
        if (inner.isArray()) {
            if (inner.isEmpty()) {
                throw new InvalidEventPatternException("Empty arrays are not allowed");
            }
            for (JsonNode element : inner) {
                matchers.add(make.apply(string(element, kind)));
            }
        } else {
            matchers.add(make.apply(string(inner, kind)));
        }
        return List.copyOf(matchers);
    }
}
