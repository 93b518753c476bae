package dev.arcade.evaluators.iam;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arcade.evaluators.iam.internal.ArnPattern;
import dev.arcade.evaluators.iam.internal.ConditionClause;
import dev.arcade.evaluators.iam.internal.PolicyTemplate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One parsed, immutable statement of a {@link PolicyDocument}.
 *
 * <p>It keeps the elements of "IAM JSON policy elements reference": {@code Sid}, {@code Effect},
 * {@code Principal}/{@code NotPrincipal}, {@code Action}/{@code NotAction},
 * {@code Resource}/{@code NotResource} and {@code Condition}, each validated when the policy is
 * parsed so that evaluation never meets a malformed statement.
 */
public final class PolicyStatement {

    /** The {@code Effect} element. */
    public enum Effect {
        /** {@code "Effect": "Allow"}. */
        ALLOW,
        /** {@code "Effect": "Deny"}. */
        DENY;

        /**
         * The effect as written in policies.
         *
         * @return {@code Allow} or {@code Deny}
         */
        public String policyName() {
            return this == ALLOW ? "Allow" : "Deny";
        }
    }

    private static final Set<String> ELEMENTS = Set.of(
            "Sid",
            "Effect",
            "Principal",
            "NotPrincipal",
            "Action",
            "NotAction",
            "Resource",
            "NotResource",
            "Condition");

    private final int index;
    private final String sid;
    private final Effect effect;
    private final boolean notAction;
    private final List<String> actions;
    private final List<ArnPattern> actionPatterns;
    private final Boolean notResource;
    private final List<String> resources;
    private final List<PolicyTemplate> resourceTemplates;
    private final PrincipalElement principal;
    private final boolean notPrincipal;
    private final List<ConditionClause> conditions;
    private final String json;

    private PolicyStatement(Builder b) {
        this.index = b.index;
        this.sid = b.sid;
        this.effect = b.effect;
        this.notAction = b.notAction;
        this.actions = List.copyOf(b.actions);
        this.actionPatterns = List.copyOf(b.actionPatterns);
        this.notResource = b.notResource;
        this.resources = List.copyOf(b.resources);
        this.resourceTemplates = List.copyOf(b.resourceTemplates);
        this.principal = b.principal;
        this.notPrincipal = b.notPrincipal;
        this.conditions = List.copyOf(b.conditions);
        this.json = b.json;
    }

    private static final class Builder {
        int index;
        String sid;
        Effect effect;
        boolean notAction;
        List<String> actions = new ArrayList<>();
        List<ArnPattern> actionPatterns = new ArrayList<>();
        Boolean notResource;
        List<String> resources = new ArrayList<>();
        List<PolicyTemplate> resourceTemplates = new ArrayList<>();
        PrincipalElement principal;
        boolean notPrincipal;
        List<ConditionClause> conditions = new ArrayList<>();
        String json;
    }

    /**
     * Parses and validates one statement object.
     *
     * @param node the statement JSON
     * @param index its position in the policy
     * @param variablesEnabled whether the policy's language version supports policy variables
     * @return the statement
     */
    static PolicyStatement parse(JsonNode node, int index, boolean variablesEnabled) {
        String where = "statement " + index;
        if (!node.isObject()) {
            throw new PolicyParseException(where + " must be a JSON object, not " + describeType(node));
        }
        Builder b = new Builder();
        b.index = index;
        JsonNode sidNode = node.get("Sid");
        if (sidNode != null) {
            if (!sidNode.isTextual()) {
                throw new PolicyParseException(where + ": Sid must be a string");
            }
            b.sid = sidNode.asText();
            where += " (Sid \"" + b.sid + "\")";
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!ELEMENTS.contains(name)) {
                throw new PolicyParseException(where + ": unknown element \"" + name + "\"" + suggest(name)
                        + "; a statement may contain Sid, Effect, Principal, NotPrincipal, Action, NotAction,"
                        + " Resource, NotResource and Condition");
            }
        }

        JsonNode effectNode = node.get("Effect");
        if (effectNode == null) {
            throw new PolicyParseException(
                    where + ": Effect is missing; write \"Effect\": \"Allow\" or \"Effect\": \"Deny\"");
        }
        if (effectNode.isTextual() && effectNode.asText().equals("Allow")) {
            b.effect = Effect.ALLOW;
        } else if (effectNode.isTextual() && effectNode.asText().equals("Deny")) {
            b.effect = Effect.DENY;
        } else {
            throw new PolicyParseException(
                    where + ": Effect must be exactly \"Allow\" or \"Deny\", not " + Json.compact(effectNode));
        }

