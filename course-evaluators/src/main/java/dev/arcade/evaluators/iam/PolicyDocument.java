package dev.arcade.evaluators.iam;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A parsed, validated, immutable IAM policy document.
 *
 * <p>{@link #parse(String)} accepts the JSON as written or as IAM returns it: {@code GetRole},
 * {@code GetRolePolicy} and {@code GetPolicyVersion} hand back URL-encoded documents
 * ({@code %7B%22Version%22...}), which are decoded first. {@code Statement} may be a single object
 * or a list. {@code Version} may be {@code 2012-10-17}, {@code 2008-10-17} or absent; policy
 * variables are only recognised in {@code 2012-10-17}, as "IAM JSON policy elements: Version" says.
 *
 * <p>Parsing uses Jackson directly rather than the SDK's {@code IamPolicy.fromJson}: the evaluator
 * needs each statement's original JSON and position for its explanations, a strict reading
 * (duplicate keys, unknown elements, malformed condition values) with messages a learner can act
 * on, and condition values kept exactly as written, none of which the policy builder's model
 * preserves.
 */
public final class PolicyDocument {

    /** The current policy language version, the only one with policy variables. */
    public static final String VERSION_2012 = "2012-10-17";

    /** The older policy language version, in which {@code ${...}} is literal text. */
    public static final String VERSION_2008 = "2008-10-17";

    private static final Set<String> TOP_LEVEL = Set.of("Version", "Id", "Statement");

    private final String version;
    private final String id;
    private final List<PolicyStatement> statements;
    private final String json;

    private PolicyDocument(String version, String id, List<PolicyStatement> statements, String json) {
        this.version = version;
        this.id = id;
        this.statements = List.copyOf(statements);
        this.json = json;
    }

    /**
     * Parses a policy document.
     *
     * @param jsonOrUrlEncoded the policy JSON, or the URL-encoded form IAM's Get* calls return
     * @return the parsed policy
     * @throws PolicyParseException when the text is not a valid IAM policy; the message says what is
     *     wrong and where
     */
    public static PolicyDocument parse(String jsonOrUrlEncoded) {
        if (jsonOrUrlEncoded == null) {
            throw new PolicyParseException("the policy document is null");
        }
        String text = jsonOrUrlEncoded.strip();
        if (text.isEmpty()) {
            throw new PolicyParseException("the policy document is empty");
        }
        if (looksUrlEncoded(text)) {
            try {
                text = URLDecoder.decode(text, StandardCharsets.UTF_8).strip();
            } catch (IllegalArgumentException e) {
                throw new PolicyParseException(
                        "the policy document looks URL-encoded but cannot be decoded: " + e.getMessage(), e);
            }
        }
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new PolicyParseException(
                    "the policy document is not valid JSON" + location(e) + ": " + e.getOriginalMessage(), e);
        }
        if (root == null || root.isMissingNode()) {
            throw new PolicyParseException("the policy document is empty");
        }
        if (!root.isObject()) {
            throw new PolicyParseException("a policy document must be a JSON object with Version and Statement,"
                    + " not " + PolicyStatement.describeType(root));
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!TOP_LEVEL.contains(name)) {
                String suggestion = TOP_LEVEL.stream()
                        .filter(known -> known.equalsIgnoreCase(name) || (known + "s").equalsIgnoreCase(name))
                        .findFirst()
                        .map(known -> " (did you mean \"" + known + "\"? element names are case-sensitive)")
                        .orElse("");
                throw new PolicyParseException("unknown top-level element \"" + name
                        + "\"; a policy document contains only Version, Id and Statement" + suggestion);
            }
        }

        String version = null;
        JsonNode versionNode = root.get("Version");
        if (versionNode != null) {
            if (!versionNode.isTextual()
                    || !(versionNode.asText().equals(VERSION_2012)
                            || versionNode.asText().equals(VERSION_2008))) {
                throw new PolicyParseException("Version must be \"" + VERSION_2012 + "\" (or the old \"" + VERSION_2008
                        + "\"), not " + Json.compact(versionNode)
                        + "; it names the policy language version, not the date you wrote the policy");
            }
            version = versionNode.asText();
        }
        String id = null;
        JsonNode idNode = root.get("Id");
        if (idNode != null) {
            if (!idNode.isTextual()) {
                throw new PolicyParseException("Id must be a string");
            }
            id = idNode.asText();
        }

        JsonNode statementNode = root.get("Statement");
        if (statementNode == null) {
            throw new PolicyParseException("the policy document has no Statement element");
        }
        List<JsonNode> statementNodes = new ArrayList<>();
        if (statementNode.isArray()) {
            statementNode.forEach(statementNodes::add);
        } else if (statementNode.isObject()) {
            statementNodes.add(statementNode);
        } else {
            throw new PolicyParseException("Statement must be an object or a list of objects, not "
                    + PolicyStatement.describeType(statementNode));
        }
        if (statementNodes.isEmpty()) {
            throw new PolicyParseException("the Statement list is empty; a policy needs at least one statement");
        }
        boolean variablesEnabled = VERSION_2012.equals(version);
        List<PolicyStatement> statements = new ArrayList<>();
        for (int i = 0; i < statementNodes.size(); i++) {
            statements.add(PolicyStatement.parse(statementNodes.get(i), i, variablesEnabled));
        }
        return new PolicyDocument(version, id, statements, Json.pretty(root));
    }

    /**
     * IAM returns documents percent-encoded, so a document starting with {@code %} (an encoded
     * brace or whitespace) is decoded; a JSON document never starts with {@code %}, and anything
     * else is left alone so that a literal {@code %} inside a JSON policy is never mangled.
     */
    private static boolean looksUrlEncoded(String text) {
        return text.charAt(0) == '%';
    }

    private static String location(JsonProcessingException e) {
        JsonLocation location = e.getLocation();
        if (location == null || location.getLineNr() < 0) {
            return "";
        }
        return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    /**
     * The statements, in policy order.
     *
     * @return the statements
     */
    public List<PolicyStatement> statements() {
        return statements;
    }

    /**
     * The policy pretty-printed with two-space indentation, element order as written.
     *
     * @return the normalised JSON
     */
    public String json() {
        return json;
    }

    /**
     * The {@code Version} element.
     *
     * @return {@code 2012-10-17}, {@code 2008-10-17}, or null when the policy has no Version
     */
    public String version() {
        return version;
    }

    /**
     * The optional {@code Id} element.
     *
     * @return the Id, or null
     */
    public String id() {
        return id;
    }

    /**
     * Tells whether {@code ${...}} policy variables are substituted in this policy.
     *
     * @return true only for Version {@code 2012-10-17}
     */
    public boolean supportsPolicyVariables() {
        return VERSION_2012.equals(version);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PolicyDocument that && json.equals(that.json);
    }

    @Override
    public int hashCode() {
        return Objects.hash(json);
    }

    @Override
    public String toString() {
        return json;
    }
}
