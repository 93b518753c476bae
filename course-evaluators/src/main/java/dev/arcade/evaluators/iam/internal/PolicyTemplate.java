package dev.arcade.evaluators.iam.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A policy string that may contain IAM policy variables ({@code ${aws:username}},
 * {@code ${aws:PrincipalTag/team, 'company-wide'}}, the escapes {@code ${*}}, {@code ${?}},
 * {@code ${$}}), parsed once and resolved per request.
 *
 * <p>Follows "IAM policy elements: Variables and tags" in the IAM User Guide: variables exist only in
 * policy language version 2012-10-17 (older versions treat {@code ${...}} literally); key names are
 * case-insensitive; a default is written after a comma in single quotes; and a variable whose key
 * has no value, and no default, leaves the string with no value at all, so that it matches nothing.
 * Substituted values are literal text: a user called {@code a*} does not gain a wildcard.
 *
 * <p>This class is an implementation helper of the IAM evaluator; its shape may change.
 */
public final class PolicyTemplate {

    private sealed interface Part permits Text, Variable {}

    /** Policy text, in which wildcards (where the element supports them) stay wildcards. */
    private record Text(String text) implements Part {}

    /** A variable reference, or an escape when {@code escaped} is non-null. */
    private record Variable(String key, String defaultValue, String escaped) implements Part {}

    /** What opens a policy variable, as in {@code ${aws:username}}. */
    private static final String OPEN = "${";

    private final String source;
    private final List<Part> parts;
    /** True for a Resource ARN with {@code ${} before its fifth colon, left unsubstituted. */
    private final boolean variableOutsideResourcePart;

    private PolicyTemplate(String source, List<Part> parts) {
        this(source, parts, false);
    }

    private PolicyTemplate(String source, List<Part> parts, boolean variableOutsideResourcePart) {
        this.source = source;
        this.parts = List.copyOf(parts);
        this.variableOutsideResourcePart = variableOutsideResourcePart;
    }

    /**
     * Parses a policy string.
     *
     * @param source the string as written in the policy
     * @param variablesEnabled whether the policy's language version supports variables
     * @return the parsed template
     */
    public static PolicyTemplate parse(String source, boolean variablesEnabled) {
        List<Part> parts = new ArrayList<>();
        if (!variablesEnabled) {
            parts.add(new Text(source));
            return new PolicyTemplate(source, parts);
        }
        StringBuilder text = new StringBuilder();
        int i = 0;
        while (i < source.length()) {
            int open = source.indexOf(OPEN, i);
            if (open < 0) {
                text.append(source, i, source.length());
                break;
            }
            int body = open + OPEN.length();
            int close = findClose(source, body);
            Variable variable = close < 0 ? null : parseVariable(source.substring(body, close));
            if (variable == null) {
                // Not a well-formed variable: IAM would treat the characters as they are.
                text.append(source, i, body);
                i = body;
                continue;
            }
            text.append(source, i, open);
            if (text.length() > 0) {
                parts.add(new Text(text.toString()));
                text.setLength(0);
            }
            parts.add(variable);
            i = close + 1;
        }
        if (text.length() > 0) {
            parts.add(new Text(text.toString()));
        }
        return new PolicyTemplate(source, parts);
    }

    /**
     * Parses a {@code Resource} or {@code NotResource} ARN, in which "Where you can use policy
     * variables" (IAM User Guide, "IAM policy elements: Variables and tags") allows variables "only in
     * the resource portion of the ARN", the part after the fifth colon: "You can't use a variable to
     * replace parts of the ARN before the fifth colon, such as the service or account." The part up
     * to and including the fifth colon is therefore kept as policy text, {@code ${...}} included, so
     * that it matches no real ARN there; that it is kept rather than refused is this evaluator's
     * reading, since the guide does not say that IAM rejects such a policy. The escapes
     * {@code ${*}}, {@code ${?}}, {@code ${$}} follow the same rule (the guide: they "can be used in
     * any string where you can use regular policy variables"). A string with fewer than five colons,
     * such as {@code "*"}, has no resource part and is parsed as text.
     *
     * @param resource the ARN as written in the policy
     * @param variablesEnabled whether the policy's language version supports variables
     * @return the parsed template
     */
    public static PolicyTemplate parseResource(String resource, boolean variablesEnabled) {
        int fifthColon = -1;
        for (int i = 0; i < Arns.COMPONENTS - 1; i++) {
            fifthColon = resource.indexOf(':', fifthColon + 1);
            if (fifthColon < 0) {
                return parse(resource, false);
            }
        }
        String prefix = resource.substring(0, fifthColon + 1);
        PolicyTemplate rest = parse(resource.substring(fifthColon + 1), variablesEnabled);
        List<Part> parts = new ArrayList<>();
        parts.add(new Text(prefix));
        parts.addAll(rest.parts);
        return new PolicyTemplate(resource, parts, variablesEnabled && prefix.contains(OPEN));
    }

