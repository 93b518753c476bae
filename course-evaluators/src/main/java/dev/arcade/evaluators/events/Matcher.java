package dev.arcade.evaluators.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * One value of a pattern's array: an exact value or a content filter. A field matches when any of
 * its matchers accepts any of the event's leaf values at that field (arrays are OR, "Amazon
 * EventBridge event patterns"), except {@code exists: false}, which accepts the field's absence.
 */
sealed interface Matcher {

    /**
     * Whether the leaf value (a string, number, boolean or null node) is accepted.
     *
     * @param value a leaf of the event
     * @return true when accepted
     */
    boolean accepts(JsonNode value);

    /**
     * What the matcher asks for, in words.
     *
     * @return for example {@code a value starting with "us-"}
     */
    String describe();

    /** An exact string, number, boolean or null ("Exact matching"). Numbers compare as numbers. */
    record Exact(JsonNode expected) implements Matcher {
        @Override
        public boolean accepts(JsonNode value) {
            return sameValue(expected, value);
        }

        @Override
        public String describe() {
            return expected.toString();
        }
    }

    /** {@code prefix}, optionally {@code equals-ignore-case} inside it ("Prefix matching"). */
    record Prefix(String prefix, boolean ignoreCase) implements Matcher {
        @Override
        public boolean accepts(JsonNode value) {
            return value.isTextual() && value.asText().regionMatches(ignoreCase, 0, prefix, 0, prefix.length());
        }

        @Override
        public String describe() {
            return "a string starting with " + quote(prefix) + (ignoreCase ? " in any case" : "");
        }
    }

    /** {@code suffix}, optionally {@code equals-ignore-case} inside it ("Suffix matching"). */
    record Suffix(String suffix, boolean ignoreCase) implements Matcher {
        @Override
        public boolean accepts(JsonNode value) {
            if (!value.isTextual()) {
                return false;
            }
            String text = value.asText();
            int start = text.length() - suffix.length();
            return start >= 0 && text.regionMatches(ignoreCase, start, suffix, 0, suffix.length());
        }

        @Override
        public String describe() {
            return "a string ending with " + quote(suffix) + (ignoreCase ? " in any case" : "");
        }
    }

    /** {@code equals-ignore-case} ("Equals-ignore-case matching"). */
    record IgnoreCase(String expected) implements Matcher {
        @Override
        public boolean accepts(JsonNode value) {
            return value.isTextual() && value.asText().equalsIgnoreCase(expected);
        }

        @Override
        public String describe() {
            return quote(expected) + " in any case";
        }
    }

    /**
     * {@code wildcard}: {@code *} stands for any run of characters, {@code \*} and {@code \\} for a
     * literal star and backslash ("Matching using wildcards").
     */
    record Wildcard(String pattern) implements Matcher {
        @Override
        public boolean accepts(JsonNode value) {
            return value.isTextual() && wildcardMatches(pattern, value.asText());
        }

        @Override
        public String describe() {
            return "a string like " + quote(pattern) + " (wildcard)";
        }
    }

    /** {@code numeric} with one or two comparisons ("Numeric matching"). */
    record Numeric(List<Comparison> comparisons) implements Matcher {
        @Override
        public boolean accepts(JsonNode value) {
            if (!value.isNumber()) {
                return false;
            }
            BigDecimal number = value.decimalValue();
            return comparisons.stream().allMatch(c -> c.test(number));
        }

        @Override
        public String describe() {
            return "a number " + comparisons.stream().map(Comparison::describe).collect(Collectors.joining(" and "));
        }
    }

    /** One comparison of a {@code numeric} filter. */
    record Comparison(String operator, BigDecimal operand) {
        boolean test(BigDecimal number) {
            int c = number.compareTo(operand);
            return switch (operator) {
                case "<" -> c < 0;
                case "<=" -> c <= 0;
                case "=" -> c == 0;
                case ">" -> c > 0;
                case ">=" -> c >= 0;
                default -> throw new IllegalStateException(operator);
            };
        }

        String describe() {
            return operator + " " + operand.stripTrailingZeros().toPlainString();
        }
    }

    /** {@code cidr}: an IPv4 or IPv6 address within a block ("IP address matching"). */
    record Cidr(String block, byte[] network, int prefixLength) implements Matcher {
        @Override
        public boolean accepts(JsonNode value) {
            if (!value.isTextual()) {
                return false;
            }
            byte[] address = IpAddresses.parse(value.asText());
            return address != null
                    && address.length == network.length
                    && IpAddresses.inBlock(address, network, prefixLength);
        }

        @Override
        public String describe() {
            return "an IP address in " + block;
        }
    }

    /** {@code anything-but}: every value the inner matchers do not accept ("Anything-but matching"). */
    record AnythingBut(List<Matcher> excluded) implements Matcher {
        @Override
        public boolean accepts(JsonNode value) {
            return excluded.stream().noneMatch(m -> m.accepts(value));
        }

        @Override
        public String describe() {
            return "anything but " + excluded.stream().map(Matcher::describe).collect(Collectors.joining(" or "));
        }
    }

    /**
     * {@code exists}: with true, a leaf value is present; with false, the field is absent
     * ("Exists matching": it works on leaf nodes only, not on intermediate objects).
     */
    record Exists(boolean present) implements Matcher {
        @Override
        public boolean accepts(JsonNode value) {
            return present;
        }

        @Override
        public String describe() {
            return present ? "the field to be present" : "the field to be absent";
        }
    }

    private static boolean sameValue(JsonNode expected, JsonNode value) {
        if (expected.isNumber()) {
            return value.isNumber() && expected.decimalValue().compareTo(value.decimalValue()) == 0;
        }
        if (expected.isNull()) {
            return value.isNull();
        }
        return expected.equals(value);
    }

    private static String quote(String text) {
        return "\"" + text + "\"";
    }

    static boolean wildcardMatches(String pattern, String text) {
        // compile to literal segments separated by stars, honouring \* and \\
        List<String> segments = new java.util.ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length()) {
                current.append(pattern.charAt(++i));
            } else if (c == '*') {
                segments.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        segments.add(current.toString());
        if (segments.size() == 1) {
            return text.equals(segments.get(0));
        }
        String first = segments.get(0);
        String last = segments.get(segments.size() - 1);
        if (!text.startsWith(first) || text.length() < first.length() + last.length()) {
            return false;
        }
        int position = first.length();
        int end = text.length() - last.length();
        for (int i = 1; i < segments.size() - 1; i++) {
            int found = text.indexOf(segments.get(i), position);
            if (found < 0 || found + segments.get(i).length() > end) {
                return false;
            }
            position = found + segments.get(i).length();
        }
        return text.endsWith(last);
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
