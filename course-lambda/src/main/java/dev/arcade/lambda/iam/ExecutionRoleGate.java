package dev.arcade.lambda.iam;

import dev.arcade.evaluators.iam.Decision;
import dev.arcade.evaluators.iam.MatchedStatement;
import dev.arcade.evaluators.iam.Outcome;
import dev.arcade.evaluators.iam.PolicyEvaluator;
import dev.arcade.evaluators.iam.PolicyKind;
import dev.arcade.evaluators.iam.PolicySet;
import dev.arcade.evaluators.iam.RequestContext;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Decides whether a function's execution role session may make an SDK request, before the front forwards
 * it: every authorization {@link IamActions} lists for the request is evaluated with the IAM evaluator
 * ({@link PolicyEvaluator}) for the caller {@code arn:aws:sts::ACCOUNT:assumed-role/ROLE/FUNCTION}, with
 * {@code aws:RequestedRegion} and the request's service condition keys; the first denied one decides.
 *
 * <p>A denial comes with the message AWS sends, worded as the IAM User Guide's "Troubleshooting access
 * denied error messages" says ({@code User: ARN is not authorized to perform: ACTION on resource: RESOURCE
 * because no identity-based policy allows the ACTION action}, or {@code with an explicit deny in an
 * identity-based policy}, and the same for a permissions boundary, a session policy and a resource-based
 * policy), and with the response the service's protocol shapes it in ({@link AwsErrorResponse}).
 *
 * <pre>{@code
 * ExecutionRoleGate gate = new ExecutionRoleGate(table -> "Scores".equals(table) ? "playerId" : null);
 * GateDecision d = gate.authorize(request, RoleSession.of("123456789012", "us-east-1", "ScoresRole", "submit-score"),
 *     RolePolicies.load(iam, "ScoresRole").policies());
 * if (!d.allowed()) { send(d.error()); }
 * }</pre>
 */
public final class ExecutionRoleGate {

    private final Function<String, String> partitionKeyOf;
    private final Supplier<String> requestIds;

    /**
     * A gate that knows the tables' partition keys, for {@code dynamodb:LeadingKeys}.
     *
     * @param partitionKeyOf a table's (or {@code TABLE/index/INDEX}'s) partition key attribute name, or null
     */
    public ExecutionRoleGate(Function<String, String> partitionKeyOf) {
        this(partitionKeyOf, () -> UUID.randomUUID().toString());
    }

    /**
     * A gate with a source of request IDs for the error responses (for tests that compare bytes).
     *
     * @param partitionKeyOf a table's partition key attribute name, or null
     * @param requestIds the request IDs
     */
    public ExecutionRoleGate(Function<String, String> partitionKeyOf, Supplier<String> requestIds) {
        this.partitionKeyOf = Objects.requireNonNull(partitionKeyOf, "partitionKeyOf");
        this.requestIds = Objects.requireNonNull(requestIds, "requestIds");
    }

    /**
     * A gate without key schemas: {@code dynamodb:LeadingKeys} is never set.
     *
     * @return the gate
     */
    public static ExecutionRoleGate withoutKeySchemas() {
        return new ExecutionRoleGate(table -> null);
    }