    /**
     * Tells whether this Resource ARN has {@code ${} before its fifth colon, where the guide allows
     * no policy variable, so that it was kept as text.
     *
     * @return true when {@link #parseResource} left a variable unsubstituted
     */
    public boolean hasVariableOutsideResourcePart() {
        return variableOutsideResourcePart;
    }

    /** Finds the closing brace, skipping braces inside a quoted default value. */
    private static int findClose(String s, int from) {
        boolean quoted = false;
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (c == '}' && !quoted) {
                return i;
            }
        }
        return -1;
    }

    private static Variable parseVariable(String body) {
        String trimmed = body.strip();
        if (trimmed.equals("*") || trimmed.equals("?") || trimmed.equals("$")) {
            return new Variable(null, null, trimmed);
        }
        int comma = indexOfUnquoted(trimmed, ',');
        if (comma < 0) {
            return trimmed.isEmpty() || trimmed.contains("'") ? null : new Variable(trimmed, null, null);
        }
        String key = trimmed.substring(0, comma).strip();
        String rest = trimmed.substring(comma + 1).strip();
        if (key.isEmpty() || rest.length() < 2 || !rest.startsWith("'") || !rest.endsWith("'")) {
            return null;
        }
        // Two single quotes inside the default stand for one.
        String defaultValue = rest.substring(1, rest.length() - 1).replace("''", "'");
        return new Variable(key, defaultValue, null);
    }

    private static int indexOfUnquoted(String s, char wanted) {
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (c == wanted && !quoted) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The string as written in the policy.
     *
     * @return the source text
     */
    public String source() {
        return source;
    }

    /**
     * Tells whether the string contains any variable or escape.
     *
     * @return true when resolution can change the text
     */
    public boolean hasVariables() {
        return parts.stream().anyMatch(p -> p instanceof Variable);
    }

    /**
     * Resolves the template into a wildcard pattern, in which only the policy's own text keeps
     * its wildcards.
     *
     * @param lookup returns a variable key's single value, or empty when the key has no value
     * @return the pattern, or empty when a variable has no value and no default
     */
    public Optional<ArnPattern> resolvePattern(Function<String, Optional<String>> lookup) {
        ArnPattern.Builder builder = ArnPattern.builder();
        for (Part part : parts) {
            if (part instanceof Text text) {
                builder.glob(text.text());
            } else {
                Optional<String> value = valueOf((Variable) part, lookup);
                if (value.isEmpty()) {
                    return Optional.empty();
                }
                builder.literal(value.get());
            }
        }
        return Optional.of(builder.build());
    }

    /**
     * Resolves the template into plain text, for the exact-match operators.
     *
     * @param lookup returns a variable key's single value, or empty when the key has no value
     * @return the text, or empty when a variable has no value and no default
     */
    public Optional<String> resolveText(Function<String, Optional<String>> lookup) {
        StringBuilder out = new StringBuilder();
        for (Part part : parts) {
            if (part instanceof Text text) {
                out.append(text.text());
            } else {
                Optional<String> value = valueOf((Variable) part, lookup);
                if (value.isEmpty()) {
                    return Optional.empty();
                }
                out.append(value.get());
            }
        }
        return Optional.of(out.toString());
    }

    /**
     * Names the variables that have no value and no default in this request.
     *
     * @param lookup returns a variable key's single value, or empty when the key has no value
     * @return the unresolved variables as written, for example {@code ${aws:username}}
     */
    public List<String> unresolved(Function<String, Optional<String>> lookup) {
        List<String> missing = new ArrayList<>();
        for (Part part : parts) {
            if (part instanceof Variable variable && valueOf(variable, lookup).isEmpty()) {
                missing.add("${" + variable.key() + "}");
            }
        }
        return missing;
    }

    private static Optional<String> valueOf(Variable variable, Function<String, Optional<String>> lookup) {
        if (variable.escaped() != null) {
            return Optional.of(variable.escaped());
        }
        Optional<String> value = lookup.apply(variable.key());
        if (value.isPresent()) {
            return value;
        }
        return Optional.ofNullable(variable.defaultValue());
    }

    @Override
    public String toString() {
        return source;
    }
}
