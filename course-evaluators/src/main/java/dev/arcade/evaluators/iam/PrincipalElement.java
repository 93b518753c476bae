package dev.arcade.evaluators.iam;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed {@code Principal} or {@code NotPrincipal} element, and the rules for deciding whom it
 * names, following "AWS JSON policy elements: Principal" and "...: NotPrincipal".
 */
final class PrincipalElement {

    /**
     * How a Principal element names the caller. The order is from the grant that depends least on
     * the caller's other policies to the one that depends most, so the best match is the lowest.
     */
    enum GrantKind {
        /** {@code "*"}: everyone, so in effect the caller itself. */
        EVERYONE("everyone (\"*\")"),
        /** The exact role session or federated user session ARN. */
        SESSION("the caller's session ARN"),
        /** A service principal such as lambda.amazonaws.com. */
        SERVICE("the calling service"),
        /** A web identity or SAML provider, in a role trust policy. */
        FEDERATED("the caller's identity provider"),
        /** The IAM user's ARN. */
        USER("the caller's IAM user ARN"),
        /** The ARN of the role whose session is calling. */
        ROLE("the ARN of the caller's role"),
        /** The caller's account (its ID or its root ARN), which delegates the decision to IAM. */
        ACCOUNT("the caller's whole account");

        private final String description;

        GrantKind(String description) {
            this.description = description;
        }

        String description() {
            return description;
        }
    }

    private final boolean wildcard;
    private final Map<String, List<String>> byType;
    private final String compactJson;

    private PrincipalElement(boolean wildcard, Map<String, List<String>> byType, String compactJson) {
        this.wildcard = wildcard;
        this.byType = byType;
        this.compactJson = compactJson;
    }

    /**
     * Parses a Principal or NotPrincipal element.
     *
     * @param node the element's JSON
     * @param where where it is, for error messages
     * @return the parsed element
     */
    static PrincipalElement parse(JsonNode node, String where) {
        if (node.isTextual()) {
            if (!node.asText().equals("*")) {
                throw new PolicyParseException(where + ": a Principal written as a string can only be \"*\"; name"
                        + " specific principals as {\"AWS\": \"arn:aws:iam::123456789012:role/Name\"} or"
                        + " {\"Service\": \"lambda.amazonaws.com\"}");
            }
            return new PrincipalElement(true, Map.of(), Json.compact(node));
        }
        if (!node.isObject() || node.isEmpty()) {
            throw new PolicyParseException(where + ": Principal must be \"*\" or an object such as"
                    + " {\"Service\": \"lambda.amazonaws.com\"}");
        }
        Map<String, List<String>> byType = new LinkedHashMap<>();
        var fields = node.fields();
        while (fields.hasNext()) {
            var field = fields.next();
            String type = field.getKey();
            if (!List.of("AWS", "Service", "Federated", "CanonicalUser").contains(type)) {
                throw new PolicyParseException(where + ": unknown principal type \"" + type
                        + "\"; IAM knows \"AWS\", \"Service\", \"Federated\" and \"CanonicalUser\"");
            }
            List<String> values = new ArrayList<>();
            JsonNode value = field.getValue();
            if (value.isTextual()) {
                values.add(value.asText());
            } else if (value.isArray() && !value.isEmpty()) {
                for (JsonNode item : value) {
                    if (!item.isTextual()) {
                        throw new PolicyParseException(
                                where + ": principal values under \"" + type + "\" must be strings");
                    }
                    values.add(item.asText());
                }
            } else {
                throw new PolicyParseException(
                        where + ": principal \"" + type + "\" must be a string or a non-empty list");
            }
            byType.put(type, List.copyOf(values));
        }
        return new PrincipalElement(false, Map.copyOf(byType), Json.compact(node));
    }