    /**
     * Decides a request. The region of its ARNs is the request's credential scope region, else the
     * session's.
     *
     * @param request the request as the front received it
     * @param session the execution role session that signed it
     * @param policies the role's policies (see {@link RolePolicies})
     * @return the decision, with the error response to send when denied
     */
    public GateDecision authorize(AwsRequest request, RoleSession session, PolicySet policies) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(policies, "policies");
        String region = request.signingRegion().orElse(session.region());
        List<ActionRequest> actions = IamActions.of(request, session.account(), region, partitionKeyOf);
        return authorize(actions, AwsErrorResponse.protocolOf(request), region, session, policies);
    }

    /**
     * Decides a list of authorizations, as {@link #authorize(AwsRequest, RoleSession, PolicySet)} does
     * after listing them.
     *
     * @param actions the authorizations
     * @param protocol the protocol to shape a denial in
     * @param region the requested region, for {@code aws:RequestedRegion}
     * @param session the session
     * @param policies the role's policies
     * @return the decision
     */
    public GateDecision authorize(
            List<ActionRequest> actions,
            AwsErrorResponse.Protocol protocol,
            String region,
            RoleSession session,
            PolicySet policies) {
        if (actions.isEmpty()) {
            return new GateDecision(
                    true,
                    actions,
                    null,
                    null,
                    "AWS does not authorize this request (no IAM action applies), so no policy can deny it.",
                    null,
                    null);
        }
        ActionRequest last = null;
        Decision lastDecision = null;
        for (ActionRequest action : actions) {
            Decision decision = PolicyEvaluator.evaluate(context(action, region, session), policies);
            last = action;
            lastDecision = decision;
            if (!decision.allowed()) {
                String message = message(session, action, decision, policies);
                AwsErrorResponse error = AwsErrorResponse.accessDenied(protocol, message, requestIds.get());
                return new GateDecision(false, actions, action, decision, decision.explanation(), message, error);
            }
        }
        return new GateDecision(true, actions, last, lastDecision, lastDecision.explanation(), null, null);
    }

    /**
     * The evaluator's request for one authorization of the session.
     *
     * @param action the authorization
     * @param region the requested region
     * @param session the session
     * @return the request context
     */
    public static RequestContext context(ActionRequest action, String region, RoleSession session) {
        RequestContext.Builder b = RequestContext.builder()
                .principalArn(session.sessionArn())
                .roleArn(session.roleArn())
                .action(action.action())
                .resource(action.resource())
                .context("aws:RequestedRegion", region);
        for (Map.Entry<String, List<String>> e : action.context().entrySet()) {
            if (IamActions.MULTIVALUED_KEYS.contains(e.getKey()) || e.getValue().size() != 1) {
                b.contextValues(e.getKey(), e.getValue());
            } else {
                b.context(e.getKey(), e.getValue().get(0));
            }
        }
        return b.build();
    }

    /**
     * The AccessDenied message AWS sends for a denied authorization ("Troubleshooting access denied error
     * messages", IAM User Guide): {@code with an explicit deny in a TYPE} for an explicit deny, where TYPE is
     * the kind of the first deciding statement's policy, else {@code because no TYPE allows the ACTION
     * action}, where TYPE is the permissions boundary when the identity-based policies allow and the
     * boundary does not, a session policy likewise, and otherwise the identity-based policy.
     *
     * @param session the caller
     * @param action the denied authorization
     * @param decision the evaluator's decision
     * @param policies the policies it was evaluated against
     * @return the message
     */
    public static String message(RoleSession session, ActionRequest action, Decision decision, PolicySet policies) {
        String head = "User: " + session.sessionArn() + " is not authorized to perform: " + action.action()
                + " on resource: " + action.resource() + " ";
        if (decision.outcome() == Outcome.EXPLICIT_DENY) {
            PolicyKind kind = decision.decidingStatements().stream()
                    .map(MatchedStatement::kind)
                    .findFirst()
                    .orElse(PolicyKind.IDENTITY);
            return head + "with an explicit deny in " + typeWithArticle(kind);
        }
        PolicyKind kind = PolicyKind.IDENTITY;
        // The evaluator's Decision does not say which kind of policy failed to allow; its explanation does,
        // in the sentences DecisionExplainer writes for a request outside the boundary or the session
        // policies (explanations are part of the evaluator's contract, docs/design/evaluators.md rule 8).
        String explanation = decision.explanation();
        if (policies.hasPermissionsBoundary() && explanation.contains(", but the permissions boundary ")) {
            kind = PolicyKind.PERMISSIONS_BOUNDARY;
        } else if (policies.hasSessionPolicies() && explanation.contains(", but no session policy")) {
            kind = PolicyKind.SESSION;
        }
        return head + "because no " + type(kind) + " allows the " + action.action() + " action";
    }

    private static String type(PolicyKind kind) {
        return switch (kind) {
            case IDENTITY -> "identity-based policy";
            case PERMISSIONS_BOUNDARY -> "permissions boundary";
            case SESSION -> "session policy";
            case RESOURCE -> "resource-based policy";
        };
    }

    private static String typeWithArticle(PolicyKind kind) {
        return (kind == PolicyKind.IDENTITY ? "an " : "a ") + type(kind);
    }
}
