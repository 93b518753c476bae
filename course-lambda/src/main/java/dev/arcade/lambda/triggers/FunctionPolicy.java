package dev.arcade.lambda.triggers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arcade.evaluators.iam.Decision;
import dev.arcade.evaluators.iam.MatchedStatement;
import dev.arcade.evaluators.iam.Outcome;
import dev.arcade.evaluators.iam.PolicyDocument;
import dev.arcade.evaluators.iam.PolicyEvaluator;
import dev.arcade.evaluators.iam.PolicySet;
import dev.arcade.evaluators.iam.PolicyStatement;
import dev.arcade.evaluators.iam.RequestContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A function's resource-based policy, the "function policy" that {@code GetPolicy} returns and
 * {@code AddPermission} writes, and the check a pushing service (API Gateway, S3, EventBridge, SNS)
 * must pass before it invokes the function.
 *
 * <p>In: the policy JSON of the qualifier being invoked (each version and alias has its own policy;
 * fetch it with {@code GetPolicy --qualifier}, see {@link FunctionArn#policyQualifier()}), then the
 * service principal, the event's source ARN and source account, and the ARN the service invokes.
 * Out: a {@link PolicyCheck}.
 *
 * <p>Follows the AWS Lambda Developer Guide, "Working with resource-based IAM policies in Lambda"
 * (a service is granted {@code lambda:InvokeFunction} with {@code aws:SourceArn} and {@code
 * aws:SourceAccount} conditions), "Using Lambda aliases in event sources and permissions policies"
 * (a permission on an alias allows invoking that alias's ARN only; invoking the function or the
 * version behind the alias gets a permission error) and "Lambda versions". Decided by the IAM
 * evaluator ({@link PolicyEvaluator}) with the service as principal, action {@code
 * lambda:InvokeFunction} and resource {@link FunctionArn#policyResource()}.
 */
public final class FunctionPolicy {

    /** The action a pushing service needs ("Working with resource-based IAM policies in Lambda"). */
    public static final String INVOKE_ACTION = "lambda:InvokeFunction";

    private static final String POLICY_NAME = "function policy";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final PolicyDocument document;

    private FunctionPolicy(PolicyDocument document) {
        this.document = document;
    }

    /**
     * Parses a function policy as {@code GetPolicy} returns it.
     *
     * @param policyJson the {@code Policy} string of the GetPolicy response
     * @return the policy
     * @throws dev.arcade.evaluators.iam.PolicyParseException when it is not a valid policy
     */
    public static FunctionPolicy parse(String policyJson) {
        Objects.requireNonNull(policyJson, "policyJson");
        return new FunctionPolicy(PolicyDocument.parse(policyJson));
    }

    /**
     * The policy of a function (or qualifier) without any permission: GetPolicy answers {@code
     * ResourceNotFoundException} then, and every service is refused.
     *
     * @return an empty policy
     */
    public static FunctionPolicy none() {
        return new FunctionPolicy(null);
    }

    /**
     * Decides whether a service may invoke the function for an event.
     *
     * @param servicePrincipal for example {@code apigateway.amazonaws.com}
     * @param sourceArn the ARN of the resource the event comes from (the execute-api ARN, the bucket,
     *     the rule, the topic), or null when the service sends none
     * @param sourceAccount the account that owns that resource, or null when the service sends none
     * @param invokedFunctionArn the function ARN the service invokes, unqualified or with a version
     *     or alias
     * @return the decision, its deciding Sid and a sentence saying why
     * @throws IllegalArgumentException when {@code invokedFunctionArn} is not a function ARN
     */
    public PolicyCheck check(
            String servicePrincipal, String sourceArn, String sourceAccount, String invokedFunctionArn) {
        Objects.requireNonNull(servicePrincipal, "servicePrincipal");
        FunctionArn function = FunctionArn.parse(invokedFunctionArn);
        RequestContext.Builder request = RequestContext.builder()
                .principalService(servicePrincipal)
                .action(INVOKE_ACTION)
                .resource(function.policyResource());
        if (sourceArn != null) {
            request.context("aws:SourceArn", sourceArn);
        } else {
            request.without("aws:SourceArn");
        }
        if (sourceAccount != null) {
            request.context("aws:SourceAccount", sourceAccount);
        } else {
            request.without("aws:SourceAccount");
        }
        PolicySet.Builder policies = PolicySet.builder();
        if (document != null) {
            policies.resourcePolicy(POLICY_NAME, document);
        }
        Decision decision = PolicyEvaluator.evaluate(request.build(), policies.build());
        String what =
                servicePrincipal + " invoke " + function.arn() + (sourceArn == null ? "" : " from source " + sourceArn);
        if (decision.allowed()) {
            String sid = decision.decidingStatements().stream()
                    .map(MatchedStatement::sid)
                    .filter(Objects::nonNull)
                    .findFirst()
                    .orElse(null);
            return new PolicyCheck(
                    true,
                    sid,
                    describe(decision.decidingStatements()) + " of the function policy lets " + what,
                    decision);
        }
        if (decision.outcome() == Outcome.EXPLICIT_DENY) {
            String sid = decision.decidingStatements().stream()
                    .map(MatchedStatement::sid)
                    .filter(Objects::nonNull)
                    .findFirst()
                    .orElse(null);
            return new PolicyCheck(
                    false,
                    sid,
                    describe(decision.decidingStatements()) + " of the function policy denies that " + what,
                    decision);
        }
        List<String> hints = hints(servicePrincipal, sourceArn, sourceAccount, function);
        String reason = "the function policy has no statement that lets " + what
                + (hints.isEmpty() ? "" : "; " + String.join("; ", hints));
        return new PolicyCheck(false, null, reason, decision);
    }

    private static String describe(List<MatchedStatement> statements) {
        return statements.isEmpty()
                ? "a statement"
                : statements.stream()
                        .map(s -> s.sid() == null ? "statement " + s.statementIndex() : "statement \"" + s.sid() + "\"")
                        .collect(Collectors.joining(" and "));
    }

    /** What the closest statements allow instead: the facts the sentence quotes; decides nothing. */
    private List<String> hints(String service, String sourceArn, String sourceAccount, FunctionArn function) {
        List<String> hints = new ArrayList<>();
        if (document == null || document.statements().isEmpty()) {
            hints.add("the "
                    + (function.policyQualifier().isPresent()
                            ? function.policyQualifier().get() + " "
                            : "")
                    + "policy has no statements (add one with aws lambda add-permission"
                    + function.policyQualifier().map(q -> " --qualifier " + q).orElse("") + ")");
            return hints;
        }
        List<JsonNode> forService = new ArrayList<>();
        Set<String> otherPrincipals = new LinkedHashSet<>();
        for (PolicyStatement statement : document.statements()) {
            JsonNode json = read(statement.json());
            if (!"Allow".equalsIgnoreCase(json.path("Effect").asText())) {
                continue;
            }
            List<String> services = services(json.path("Principal"));
            if (services.contains("*") || services.stream().anyMatch(s -> s.equalsIgnoreCase(service))) {
                forService.add(json);
            } else {
                otherPrincipals.addAll(services);
            }
        }
        if (forService.isEmpty()) {
            hints.add("no statement names " + service + " as its principal"
                    + (otherPrincipals.isEmpty()
                            ? ""
                            : " (the policy names " + String.join(", ", otherPrincipals) + ")"));
            return hints;
        }
        for (JsonNode statement : forService) {
            String label = statement.hasNonNull("Sid")
                    ? "statement \"" + statement.get("Sid").asText() + "\""
                    : "a statement";
            List<String> resources = strings(statement.path("Resource"));
            if (!resources.isEmpty() && resources.stream().noneMatch(r -> glob(r, function.policyResource()))) {
                hints.add(label + " allows " + String.join(" or ", resources)
                        + " only, and this invocation needs a permission on "
                        + function.policyResource()
                        + " (each version and alias has its own policy: aws lambda add-permission"
                        + function.policyQualifier()
                                .map(q -> " --qualifier " + q)
                                .orElse(" without --qualifier") + ")");
            }
            List<String> arns = conditionValues(statement, "aws:SourceArn");
            if (!arns.isEmpty() && (sourceArn == null || arns.stream().noneMatch(a -> glob(a, sourceArn)))) {
                hints.add(label + " allows source " + String.join(" or ", arns) + " only");
            }
            List<String> accounts = conditionValues(statement, "aws:SourceAccount");
            if (!accounts.isEmpty() && (sourceAccount == null || !accounts.contains(sourceAccount))) {
                hints.add(label + " allows source account " + String.join(" or ", accounts) + " only"
                        + (sourceAccount == null ? "" : ", not " + sourceAccount));
            }
            List<String> actions = strings(statement.path("Action"));
            if (actions.stream()
                    .noneMatch(a -> glob(a.toLowerCase(Locale.ROOT), INVOKE_ACTION.toLowerCase(Locale.ROOT)))) {
                hints.add(label + " allows " + String.join(", ", actions) + ", not " + INVOKE_ACTION);
            }
        }
        return hints;
    }

    private static JsonNode read(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> services(JsonNode principal) {
        if (principal.isTextual()) {
            return List.of(principal.asText());
        }
        List<String> out = new ArrayList<>();
        if (principal.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = principal.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                for (String value : strings(e.getValue())) {
                    out.add(e.getKey().equals("Service") || value.equals("*") ? value : e.getKey() + " " + value);
                }
            }
        }
        return out;
    }

    private static List<String> conditionValues(JsonNode statement, String key) {
        List<String> out = new ArrayList<>();
        for (JsonNode operator : statement.path("Condition")) {
            for (Iterator<Map.Entry<String, JsonNode>> it = operator.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getKey().equalsIgnoreCase(key)) {
                    out.addAll(strings(e.getValue()));
                }
            }
        }
        return out;
    }

    private static List<String> strings(JsonNode node) {
        if (node.isTextual()) {
            return List.of(node.asText());
        }
        List<String> out = new ArrayList<>();
        node.forEach(n -> out.add(n.asText()));
        return out;
    }

    /** ArnLike-style matching for the hints only (the decision is the evaluator's). */
    private static boolean glob(String pattern, String value) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return value.matches(regex.toString());
    }

    /**
     * The policy as parsed, or null for {@link #none()}.
     *
     * @return the document
     */
    public PolicyDocument document() {
        return document;
    }
}