        boolean hasAction = node.has("Action");
        boolean hasNotAction = node.has("NotAction");
        if (hasAction == hasNotAction) {
            throw new PolicyParseException(
                    where
                            + (hasAction
                                    ? ": has both Action and NotAction; use one of them"
                                    : ": has neither Action nor NotAction; say which actions it covers, such as \"Action\": \"dynamodb:GetItem\""));
        }
        b.notAction = hasNotAction;
        String actionElement = hasAction ? "Action" : "NotAction";
        for (String action : strings(node.get(actionElement), where, actionElement)) {
            int colon = action.indexOf(':');
            if (!action.equals("*") && (colon <= 0 || colon == action.length() - 1)) {
                throw new PolicyParseException(where + ": " + actionElement + " \"" + action
                        + "\" is not an action; write service:Action, such as \"dynamodb:GetItem\" or \"s3:*\"");
            }
            b.actions.add(action);
            b.actionPatterns.add(ArnPattern.compile(action));
        }

        if (node.has("Resource") && node.has("NotResource")) {
            throw new PolicyParseException(where + ": has both Resource and NotResource; use one of them");
        }
        if (node.has("Resource") || node.has("NotResource")) {
            b.notResource = node.has("NotResource");
            String element = b.notResource ? "NotResource" : "Resource";
            for (String resource : strings(node.get(element), where, element)) {
                if (!resource.equals("*") && !resource.startsWith("arn:")) {
                    throw new PolicyParseException(where + ": " + element + " \"" + resource
                            + "\" is not an ARN; write \"*\" or a full ARN such as"
                            + " \"arn:aws:dynamodb:us-east-1:123456789012:table/" + resource + "\"");
                }
                b.resources.add(resource);
                b.resourceTemplates.add(PolicyTemplate.parseResource(resource, variablesEnabled));
            }
        }

        if (node.has("Principal") && node.has("NotPrincipal")) {
            throw new PolicyParseException(where + ": has both Principal and NotPrincipal; use one of them");
        }
        if (node.has("Principal")) {
            b.principal = PrincipalElement.parse(node.get("Principal"), where);
        } else if (node.has("NotPrincipal")) {
            b.principal = PrincipalElement.parse(node.get("NotPrincipal"), where);
            b.notPrincipal = true;
        }

