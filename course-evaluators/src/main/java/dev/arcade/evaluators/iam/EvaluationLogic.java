package dev.arcade.evaluators.iam;

import dev.arcade.evaluators.iam.Evaluation.Allows;
import dev.arcade.evaluators.iam.Evaluation.Rule;
import dev.arcade.evaluators.iam.PrincipalElement.GrantKind;
import dev.arcade.evaluators.iam.internal.Arns;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The decision step of the IAM evaluator: matches every statement with {@link StatementMatcher},
 * then applies the evaluation logic that {@link PolicyEvaluator} documents, in its order (explicit
 * deny, the caller's side, a resource-based policy's own grant, implicit deny). It returns an
 * {@link Evaluation} and writes no explanation.
 */
final class EvaluationLogic {

    /**
     * The STS actions that a role's trust policy must allow, lower-cased: assuming the role, and
     * tagging the session or setting its source identity or context on the way ("Policy evaluation
     * logic": role trust policies are the exception to "either policy is enough").
     */
    private static final Set<String> TRUST_ACTIONS = Set.of(
            "sts:assumerole",
            "sts:assumerolewithsaml",
            "sts:assumerolewithwebidentity",
            "sts:tagsession",
            "sts:setsourceidentity",
            "sts:setcontext");

    private EvaluationLogic() {}

    /**
     * Decides a request.
     *
     * @param request the request
     * @param policies the policies that apply to it
     * @return the evaluation
     */
    static Evaluation evaluate(RequestContext request, PolicySet policies) {
        List<StatementMatch> matches = StatementMatcher.matchAll(request, policies);
        Allows allows = allows(request, policies, matches);
        List<StatementMatch> denies =
                matches.stream().filter(StatementMatch::denies).toList();
        if (!denies.isEmpty()) {
            return new Evaluation(request, policies, matches, allows, Rule.EXPLICIT_DENY, denies);
        }
        if (callerSideAllows(allows)) {
            return new Evaluation(
                    request, policies, matches, allows, Rule.IDENTITY_ALLOW, callerSideStatements(allows, policies));
        }
        List<StatementMatch> grants = standaloneGrants(allows);
        if (!grants.isEmpty()) {
            return new Evaluation(
                    request, policies, matches, allows, Rule.RESOURCE_GRANT, grantStatements(grants, allows, policies));
        }
        return new Evaluation(request, policies, matches, allows, Rule.IMPLICIT_DENY, List.of());
    }

    /**
     * Sorts the applying Allow statements by kind of policy and works out what the request needs.
     *
     * <p>A federated user session ({@code arn:aws:sts::ACCOUNT:federated-user/NAME}, which only
     * {@code GetFederationToken} creates) needs a session policy: "Permissions for GetFederationToken"
     * says its permissions are the intersection of the IAM user's policies and the session policies,
     * and that without a session policy the credentials have no permissions, apart from what a
     * resource-based policy naming the federated user grants. A role session without session
     * policies has the role's permissions ("Session policies").
     */
    private static Allows allows(RequestContext request, PolicySet policies, List<StatementMatch> matches) {
        List<StatementMatch> boundary = allowsOf(matches, PolicyKind.PERMISSIONS_BOUNDARY);
        List<StatementMatch> session = allowsOf(matches, PolicyKind.SESSION);
        String resourceAccount = resourceAccount(request);
        boolean sessionPolicyRequired = request.principalType() == RequestContext.PrincipalType.FEDERATED_USER;
        return new Allows(
                allowsOf(matches, PolicyKind.IDENTITY),
                boundary,
                session,
                allowsOf(matches, PolicyKind.RESOURCE),
                request.principalType() == RequestContext.PrincipalType.ROOT,
                !policies.hasPermissionsBoundary() || !boundary.isEmpty(),
                policies.hasSessionPolicies() ? !session.isEmpty() : !sessionPolicyRequired,
                sessionPolicyRequired,
                isTrustAction(request) && !policies.names(PolicyKind.RESOURCE).isEmpty(),
                resourceAccount,
                resourceAccount != null && request.account() != null && !resourceAccount.equals(request.account()));
    }

    private static List<StatementMatch> allowsOf(List<StatementMatch> matches, PolicyKind kind) {
        return matches.stream().filter(m -> m.kind() == kind && m.allows()).toList();
    }

    /**
     * The resource's account: the account in its ARN or, for ARNs without one (S3 buckets), the
     * request's {@code aws:ResourceAccount}; null when neither says.
     */
    private static String resourceAccount(RequestContext request) {
        return Arns.account(request.resource()).orElseGet(() -> {
            List<String> declared = request.contextValues("aws:ResourceAccount");
            return declared != null && declared.size() == 1 ? declared.get(0) : null;
        });
    }

    private static boolean isTrustAction(RequestContext request) {
        return TRUST_ACTIONS.contains(request.action().toLowerCase(Locale.ROOT));
    }

    /**
     * The caller's side: identity-based policies (or the root user) within boundary and session
     * policies, and a resource-based policy as well where the request needs one.
     */
    private static boolean callerSideAllows(Allows allows) {
        return allows.identitySide()
                && allows.withinBoundary()
                && allows.withinSessionPolicies()
                && (!allows.resourcePolicyRequired() || !allows.resource().isEmpty());
    }

    private static List<StatementMatch> callerSideStatements(Allows allows, PolicySet policies) {
        List<StatementMatch> deciding = new ArrayList<>(allows.identity());
        if (policies.hasPermissionsBoundary()) {
            deciding.addAll(allows.boundary());
        }
        if (policies.hasSessionPolicies()) {
            deciding.addAll(allows.session());
        }
        if (allows.resourcePolicyRequired()) {
            deciding.addAll(allows.resource());
        }
        return deciding;
    }

    /**
     * The resource-based Allow statements that grant on their own within one account, the grant
     * that depends least on the caller's other policies first. Across accounts none does.
     */
    private static List<StatementMatch> standaloneGrants(Allows allows) {
        if (allows.crossAccount()) {
            return List.of();
        }
        return allows.resource().stream()
                .filter(m -> grantStands(m.grant(), allows))
                .sorted(Comparator.comparing(StatementMatch::grant))
                .toList();
    }

    /**
     * How far a resource-based policy's grant reaches on its own, by how it names the caller
     * ("Identity-based policies and resource-based policies", "Permissions boundaries for IAM
     * entities", "Session policies").
     */
    private static boolean grantStands(GrantKind grant, Allows allows) {
        return switch (grant) {
            case EVERYONE, SESSION, SERVICE, FEDERATED -> true;
            case USER -> allows.withinSessionPolicies();
            case ROLE -> allows.withinBoundary() && allows.withinSessionPolicies();
            case ACCOUNT -> false;
        };
    }

    /**
     * The statements granting the best way, plus the boundary and session statements that had to
     * agree: the boundary for a grant to a role ARN, session policies for a role or user ARN.
     */
    private static List<StatementMatch> grantStatements(
            List<StatementMatch> grants, Allows allows, PolicySet policies) {
        GrantKind best = grants.get(0).grant();
        List<StatementMatch> deciding =
                new ArrayList<>(grants.stream().filter(m -> m.grant() == best).toList());
        if (best == GrantKind.ROLE && policies.hasPermissionsBoundary()) {
            deciding.addAll(allows.boundary());
        }
        if ((best == GrantKind.ROLE || best == GrantKind.USER) && policies.hasSessionPolicies()) {
            deciding.addAll(allows.session());
        }
        return deciding;
    }
}