    /**
     * Finds the best way in which this element names the caller.
     *
     * @param caller the request
     * @return the grant kind, or null when the element does not name the caller
     */
    GrantKind match(RequestContext caller) {
        if (wildcard) {
            return GrantKind.EVERYONE;
        }
        GrantKind best = null;
        for (String value : byType.getOrDefault("AWS", List.of())) {
            best = better(best, matchAws(value, caller));
        }
        if (caller.principalType() == RequestContext.PrincipalType.SERVICE) {
            for (String value : byType.getOrDefault("Service", List.of())) {
                if (value.equalsIgnoreCase(caller.service())) {
                    best = better(best, GrantKind.SERVICE);
                }
            }
        }
        if (caller.principalType() == RequestContext.PrincipalType.WEB_IDENTITY) {
            for (String value : byType.getOrDefault("Federated", List.of())) {
                if (value.equals(caller.federatedProvider())) {
                    best = better(best, GrantKind.FEDERATED);
                }
            }
        }
        return best;
    }

    /**
     * Tells whether a NotPrincipal element exempts the caller. As "AWS JSON policy elements:
     * NotPrincipal" explains, AWS may check the account, then the role or user, then the session, so
     * the caller is exempt only when every one of those identities is listed.
     *
     * @param caller the request
     * @return true when every identity in the caller's chain is listed
     */
    boolean exempts(RequestContext caller) {
        if (wildcard) {
            return true;
        }
        List<String> aws = byType.getOrDefault("AWS", List.of());
        boolean awsWildcard = aws.contains("*");
        return switch (caller.principalType()) {
            case SERVICE ->
                byType.getOrDefault("Service", List.of()).stream().anyMatch(v -> v.equalsIgnoreCase(caller.service()));
            case WEB_IDENTITY -> byType.getOrDefault("Federated", List.of()).contains(caller.federatedProvider());
            case ANONYMOUS -> awsWildcard;
            case ROOT -> awsWildcard || listsAccount(aws, caller.account());
            case IAM_USER, FEDERATED_USER ->
                awsWildcard || (listsAccount(aws, caller.account()) && aws.contains(caller.principalArn()));
            case ROLE -> awsWildcard || (listsAccount(aws, caller.account()) && listsRole(aws, caller));
            case ROLE_SESSION ->
                awsWildcard
                        || (listsAccount(aws, caller.account())
                                && listsRole(aws, caller)
                                && aws.contains(caller.principalArn()));
        };
    }

    private static GrantKind matchAws(String value, RequestContext caller) {
        RequestContext.PrincipalType type = caller.principalType();
        boolean awsPrincipal =
                type != RequestContext.PrincipalType.SERVICE && type != RequestContext.PrincipalType.WEB_IDENTITY;
        if (value.equals("*")) {
            return awsPrincipal ? GrantKind.EVERYONE : null;
        }
        if (!awsPrincipal || type == RequestContext.PrincipalType.ANONYMOUS) {
            return null;
        }
        if (PrincipalArn.namesAccount(value, caller.account())) {
            return GrantKind.ACCOUNT;
        }
        if (value.equals(caller.principalArn())) {
            return switch (type) {
                case IAM_USER -> GrantKind.USER;
                case ROLE_SESSION, FEDERATED_USER -> GrantKind.SESSION;
                case ROLE -> GrantKind.ROLE;
                default -> GrantKind.ACCOUNT;
            };
        }
        if ((type == RequestContext.PrincipalType.ROLE_SESSION || type == RequestContext.PrincipalType.ROLE)
                && namesRole(value, caller)) {
            return GrantKind.ROLE;
        }
        return null;
    }

    private static boolean listsAccount(List<String> aws, String account) {
        return aws.stream().anyMatch(v -> PrincipalArn.namesAccount(v, account));
    }

    private static boolean listsRole(List<String> aws, RequestContext caller) {
        return aws.stream().anyMatch(v -> namesRole(v, caller));
    }

    private static boolean namesRole(String value, RequestContext caller) {
        return PrincipalArn.namesRole(value, caller.account(), caller.roleName());
    }

    private static GrantKind better(GrantKind current, GrantKind candidate) {
        if (candidate == null) {
            return current;
        }
        return current == null || candidate.ordinal() < current.ordinal() ? candidate : current;
    }

    /**
     * Tells whether the element is the bare {@code "*"}.
     *
     * @return true for {@code "Principal": "*"}
     */
    boolean isWildcard() {
        return wildcard;
    }

    /**
     * The element as compact JSON, for explanations.
     *
     * @return for example {@code {"Service":"lambda.amazonaws.com"}}
     */
    String compactJson() {
        return compactJson;
    }

    @Override
    public String toString() {
        return compactJson;
    }
}