        JsonNode condition = node.get("Condition");
        if (condition != null) {
            parseConditions(condition, where, variablesEnabled, b.conditions);
        }
        b.json = Json.pretty(node);
        return new PolicyStatement(b);
    }

    private static void parseConditions(
            JsonNode condition, String where, boolean variablesEnabled, List<ConditionClause> out) {
        if (!condition.isObject()) {
            throw new PolicyParseException(where + ": Condition must be an object such as"
                    + " {\"StringEquals\": {\"aws:PrincipalTag/team\": \"blue\"}}");
        }
        for (Iterator<Map.Entry<String, JsonNode>> ops = condition.fields(); ops.hasNext(); ) {
            Map.Entry<String, JsonNode> op = ops.next();
            if (!op.getValue().isObject() || op.getValue().isEmpty()) {
                throw new PolicyParseException(where + ": Condition operator \"" + op.getKey()
                        + "\" must map condition keys to values, such as {\"aws:SourceIp\": \"203.0.113.0/24\"}");
            }
            for (Iterator<Map.Entry<String, JsonNode>> keys = op.getValue().fields(); keys.hasNext(); ) {
                Map.Entry<String, JsonNode> key = keys.next();
                List<String> values = conditionValues(key.getValue(), where, op.getKey(), key.getKey());
                try {
                    out.add(ConditionClause.parse(op.getKey(), key.getKey(), values, variablesEnabled));
                } catch (IllegalArgumentException e) {
                    throw new PolicyParseException(where + ": " + e.getMessage(), e);
                }
            }
        }
    }

    private static List<String> conditionValues(JsonNode node, String where, String op, String key) {
        List<String> values = new ArrayList<>();
        if (node.isArray()) {
            for (JsonNode item : node) {
                values.add(scalar(item, where, op, key));
            }
        } else {
            values.add(scalar(node, where, op, key));
        }
        return values;
    }

    private static String scalar(JsonNode node, String where, String op, String key) {
        if (node.isTextual() || node.isNumber() || node.isBoolean()) {
            return node.asText();
        }
        throw new PolicyParseException(where + ": condition " + op + " on \"" + key
                + "\" must have a string, number or boolean value (or a list of them), not " + describeType(node));
    }

    private static List<String> strings(JsonNode node, String where, String element) {
        List<String> out = new ArrayList<>();
        if (node.isTextual()) {
            out.add(node.asText());
        } else if (node.isArray()) {
            if (node.isEmpty()) {
                throw new PolicyParseException(where + ": " + element + " is an empty list");
            }
            for (JsonNode item : node) {
                if (!item.isTextual()) {
                    throw new PolicyParseException(
                            where + ": every " + element + " entry must be a string, not " + describeType(item));
                }
                out.add(item.asText());
            }
        } else {
            throw new PolicyParseException(
                    where + ": " + element + " must be a string or a list of strings, not " + describeType(node));
        }
        for (String value : out) {
            if (value.isBlank()) {
                throw new PolicyParseException(where + ": " + element + " contains an empty string");
            }
        }
        return out;
    }

    private static String suggest(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (String element : ELEMENTS) {
            String wanted = element.toLowerCase(Locale.ROOT);
            if (lower.equals(wanted) || lower.equals(wanted + "s")) {
                return " (did you mean \"" + element + "\"?)";
            }
        }
        return "";
    }

    static String describeType(JsonNode node) {
        if (node.isObject()) {
            return "an object";
        }
        if (node.isArray()) {
            return "a list";
        }
        if (node.isNull()) {
            return "null";
        }
        return node.getNodeType().name().toLowerCase(Locale.ROOT) + " " + node.asText();
    }

    /**
     * The statement's zero-based position in its policy.
     *
     * @return the index
     */
    public int index() {
        return index;
    }

    /**
     * The statement's {@code Sid}.
     *
     * @return the Sid, or null when the statement has none
     */
    public String sid() {
        return sid;
    }

    /**
     * The statement's {@code Effect}.
     *
     * @return allow or deny
     */
    public Effect effect() {
        return effect;
    }

    /**
     * The actions of the {@code Action} element, or of {@code NotAction} when {@link #isNotAction()}.
     *
     * @return the action patterns as written
     */
    public List<String> actions() {
        return actions;
    }

    /**
     * Tells whether the statement uses {@code NotAction}.
     *
     * @return true for NotAction
     */
    public boolean isNotAction() {
        return notAction;
    }

    /**
     * The ARNs of the {@code Resource} element, or of {@code NotResource} when
     * {@link #isNotResource()}; empty when the statement has neither, as trust policies do.
     *
     * @return the resource patterns as written
     */
    public List<String> resources() {
        return resources;
    }

    /**
     * Tells whether the statement uses {@code NotResource}.
     *
     * @return true for NotResource
     */
    public boolean isNotResource() {
        return Boolean.TRUE.equals(notResource);
    }

    /**
     * Tells whether the statement has a {@code Resource} or {@code NotResource} element.
     *
     * @return true when one of them is present
     */
    public boolean hasResourceElement() {
        return notResource != null;
    }

    /**
     * Tells whether the statement has a {@code Principal} or {@code NotPrincipal} element.
     *
     * @return true when one of them is present
     */
    public boolean hasPrincipalElement() {
        return principal != null;
    }

    /**
     * Tells whether the statement uses {@code NotPrincipal}.
     *
     * @return true for NotPrincipal
     */
    public boolean isNotPrincipal() {
        return notPrincipal;
    }

    /**
     * Tells whether the statement has a {@code Condition} element.
     *
     * @return true when it has at least one condition
     */
    public boolean hasConditions() {
        return !conditions.isEmpty();
    }

    /**
     * The statement as pretty-printed JSON, as written (element order kept).
     *
     * @return the JSON text
     */
    public String json() {
        return json;
    }

    List<ArnPattern> actionPatterns() {
        return actionPatterns;
    }

    List<PolicyTemplate> resourceTemplates() {
        return resourceTemplates;
    }

    PrincipalElement principal() {
        return principal;
    }

    List<ConditionClause> conditions() {
        return conditions;
    }

    /**
     * Names the statement in English.
     *
     * @return for example {@code statement 0 (Sid "ReadBooks")}
     */
    String label() {
        return "statement " + index + (sid == null ? "" : " (Sid \"" + sid + "\")");
    }

    /**
     * Summarises what the statement does in one line.
     *
     * @return for example {@code Allow dynamodb:GetItem, dynamodb:PutItem on arn:aws:...:table/Books}
     */
    String summary() {
        StringBuilder out = new StringBuilder(effect.policyName()).append(' ');
        out.append(notAction ? "every action except " : "").append(String.join(", ", actions));
        if (notResource != null) {
            out.append(notResource ? " on every resource except " : " on ").append(String.join(", ", resources));
        }
        if (principal != null) {
            out.append(notPrincipal ? " for everyone except " : " for ").append(principal.compactJson());
        }
        if (!conditions.isEmpty()) {
            out.append(" when ")
                    .append(conditions.size() == 1 ? "1 condition holds" : conditions.size() + " conditions hold");
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return label() + ": " + summary();
    }
}
