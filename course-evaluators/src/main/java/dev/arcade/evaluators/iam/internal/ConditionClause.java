package dev.arcade.evaluators.iam.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One operator-key pair of a policy's {@code Condition} block, such as
 * {@code "ForAllValues:StringEquals": {"dynamodb:LeadingKeys": ["${www.amazon.com:user_id}"]}},
 * parsed and ready to evaluate against a request.
 *
 * <p>The semantics follow the IAM User Guide:
 *
 * <ul>
 *   <li>several values for one key are ORed ("Condition element: multiple values");
 *   <li>a key missing from the request makes the operator false, except that a negated operator
 *       ({@code StringNotEquals}, {@code ArnNotLike}, ...) is then true, {@code ...IfExists} is then
 *       true and {@code Null} tests exactly that ("Condition operators", the Important note);
 *   <li>{@code ForAllValues:} is true when every request value matches some policy value, and also
 *       when the key is missing or empty; {@code ForAnyValue:} is true when at least one request
 *       value matches and false when the key is missing ("Set operators for multivalued context
 *       keys");
 *   <li>a plain operator (no {@code ForAllValues:}/{@code ForAnyValue:}) applied to a multivalued
 *       key such as {@code aws:TagKeys}, {@code aws:PrincipalServiceNamesList} or
 *       {@code dynamodb:Attributes} is true when any request value matches (negated: when none
 *       does), and an empty set counts as a missing key. This is <em>the evaluator's reading</em>:
 *       "Single-valued vs. multivalued context keys" says only that multivalued keys "require a
 *       condition set operator" and does not say what IAM decides without one; the reading agrees
 *       with the documented result whenever the request has one value, and IAM accepts such
 *       policies, so they are evaluated rather than refused;
 *   <li>policy variables are resolved only for the string and ARN operators, and a variable with no
 *       value matches nothing, which makes negated operators true ("Policy variables with no value").
 * </ul>
 *
 * <p>This class is an implementation helper of the IAM evaluator; its shape may change.
 */
public final class ConditionClause {

    /** The optional set operator in front of the condition operator. */
    public enum SetQualifier {
        /** No set operator. */
        NONE,
        /** {@code ForAllValues:}. */
        FOR_ALL_VALUES,
        /** {@code ForAnyValue:}. */
        FOR_ANY_VALUE
    }

    /** The outcome of evaluating a clause, with an English reason. */
    public record Result(boolean satisfied, String reason) {}

    private final String operatorText;
    private final ConditionOperator operator;
    private final SetQualifier qualifier;
    private final boolean ifExists;
    private final String key;
    private final List<String> values;
    private final List<PolicyTemplate> templates;

    private ConditionClause(
            String operatorText,
            ConditionOperator operator,
            SetQualifier qualifier,
            boolean ifExists,
            String key,
            List<String> values,
            List<PolicyTemplate> templates) {
        this.operatorText = operatorText;
        this.operator = operator;
        this.qualifier = qualifier;
        this.ifExists = ifExists;
        this.key = key;
        this.values = List.copyOf(values);
        this.templates = List.copyOf(templates);
    }

    /**
     * Parses and validates one condition.
     *
     * @param operatorText the operator as written, for example {@code ForAnyValue:StringLikeIfExists}
     * @param key the condition key as written
     * @param values the condition values as strings
     * @param variablesEnabled whether the policy's language version supports policy variables
     * @return the parsed clause
     * @throws IllegalArgumentException with a readable message when the operator is unknown or a
     *     value cannot be compared by it
     */
    public static ConditionClause parse(
            String operatorText, String key, List<String> values, boolean variablesEnabled) {
        String rest = operatorText;
        SetQualifier qualifier = SetQualifier.NONE;
        String lower = rest.toLowerCase(Locale.ROOT);
        if (lower.startsWith("forallvalues:")) {
            qualifier = SetQualifier.FOR_ALL_VALUES;
            rest = rest.substring("forallvalues:".length());
        } else if (lower.startsWith("foranyvalue:")) {
            qualifier = SetQualifier.FOR_ANY_VALUE;
            rest = rest.substring("foranyvalue:".length());
        }
        boolean ifExists = false;
        if (rest.toLowerCase(Locale.ROOT).endsWith("ifexists") && rest.length() > "ifexists".length()) {
            ifExists = true;
            rest = rest.substring(0, rest.length() - "ifexists".length());
        }
        String base = rest;
        ConditionOperator operator = ConditionOperator.byName(base)
                .orElseThrow(() -> new IllegalArgumentException("unknown condition operator \"" + operatorText
                        + "\"; IAM knows the String*, Numeric*, Date*, Bool, BinaryEquals, IpAddress,"
                        + " NotIpAddress, Arn* and Null operators, optionally with ForAllValues:/ForAnyValue:"
                        + " in front and IfExists at the end"));
        if (operator == ConditionOperator.NULL && (ifExists || qualifier != SetQualifier.NONE)) {
            throw new IllegalArgumentException("condition operator \"" + operatorText
                    + "\" is not valid: Null cannot take IfExists or a set operator");
        }
        if (key.isBlank()) {
            throw new IllegalArgumentException("condition operator \"" + operatorText + "\" has an empty key");
        }
        if (values.isEmpty()) {
            throw new IllegalArgumentException("condition " + operatorText + " on \"" + key + "\" has no values");
        }
        List<PolicyTemplate> templates = new ArrayList<>();
        for (String value : values) {
            validate(operator, operatorText, key, value);
            templates.add(PolicyTemplate.parse(value, variablesEnabled && operator.supportsVariables()));
        }
        return new ConditionClause(operatorText, operator, qualifier, ifExists, key, values, templates);
    }

    private static void validate(ConditionOperator operator, String operatorText, String key, String value) {
        String problem = switch (operator.family()) {
            case NUMERIC -> parseNumber(value).isPresent() ? null : "is not a number";
            case DATE ->
                DateValues.parse(value).isPresent()
                        ? null
                        : "is not a date (use ISO 8601 such as 2020-01-01T00:00:00Z, or epoch seconds)";
            case IP ->
                IpRange.parse(value).isPresent() ? null : "is not an IP address or CIDR block (such as 203.0.113.0/24)";
            case BOOL, NULL ->
                value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false") ? null : "is not true or false";
            case BINARY -> decodeBase64(value).isPresent() ? null : "is not base64";
            default -> null;
        };
        if (problem != null) {
            String hint = value.contains("${") ? " (policy variables work only with the String and Arn operators)" : "";
            throw new IllegalArgumentException(
                    "condition " + operatorText + " on \"" + key + "\": value \"" + value + "\" " + problem + hint);
        }
    }

    /**
     * The operator as written in the policy.
     *
     * @return for example {@code ForAllValues:StringEquals}
     */
    public String operatorText() {
        return operatorText;
    }

    /**
     * The base operator.
     *
     * @return the operator without set qualifier or IfExists
     */
    public ConditionOperator operator() {
        return operator;
    }

    /**
     * The set operator, if any.
     *
     * @return the qualifier
     */
    public SetQualifier qualifier() {
        return qualifier;
    }

    /**
     * Tells whether the operator ends in {@code IfExists}.
     *
     * @return true for {@code ...IfExists}
     */
    public boolean ifExists() {
        return ifExists;
    }

    /**
     * The condition key as written.
     *
     * @return for example {@code aws:SourceIp}
     */
    public String key() {
        return key;
    }

    /**
     * The condition values as written.
     *
     * @return the values, in policy order
     */
    public List<String> values() {
        return values;
    }

    /**
     * Evaluates the clause against a request.
     *
     * @param request the request's context values
     * @return whether the clause holds, and why
     */
    public Result evaluate(ContextKeys request) {
        List<String> requestValues = request.values(key);
        boolean present = requestValues != null && !requestValues.isEmpty();
        String head = describe(request);

        if (operator == ConditionOperator.NULL) {
            boolean holds = values.stream().anyMatch(v -> Boolean.parseBoolean(v.toLowerCase(Locale.ROOT)) != present);
            String state = present ? "is present (" + quoteAll(requestValues) + ")" : "is absent";
            return new Result(holds, head + " is " + holds + ": the key " + state);
        }

        List<Object> compiled = compile(request);
        switch (qualifier) {
            case FOR_ALL_VALUES -> {
                if (!present) {
                    return new Result(
                            true,
                            head + " is true: ForAllValues is true when the request has no " + key + " values at all");
                }
                for (String requestValue : requestValues) {
                    if (!singleHolds(requestValue, compiled)) {
                        return new Result(
                                false,
                                head + " is false: the request value \"" + requestValue + "\" "
                                        + (operator.negated()
                                                ? "matches a value in the policy"
                                                : "matches none of the policy's values")
                                        + (requestValues.size() > 1
                                                ? " (request values: " + quoteAll(requestValues) + ")"
                                                : ""));
                    }
                }
                return new Result(
                        true,
                        head + " is true: every request value " + quoteAll(requestValues)
                                + (operator.negated()
                                        ? " matches none of the policy's values"
                                        : " matches a value in the policy"));
            }
            case FOR_ANY_VALUE -> {
                if (!present) {
                    return new Result(
                            ifExists,
                            head + " is " + ifExists + ": the request has no " + key + " values"
                                    + (ifExists
                                            ? " and the operator ends in IfExists"
                                            : ", and ForAnyValue needs at least one"));
                }
                for (String requestValue : requestValues) {
                    if (singleHolds(requestValue, compiled)) {
                        return new Result(
                                true,
                                head + " is true: the request value \"" + requestValue + "\" "
                                        + (operator.negated()
                                                ? "matches none of the policy's values"
                                                : "matches a value in the policy"));
                    }
                }
                return new Result(
                        false,
                        head + " is false: "
                                + (operator.negated()
                                        ? "every request value " + quoteAll(requestValues)
                                                + " matches a value in the policy"
                                        : "none of the request values " + quoteAll(requestValues)
                                                + " matches a value in the policy"));
            }
            default -> {
                if (!present) {
                    if (ifExists) {
                        return new Result(
                                true,
                                head + " is true: the request has no " + key + " and the operator ends in IfExists");
                    }
                    if (operator.negated()) {
                        return new Result(
                                true,
                                head + " is true: the request has no " + key
                                        + ", and a negated operator holds when the key is missing");
                    }
                    return new Result(false, head + " is false: the request has no " + key);
                }
                boolean anyMatch = requestValues.stream().anyMatch(v -> anyPositive(v, compiled));
                boolean holds = operator.negated() != anyMatch;
                String verdict = holds ? "true" : "false";
                String why = "the request has " + quoteAll(requestValues)
                        + (anyMatch
                                ? ", which matches a value in the policy"
                                : ", which matches none of the policy's values");
                return new Result(holds, head + " is " + verdict + ": " + why);
            }
        }
    }

    /** For a set operator: one request value satisfies the (possibly negated) operator. */
    private boolean singleHolds(String requestValue, List<Object> compiled) {
        return operator.negated() != anyPositive(requestValue, compiled);
    }

    private boolean anyPositive(String requestValue, List<Object> compiled) {
        for (Object policyValue : compiled) {
            if (policyValue != null && positiveMatch(requestValue, policyValue)) {
                return true;
            }
        }
        return false;
    }

    /** Resolves variables and parses values; null stands for a variable with no value. */
    private List<Object> compile(ContextKeys request) {
        List<Object> compiled = new ArrayList<>(templates.size());
        ConditionOperator positive = operator.positive();
        for (int i = 0; i < templates.size(); i++) {
            PolicyTemplate template = templates.get(i);
            String raw = values.get(i);
            Object value = switch (positive.family()) {
                case STRING ->
                    positive == ConditionOperator.STRING_LIKE
                            ? template.resolvePattern(request::variable).orElse(null)
                            : template.resolveText(request::variable).orElse(null);
                case ARN -> template.resolvePattern(request::variable).orElse(null);
                case NUMERIC -> parseNumber(raw).orElse(null);
                case DATE -> DateValues.parse(raw).orElse(null);
                case IP -> IpRange.parse(raw).orElse(null);
                case BINARY -> decodeBase64(raw).orElse(null);
                default -> raw;
            };
            compiled.add(value);
        }
        return compiled;
    }

    private boolean positiveMatch(String requestValue, Object policyValue) {
        ConditionOperator positive = operator.positive();
        return switch (positive) {
            case STRING_EQUALS -> requestValue.equals(policyValue);
            case STRING_EQUALS_IGNORE_CASE -> requestValue.equalsIgnoreCase((String) policyValue);
            case STRING_LIKE -> ((ArnPattern) policyValue).matches(requestValue);
            case ARN_EQUALS, ARN_LIKE ->
                Arns.hasAllComponents(requestValue) && ((ArnPattern) policyValue).matchesArn(requestValue);
            case NUMERIC_EQUALS,
                    NUMERIC_LESS_THAN,
                    NUMERIC_LESS_THAN_EQUALS,
                    NUMERIC_GREATER_THAN,
                    NUMERIC_GREATER_THAN_EQUALS ->
                parseNumber(requestValue)
                        .map(n -> compare(positive, n.compareTo((BigDecimal) policyValue)))
                        .orElse(false);
            case DATE_EQUALS, DATE_LESS_THAN, DATE_LESS_THAN_EQUALS, DATE_GREATER_THAN, DATE_GREATER_THAN_EQUALS ->
                DateValues.parse(requestValue)
                        .map(d -> compare(positive, d.compareTo((Instant) policyValue)))
                        .orElse(false);
            case BOOL -> requestValue.strip().equalsIgnoreCase((String) policyValue);
            case BINARY_EQUALS ->
                decodeBase64(requestValue)
                        .map(bytes -> Arrays.equals(bytes, (byte[]) policyValue))
                        .orElse(false);
            case IP_ADDRESS -> ((IpRange) policyValue).contains(requestValue);
            default -> false;
        };
    }

    private static boolean compare(ConditionOperator operator, int comparison) {
        return switch (operator) {
            case NUMERIC_EQUALS, DATE_EQUALS -> comparison == 0;
            case NUMERIC_LESS_THAN, DATE_LESS_THAN -> comparison < 0;
            case NUMERIC_LESS_THAN_EQUALS, DATE_LESS_THAN_EQUALS -> comparison <= 0;
            case NUMERIC_GREATER_THAN, DATE_GREATER_THAN -> comparison > 0;
            case NUMERIC_GREATER_THAN_EQUALS, DATE_GREATER_THAN_EQUALS -> comparison >= 0;
            default -> false;
        };
    }

    private static Optional<BigDecimal> parseNumber(String text) {
        try {
            return Optional.of(new BigDecimal(text.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<byte[]> decodeBase64(String text) {
        try {
            return Optional.of(Base64.getDecoder().decode(text.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Renders the clause as it reads in the policy, with variables shown resolved. */
    private String describe(ContextKeys request) {
        List<String> shown = new ArrayList<>();
        for (PolicyTemplate template : templates) {
            String quoted = "\"" + template.source() + "\"";
            if (template.hasVariables()) {
                Optional<String> resolved = template.resolveText(request::variable);
                quoted += resolved.map(r -> " (= \"" + r + "\")")
                        .orElseGet(() -> " (" + String.join(", ", template.unresolved(request::variable))
                                + " has no value in this request)");
            }
            shown.add(quoted);
        }
        String list = shown.size() == 1 ? shown.get(0) : "[" + String.join(", ", shown) + "]";
        return "condition " + operatorText + " {\"" + key + "\": " + list + "}";
    }

    private static String quoteAll(List<String> values) {
        if (values.size() == 1) {
            return "\"" + values.get(0) + "\"";
        }
        return values.stream().map(v -> "\"" + v + "\"").collect(Collectors.joining(", ", "[", "]"));
    }

    @Override
    public String toString() {
        return operatorText + " {\"" + key + "\": " + values + "}";
    }
}
