package dev.arcade.evaluators.logs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A CloudWatch Logs filter pattern, as metric filters, subscription filters, FilterLogEvents and Live
 * Tail use it (Amazon CloudWatch Logs User Guide, "Filter pattern syntax for metric filters,
 * subscription filters, filter log events, and Live Tail", and "Supported regular expressions (regex)
 * syntax"): parsed once, then matched against log event messages.
 *
 * <p>The five forms, told apart by the pattern's first character:
 *
 * <ul>
 *   <li>empty (or only spaces): every event matches;
 *   <li>terms ({@code ERROR Exception}, {@code "Failed to process"}, {@code ?ERROR ?WARN}, {@code ERROR
 *       -Exiting}): each plain term must appear, no {@code -} term may appear, and when there are
 *       {@code ?} terms at least one of them must appear; matching is case-sensitive and by substring
 *       ({@code ERROR} matches "ERRORCODE"); a term that holds anything but letters, digits and {@code _}
 *       must be quoted;
 *   <li>JSON ({@code { $.level = "ERROR" && $.latency > 500 }}): selectors from {@code $} with {@code
 *       .name} and {@code [index]}; {@code =} and {@code !=} with a string (quoted, or bare with a leading
 *       or trailing {@code *} wildcard), a number or a {@code %regex%}; {@code < > <= >=} with a number;
 *       {@code IS NULL}, {@code IS TRUE}, {@code IS FALSE}, {@code NOT EXISTS}; {@code &&} before {@code
 *       ||}, and parentheses. A selector that points to an object, an array or nothing makes every
 *       comparison false ("JSON special considerations"); an event that is not a JSON object never
 *       matches;
 *   <li>space-delimited ({@code [ip, user, ..., status_code = 4*, bytes > 1000]}): the event is split at
 *       spaces, with text between {@code [ ]} or {@code " "} one field (without them); each slot of the
 *       pattern takes one field, {@code ...} any number; a slot may hold conditions on its field ({@code =
 *       != < > <= >=}, joined with {@code &&} or {@code ||}); the fields of a matching event are extracted,
 *       by slot name ({@code $status_code}) or, for unnamed slots and {@code ...}, by position ({@code $7});
 *   <li>regex ({@code %ERROR|WARN%}): the documented subset (letters, digits, {@code : _ # = @ / ; , -},
 *       the operators {@code ^ $ ? [ ] { } | \ * + .}; no parentheses, no multibyte characters), found
 *       anywhere in the message.
 * </ul>
 *
 * <p>Readings the documentation leaves open, and the one taken here: a bare term with other characters
 * is refused rather than guessed at; a JSON number compared with a JSON string compares the string's
 * text; a string compared with a number node compares the number's text ({@code { $.code = "400" }} and
 * {@code { $.code = 400 }} both match {@code "code": 400}); {@code *} inside a value (not at its ends)
 * is a literal, as "Ev*ent will only match the actual string Ev*ent" says; a condition in a
 * space-delimited slot may name only the fields the pattern declares.
 *
 * <p>Not modelled: the quota of two regular expressions per JSON or space-delimited pattern and five
 * regex patterns per log group, scientific notation inside JSON strings, and the newer {@code $.*}
 * wildcard selectors.
 */
public final class FilterPattern {

    /** The form of a pattern. */
    public enum Kind {
        /** Empty: every event. */
        ALL,
        /** Terms and quoted phrases, with {@code ?} and {@code -}. */
        TERMS,
        /** {@code { ... }} over JSON events. */
        JSON,
        /** {@code [ ... ]} over space-delimited events. */
        SPACE_DELIMITED,
        /** {@code %regex%}. */
        REGEX
    }

    private static final ObjectMapper JSON_READER = new ObjectMapper();
    private static final Pattern BARE_TERM = Pattern.compile("[A-Za-z0-9_]+");
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern FIELD_NAME = Pattern.compile("^([A-Za-z_][A-Za-z0-9_]*)");
    private static final Pattern CONDITION =
            Pattern.compile("^\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*(!=|<=|>=|=|<|>)\\s*(.+?)\\s*$");
    private static final Pattern REGEX_CHARACTERS = Pattern.compile("[A-Za-z0-9:_#=@/;,\\- ^$?\\[\\]{}|\\\\*+.]*");

    private final String text;
    private final Kind kind;
    private final Node root;

    private FilterPattern(String text, Kind kind, Node root) {
        this.text = text;
        this.kind = kind;
        this.root = root;
    }

    /**
     * Parses a filter pattern.
     *
     * @param pattern the pattern as a PutMetricFilter or FilterLogEvents request holds it; null is empty
     * @return the pattern
     * @throws InvalidFilterPatternException when CloudWatch Logs would refuse it
     */
    public static FilterPattern parse(String pattern) {
        String text = pattern == null ? "" : pattern;
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            return new FilterPattern(text, Kind.ALL, message -> result(true, "the empty pattern matches every event"));
        }
        if (trimmed.startsWith("{")) {
            if (!trimmed.endsWith("}")) {
                throw new InvalidFilterPatternException("a JSON pattern starts with { and ends with }");
            }
            return new FilterPattern(
                    text, Kind.JSON, new JsonParser(trimmed.substring(1, trimmed.length() - 1)).parse());
        }
        if (trimmed.startsWith("[")) {
            if (!trimmed.endsWith("]")) {
                throw new InvalidFilterPatternException("a space-delimited pattern starts with [ and ends with ]");
            }
            return new FilterPattern(
                    text, Kind.SPACE_DELIMITED, SpaceDelimited.parse(trimmed.substring(1, trimmed.length() - 1)));
        }
        if (trimmed.length() >= 2 && trimmed.startsWith("%") && trimmed.endsWith("%")) {
            Pattern regex = regex(trimmed.substring(1, trimmed.length() - 1));
            return new FilterPattern(
                    text,
                    Kind.REGEX,
                    message -> regex.matcher(message).find()
                            ? result(true, "the message matches " + trimmed)
                            : result(false, "nothing in the message matches " + trimmed));
        }
        return new FilterPattern(text, Kind.TERMS, Terms.parse(trimmed));
    }

    /** The pattern as given. */
    public String text() {
        return text;
    }

    /** Its form. */
    public Kind kind() {
        return kind;
    }

    /**
     * Matches one log event.
     *
     * @param message the event's message
     * @return whether it matches, the extracted fields, and why
     */
    public FilterMatch match(String message) {
        return root.match(message == null ? "" : message);
    }

    /** Whether one log event's message matches. */
    public boolean matches(String message) {
        return match(message).matched();
    }

    /** Why one log event's message matches or not, in one sentence. */
    public String explain(String message) {
        return match(message).explanation();
    }

    @Override
    public String toString() {
        return text;
    }

    // ---------------------------------------------------------------------------------------------

    private interface Node {
        FilterMatch match(String message);
    }

    private static FilterMatch result(boolean matched, String explanation) {
        return new FilterMatch(matched, Map.of(), explanation);
    }

    /** The documented regex subset, compiled; refuses what CloudWatch Logs refuses. */
    static Pattern regex(String body) {
        if (body.isEmpty()) {
            throw new InvalidFilterPatternException("a regular expression between % and % is empty");
        }
        if (body.indexOf('(') >= 0 || body.indexOf(')') >= 0) {
            throw new InvalidFilterPatternException(
                    "a regular expression may not use ( ): sub-patterns are not supported");
        }
        if (!REGEX_CHARACTERS.matcher(body).matches()) {
            throw new InvalidFilterPatternException("a regular expression may hold only letters, digits, the symbols"
                    + " : _ # = @ / ; , - and the operators ^ $ ? [ ] { } | \\ * + . (" + body + ")");
        }
        try {
            return Pattern.compile(body);
        } catch (PatternSyntaxException e) {
            throw new InvalidFilterPatternException(
                    "the regular expression " + body + " is not valid: " + e.getDescription());
        }
    }

    /**
     * The text of the double-quoted string that starts at {@code start} in {@code s}, with {@code \\}
     * escapes removed; {@code end[0]} is set to the index after its closing quote.
     *
     * @param what "term" or "value", for the message
     * @throws InvalidFilterPatternException when it is not closed
     */
    private static String quotedText(String s, int start, String what, int[] end) {
        StringBuilder text = new StringBuilder();
        int j = start + 1;
        while (j < s.length() && s.charAt(j) != '"') {
            if (s.charAt(j) == '\\' && j + 1 < s.length()) {
                j++;
            }
            text.append(s.charAt(j));
            j++;
        }
        if (j >= s.length()) {
            throw new InvalidFilterPatternException("a quoted " + what + " is not closed with \"");
        }
        end[0] = j + 1;
        return text.toString();
    }

    // ---- terms ----------------------------------------------------------------------------------

    private record Term(char prefix, String text) {}

    private static final class Terms implements Node {
        private final List<String> all = new ArrayList<>();
        private final List<String> any = new ArrayList<>();
        private final List<String> none = new ArrayList<>();

        static Terms parse(String pattern) {
            Terms terms = new Terms();
            int i = 0;
            while (i < pattern.length()) {
                char c = pattern.charAt(i);
                if (Character.isWhitespace(c)) {
                    i++;
                    continue;
                }
                char prefix = ' ';
                if (c == '?' || c == '-') {
                    prefix = c;
                    i++;
                    while (i < pattern.length() && Character.isWhitespace(pattern.charAt(i))) {
                        i++; // "ERROR" - "Exiting": the documentation writes a space after the minus
                    }
                    if (i >= pattern.length()) {
                        throw new InvalidFilterPatternException("a " + prefix + " must be followed by a term");
                    }
                }
                String term;
                if (pattern.charAt(i) == '"') {
                    int[] end = new int[1];
                    term = quotedText(pattern, i, "term", end);
                    i = end[0];
                } else {
                    int j = i;
                    while (j < pattern.length() && !Character.isWhitespace(pattern.charAt(j))) {
                        j++;
                    }
                    term = pattern.substring(i, j);
                    if (!BARE_TERM.matcher(term).matches()) {
                        throw new InvalidFilterPatternException("the term " + term + " holds characters other than"
                                + " letters, digits and _: put it in double quotes");
                    }
                    i = j;
                }
                switch (prefix) {
                    case '?' -> terms.any.add(term);
                    case '-' -> terms.none.add(term);
                    default -> terms.all.add(term);
                }
            }
            return terms;
        }

        @Override
        public FilterMatch match(String message) {
            for (String term : all) {
                if (!message.contains(term)) {
                    return result(false, "the message does not contain \"" + term + "\" (terms are case-sensitive)");
                }
            }
            for (String term : none) {
                if (message.contains(term)) {
                    return result(false, "the message contains \"" + term + "\", which the pattern excludes");
                }
            }
            if (!any.isEmpty() && any.stream().noneMatch(message::contains)) {
                return result(false, "the message contains none of " + quoted(any));
            }
            return result(
                    true,
                    "the message has what the terms ask"
                            + (all.isEmpty() ? "" : ": " + quoted(all))
                            + (any.isEmpty() ? "" : ", one of " + quoted(any))
                            + (none.isEmpty() ? "" : ", none of " + quoted(none)));
        }

        private static String quoted(List<String> terms) {
            return String.join(", ", terms.stream().map(t -> "\"" + t + "\"").toList());
        }
    }

    // ---- values shared by JSON and space-delimited conditions -------------------------------------

    /** The right-hand side of a comparison. */
    private record Value(String text, boolean quoted, BigDecimal number, Pattern regex) {
        static Value of(String raw, boolean quoted) {
            if (!quoted && raw.length() >= 2 && raw.startsWith("%") && raw.endsWith("%")) {
                return new Value(raw, false, null, FilterPattern.regex(raw.substring(1, raw.length() - 1)));
            }
            BigDecimal number = !quoted && NUMBER.matcher(raw).matches() ? new BigDecimal(raw) : null;
            return new Value(raw, quoted, number, null);
        }

        /** String equality with a leading or trailing {@code *} wildcard; a regex finds. */
        boolean equalsText(String actual) {
            if (regex != null) {
                return regex.matcher(actual).find();
            }
            if (text.equals("*")) {
                return true;
            }
            boolean leading = text.startsWith("*");
            boolean trailing = text.endsWith("*");
            String core = text.substring(leading ? 1 : 0, text.length() - (trailing ? 1 : 0));
            if (leading && trailing) {
                return actual.contains(core);
            }
            if (leading) {
                return actual.endsWith(core);
            }
            if (trailing) {
                return actual.startsWith(core);
            }
            return actual.equals(text);
        }

        @Override
        public String toString() {
            return quoted ? "\"" + text + "\"" : text;
        }
    }

    private static BigDecimal numberOf(String text) {
        return NUMBER.matcher(text).matches() ? new BigDecimal(text) : null;
    }

    /** Compares {@code actual} (a number, or null when it is not one) with a numeric operator. */
    private static boolean compare(BigDecimal actual, String operator, BigDecimal expected) {
        if (actual == null) {
            return false;
        }
        int c = actual.compareTo(expected);
        return switch (operator) {
            case "<" -> c < 0;
            case ">" -> c > 0;
            case "<=" -> c <= 0;
            case ">=" -> c >= 0;
            case "=" -> c == 0;
            case "!=" -> c != 0;
            default -> false;
        };
    }

    // ---- JSON -----------------------------------------------------------------------------------

    private interface Condition {
        boolean test(JsonNode event, List<String> why);
    }

    private static final class JsonParser {
        private final String s;
        private int i;

        JsonParser(String body) {
            this.s = body;
        }

        Node parse() {
            skip();
            if (i >= s.length()) {
                throw new InvalidFilterPatternException("a JSON pattern needs at least one condition between { }");
            }
            Condition condition = or();
            skip();
            if (i < s.length()) {
                throw new InvalidFilterPatternException("unexpected \"" + s.substring(i) + "\" in the JSON pattern");
            }
            return message -> {
                JsonNode event;
                try {
                    event = JSON_READER.readTree(message);
                } catch (JsonProcessingException e) {
                    event = null;
                }
                if (event == null || !event.isObject()) {
                    return result(
                            false, "the message is not a JSON object, and a JSON pattern matches only JSON events");
                }
                List<String> why = new ArrayList<>();
                boolean matched = condition.test(event, why);
                return result(matched, String.join("; ", why));
            };
        }

        private void skip() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }

        private boolean take(String token) {
            skip();
            if (s.startsWith(token, i)) {
                i += token.length();
                return true;
            }
            return false;
        }

        private Condition or() {
            List<Condition> parts = new ArrayList<>(List.of(and()));
            while (take("||")) {
                parts.add(and());
            }
            if (parts.size() == 1) {
                return parts.get(0);
            }
            return (event, why) -> {
                List<String> notes = new ArrayList<>();
                for (Condition part : parts) {
                    List<String> mine = new ArrayList<>();
                    if (part.test(event, mine)) {
                        why.addAll(mine);
                        return true;
                    }
                    notes.addAll(mine);
                }
                why.add("no side of || holds: " + String.join("; ", notes));
                return false;
            };
        }

        private Condition and() {
            List<Condition> parts = new ArrayList<>(List.of(primary()));
            while (take("&&")) {
                parts.add(primary());
            }
            if (parts.size() == 1) {
                return parts.get(0);
            }
            return (event, why) -> {
                for (Condition part : parts) {
                    if (!part.test(event, why)) {
                        return false;
                    }
                }
                return true;
            };
        }

        private Condition primary() {
            if (take("(")) {
                Condition inner = or();
                if (!take(")")) {
                    throw new InvalidFilterPatternException("a ( is not closed with ) in the JSON pattern");
                }
                return inner;
            }
            return comparison();
        }

        /** Reads a selector ($.a.b[0]) at the current position: its steps, names and indexes. */
        List<Object> selectorPath() {
            List<Object> path = new ArrayList<>();
            i++;
            while (i < s.length() && (s.charAt(i) == '.' || s.charAt(i) == '[')) {
                if (s.charAt(i) == '.') {
                    int j = ++i;
                    while (j < s.length()
                            && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_' || s.charAt(j) == '-')) {
                        j++;
                    }
                    if (j == i) {
                        throw new InvalidFilterPatternException("a selector's property after . needs a name");
                    }
                    path.add(s.substring(i, j));
                    i = j;
                } else {
                    if (path.isEmpty()) {
                        throw new InvalidFilterPatternException("an array index must follow a property ($.users[0])");
                    }
                    int end = s.indexOf(']', i);
                    String index = end < 0 ? "" : s.substring(i + 1, end);
                    if (!index.matches("\\d+")) {
                        throw new InvalidFilterPatternException("an array index is a number in [ ] ($.users[0])");
                    }
                    path.add(Integer.parseInt(index));
                    i = end + 1;
                }
            }
            return path;
        }

        private Condition comparison() {
            skip();
            if (i >= s.length() || s.charAt(i) != '$') {
                throw new InvalidFilterPatternException("a JSON condition starts with a selector such as $.level"
                        + (i < s.length() ? ", not \"" + s.substring(i) + "\"" : ""));
            }
            int start = i;
            List<Object> path = selectorPath();
            String selector = s.substring(start, i);
            if (path.isEmpty()) {
                throw new InvalidFilterPatternException("the selector $ needs a property: $.name");
            }
            skip();
            for (String keyword : List.of("IS NULL", "IS TRUE", "IS FALSE", "NOT EXISTS")) {
                if (s.regionMatches(true, i, keyword, 0, keyword.length())) {
                    i += keyword.length();
                    return keyword(selector, path, keyword);
                }
            }
            String operator = null;
            for (String op : List.of("!=", "<=", ">=", "=", "<", ">")) {
                if (s.startsWith(op, i)) {
                    operator = op;
                    i += op.length();
                    break;
                }
            }
            if (operator == null) {
                throw new InvalidFilterPatternException("after " + selector
                        + " comes an operator (= != < > <= >=) or IS" + " NULL, IS TRUE, IS FALSE, NOT EXISTS");
            }
            Value value = value();
            String op = operator;
            if (!op.equals("=") && !op.equals("!=") && value.number() == null) {
                throw new InvalidFilterPatternException(op + " compares numbers: " + selector + " " + op + " " + value);
            }
            return (event, why) -> {
                JsonNode node = select(event, path);
                if (node.isMissingNode() || node.isContainerNode() || node.isNull()) {
                    why.add(selector + " is "
                            + (node.isMissingNode()
                                    ? "not in the event"
                                    : node.isNull()
                                            ? "null"
                                            : "an " + (node.isArray() ? "array" : "object") + ", not a value")
                            + ", so " + selector + " "
                            + op + " " + value + " is false");
                    return false;
                }
                boolean holds;
                if (op.equals("=") || op.equals("!=")) {
                    boolean equal = value.number() != null && node.isNumber()
                            ? node.decimalValue().compareTo(value.number()) == 0
                            : value.equalsText(node.asText());
                    holds = op.equals("=") == equal;
                } else {
                    holds = node.isNumber() && compare(node.decimalValue(), op, value.number());
                }
                why.add(selector + " is " + node + (holds ? ", and the pattern wants " : "; the pattern wants ") + op
                        + " " + value);
                return holds;
            };
        }

        private Condition keyword(String selector, List<Object> path, String keyword) {
            String upper = keyword.toUpperCase(java.util.Locale.ROOT);
            return (event, why) -> {
                JsonNode node = select(event, path);
                boolean holds = switch (upper) {
                    case "IS NULL" -> node.isNull();
                    case "IS TRUE" -> node.isBoolean() && node.booleanValue();
                    case "IS FALSE" -> node.isBoolean() && !node.booleanValue();
                    default -> node.isMissingNode();
                };
                why.add(selector + (node.isMissingNode() ? " is not in the event" : " is " + node)
                        + "; the pattern wants " + upper);
                return holds;
            };
        }

        private Value value() {
            skip();
            if (i >= s.length()) {
                throw new InvalidFilterPatternException("a comparison needs a value after its operator");
            }
            if (s.charAt(i) == '"') {
                int[] end = new int[1];
                String text = quotedText(s, i, "value", end);
                i = end[0];
                return Value.of(text, true);
            }
            if (s.charAt(i) == '%') {
                int end = s.indexOf('%', i + 1);
                if (end < 0) {
                    throw new InvalidFilterPatternException("a regular expression is not closed with %");
                }
                String raw = s.substring(i, end + 1);
                i = end + 1;
                return Value.of(raw, false);
            }
            int j = i;
            while (j < s.length()
                    && !Character.isWhitespace(s.charAt(j))
                    && s.charAt(j) != ')'
                    && !s.startsWith("&&", j)
                    && !s.startsWith("||", j)) {
                j++;
            }
            String raw = s.substring(i, j);
            if (raw.isEmpty()) {
                throw new InvalidFilterPatternException("a comparison needs a value after its operator");
            }
            if (!raw.matches("[A-Za-z0-9_.*+\\-:/]+")) {
                throw new InvalidFilterPatternException(
                        "the value " + raw + " holds characters that need double quotes");
            }
            i = j;
            return Value.of(raw, false);
        }

        private static JsonNode select(JsonNode event, List<Object> path) {
            JsonNode node = event;
            for (Object step : path) {
                if (step instanceof String name) {
                    node = node.isObject() ? node.path(name) : MissingNode.getInstance();
                } else {
                    node = node.isArray() ? node.path((Integer) step) : MissingNode.getInstance();
                }
                if (node.isMissingNode()) {
                    return node;
                }
            }
            return node;
        }
    }

    /**
     * The value a JSON selector points to in a JSON log event, as a metric filter's metric value or
     * dimension reads it ({@code $.latency}, {@code $.user.id}, {@code $.numbers[0]}).
     *
     * @param message the event's message
     * @param selector the selector
     * @return the node, or empty when the event is not a JSON object or has no such value
     * @throws InvalidFilterPatternException when the selector is not one
     */
    static java.util.Optional<JsonNode> jsonValue(String message, String selector) {
        JsonParser parser = new JsonParser(selector.strip());
        if (parser.s.isEmpty() || parser.s.charAt(0) != '$') {
            throw new InvalidFilterPatternException("a JSON selector starts with $: " + selector);
        }
        List<Object> path = parser.selectorPath();
        if (path.isEmpty() || parser.i != parser.s.length()) {
            throw new InvalidFilterPatternException("not a JSON selector such as $.latency: " + selector);
        }
        JsonNode event;
        try {
            event = JSON_READER.readTree(message);
        } catch (JsonProcessingException e) {
            return java.util.Optional.empty();
        }
        if (event == null || !event.isObject()) {
            return java.util.Optional.empty();
        }
        JsonNode node = JsonParser.select(event, path);
        return node.isMissingNode() ? java.util.Optional.empty() : java.util.Optional.of(node);
    }

    // ---- space-delimited -----------------------------------------------------------------------

    private record Check(String field, String operator, Value value) {}

    private record Slot(String name, boolean ellipsis, List<List<Check>> anyOf) {}

    private static final class SpaceDelimited implements Node {
        private final List<Slot> slots;

        private SpaceDelimited(List<Slot> slots) {
            this.slots = slots;
        }

        static SpaceDelimited parse(String body) {
            List<String> parts = splitOutsideQuotes(body, ',');
            List<Slot> slots = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (String raw : parts) {
                String part = raw.strip();
                if (part.equals("...") || part.equals("\u2026")) {
                    slots.add(new Slot(null, true, List.of()));
                    continue;
                }
                java.util.regex.Matcher name = FIELD_NAME.matcher(part);
                if (part.isEmpty()) {
                    slots.add(new Slot(null, false, List.of()));
                    continue;
                }
                if (!name.find()) {
                    throw new InvalidFilterPatternException(
                            "a field of a space-delimited pattern starts with its name:" + " \"" + part + "\"");
                }
                names.add(name.group(1));
                String conditions = part.substring(name.end()).strip();
                slots.add(new Slot(name.group(1), false, conditions.isEmpty() ? List.of() : conditions(part)));
            }
            for (Slot slot : slots) {
                for (List<Check> all : slot.anyOf()) {
                    for (Check check : all) {
                        if (!names.contains(check.field())) {
                            throw new InvalidFilterPatternException("the condition on " + check.field()
                                    + " names a field" + " the pattern does not declare");
                        }
                    }
                }
            }
            return new SpaceDelimited(slots);
        }

        /** {@code a = 1 && b > 2 || a = 3}: || of && of checks. */
        private static List<List<Check>> conditions(String text) {
            List<List<Check>> anyOf = new ArrayList<>();
            for (String alternative : text.split("\\|\\|")) {
                List<Check> all = new ArrayList<>();
                for (String single : alternative.split("&&")) {
                    java.util.regex.Matcher m = CONDITION.matcher(single);
                    if (!m.matches()) {
                        throw new InvalidFilterPatternException("\"" + single.strip() + "\" is not a condition such as"
                                + " status_code = 200 or bytes > 1000");
                    }
                    String raw = m.group(3);
                    boolean quoted = raw.length() >= 2 && raw.startsWith("\"") && raw.endsWith("\"");
                    Value value = Value.of(quoted ? raw.substring(1, raw.length() - 1) : raw, quoted);
                    String op = m.group(2);
                    if (!op.equals("=") && !op.equals("!=") && value.number() == null) {
                        throw new InvalidFilterPatternException(op + " compares numbers: " + single.strip());
                    }
                    all.add(new Check(m.group(1), op, value));
                }
                anyOf.add(all);
            }
            return anyOf;
        }

        @Override
        public FilterMatch match(String message) {
            List<String> fields = fields(message);
            List<Integer> widths = new ArrayList<>();
            if (!bind(0, 0, fields, widths)) {
                return result(
                        false,
                        "the message has " + fields.size() + " field(s), which the pattern's " + slots.size()
                                + " slot(s) cannot take");
            }
            Map<String, String> values = new LinkedHashMap<>();
            Map<String, String> extracted = new LinkedHashMap<>();
            int position = 0;
            for (int s = 0; s < slots.size(); s++) {
                Slot slot = slots.get(s);
                for (int k = 0; k < widths.get(s); k++) {
                    String value = fields.get(position);
                    position++;
                    if (slot.name() != null) {
                        values.put(slot.name(), value);
                        extracted.put("$" + slot.name(), value);
                    } else {
                        extracted.put("$" + position, value);
                    }
                }
            }
            for (Slot slot : slots) {
                if (slot.anyOf().isEmpty()) {
                    continue;
                }
                boolean any = false;
                for (List<Check> all : slot.anyOf()) {
                    boolean holds = true;
                    for (Check check : all) {
                        if (!holds(check, values.get(check.field()))) {
                            holds = false;
                            break;
                        }
                    }
                    if (holds) {
                        any = true;
                        break;
                    }
                }
                if (!any) {
                    return result(
                            false,
                            "the field " + slot.name() + " is " + values.get(slot.name()) + "; the pattern wants "
                                    + describe(slot.anyOf()));
                }
            }
            return new FilterMatch(true, extracted, "every field meets the pattern's conditions");
        }

        private static boolean holds(Check check, String actual) {
            if (actual == null) {
                return false;
            }
            Value value = check.value();
            if (check.operator().equals("=") || check.operator().equals("!=")) {
                boolean equal = value.number() != null && numberOf(actual) != null
                        ? numberOf(actual).compareTo(value.number()) == 0
                        : value.equalsText(actual);
                return check.operator().equals("=") == equal;
            }
            return compare(numberOf(actual), check.operator(), value.number());
        }

        private static String describe(List<List<Check>> anyOf) {
            return String.join(
                    " || ",
                    anyOf.stream()
                            .map(all -> String.join(
                                    " && ",
                                    all.stream()
                                            .map(c -> c.field() + " " + c.operator() + " " + c.value())
                                            .toList()))
                            .toList());
        }

        /** Assigns a width to each slot: 1, or any for an ellipsis. */
        private boolean bind(int slot, int field, List<String> fields, List<Integer> widths) {
            if (slot == slots.size()) {
                return field == fields.size();
            }
            if (slots.get(slot).ellipsis()) {
                for (int w = fields.size() - field; w >= 0; w--) {
                    widths.add(w);
                    if (bind(slot + 1, field + w, fields, widths)) {
                        return true;
                    }
                    widths.remove(widths.size() - 1);
                }
                return false;
            }
            if (field >= fields.size()) {
                return false;
            }
            widths.add(1);
            if (bind(slot + 1, field + 1, fields, widths)) {
                return true;
            }
            widths.remove(widths.size() - 1);
            return false;
        }

        /** Splits at spaces; text between [ ] or " " is one field, without them. */
        static List<String> fields(String message) {
            List<String> fields = new ArrayList<>();
            int i = 0;
            while (i < message.length()) {
                char c = message.charAt(i);
                if (Character.isWhitespace(c)) {
                    i++;
                    continue;
                }
                if (c == '[' || c == '"') {
                    char close = c == '[' ? ']' : '"';
                    int end = message.indexOf(close, i + 1);
                    if (end > 0) {
                        fields.add(message.substring(i + 1, end));
                        i = end + 1;
                        continue;
                    }
                }
                int j = i;
                while (j < message.length() && !Character.isWhitespace(message.charAt(j))) {
                    j++;
                }
                fields.add(message.substring(i, j));
                i = j;
            }
            return fields;
        }

        private static List<String> splitOutsideQuotes(String text, char separator) {
            List<String> parts = new ArrayList<>();
            StringBuilder current = new StringBuilder();
            boolean quoted = false;
            for (char c : text.toCharArray()) {
                if (c == '"') {
                    quoted = !quoted;
                }
                if (c == separator && !quoted) {
                    parts.add(current.toString());
                    current.setLength(0);
                } else {
                    current.append(c);
                }
            }
            parts.add(current.toString());
            return parts;
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FilterPattern p && p.text.equals(text);
    }

    @Override
    public int hashCode() {
        return Objects.hash(text);
    }
}
