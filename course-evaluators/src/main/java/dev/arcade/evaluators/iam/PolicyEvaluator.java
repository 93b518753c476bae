package dev.arcade.evaluators.iam;

import java.util.Locale;
import java.util.Objects;

/**
 * Decides whether a request is allowed by a set of policies, following the IAM User Guide's
 * "Policy evaluation logic" for a request within one account, and the basic rule of its
 * "Cross-account policy evaluation logic" (below).
 *
 * <p>This class is the entry point. The work is done in three steps, each in its own
 * package-private class: {@code StatementMatcher} matches every statement against the request,
 * {@code EvaluationLogic} applies the rules below to the matches and returns an {@code Evaluation}
 * (the deciding rule and statements), and {@code DecisionExplainer} writes the
 * {@link Decision#explanation()}.
 *
 * <ol>
 *   <li><b>Deny evaluation.</b> Every statement of every policy is matched against the request; if
 *       any {@code Deny} statement applies, the decision is {@link Outcome#EXPLICIT_DENY}.
 *   <li><b>Identity-based policies.</b> An {@code Allow} in an identity-based policy allows the
 *       request when, in addition, the permissions boundary (if one is set) allows it and at least
 *       one session policy (if any were passed) allows it: effective permissions are the
 *       intersection ("Permissions boundaries for IAM entities", "Session policies"). A role session
 *       without session policies has the role's permissions; a federated user session
 *       ({@code arn:aws:sts::ACCOUNT:federated-user/NAME}, from {@code GetFederationToken}) without
 *       one has none from its IAM user's policies ("Permissions for GetFederationToken"), only what a
 *       resource-based policy naming the federated user grants. The account root user is treated as
 *       allowed by its identity, since it has full access.
 *   <li><b>Resource-based policies.</b> Within one account a resource-based policy that names the
 *       caller grants access on its own ("Identity-based policies and resource-based policies").
 *       How it names the caller matters, as the boundary and session policy pages describe:
 *       <ul>
 *         <li>the exact session ARN ({@code arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION} or a
 *             federated user), a service principal, a {@code Federated} provider, or {@code "*"}:
 *             granted regardless of identity policies, boundary and session policies;
 *         <li>an IAM user ARN: not limited by the boundary, but limited by session policies;
 *         <li>a role ARN (for a session of that role): limited by the role's permissions boundary
 *             and session policies, though not by its identity-based policies;
 *         <li>the caller's account (its ID or {@code arn:aws:iam::ACCOUNT:root}): no grant on its
 *             own, because naming the account delegates the decision to the account's IAM policies.
 *       </ul>
 *       Treating {@code "*"} like a grant to the exact caller is this evaluator's reading; the
 *       guide does not spell that case out.
 *   <li><b>Role trust policies.</b> For {@code sts:AssumeRole} and its relatives, when a trust
 *       policy is in the set it must allow the caller (the guide calls trust policies an exception
 *       to "either policy is enough"): naming the caller directly is sufficient, naming its account
 *       additionally needs an identity-based Allow.
 *   <li>Otherwise the decision is {@link Outcome#IMPLICIT_DENY}.
 * </ol>
 *
 * <p>Cross-account requests get the basic rule of "Cross-account policy evaluation logic": when the
 * resource's account (from its ARN, or from {@code aws:ResourceAccount} for ARNs without an account
 * such as S3's) differs from the caller's, the request needs both an allowing identity side (within
 * boundary and session policies) and an allowing resource-based policy; a resource-based policy no
 * longer grants on its own. Nothing else about the other account is modelled.
 *
 * <p>Not modelled: AWS Organizations SCPs and RCPs, ACLs, VPC endpoint policies, session tags and
 * transitive tags, and the service-specific quirks of individual services beyond the documented
 * rules above.
 */
public final class PolicyEvaluator {

    private PolicyEvaluator() {}

    /**
     * Evaluates a request against the policies that apply to it.
     *
     * @param request the request
     * @param policies the policies that apply to it
     * @return the decision, with the deciding statements and an explanation
     */
    public static Decision evaluate(RequestContext request, PolicySet policies) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(policies, "policies");
        Evaluation evaluation = EvaluationLogic.evaluate(request, policies);
        String explanation = DecisionExplainer.explain(evaluation);
        return new Decision(evaluation.outcome(), evaluation.decidingStatements(), explanation);
    }

    /**
     * Decides whether a caller may assume a role according to the role's trust policy alone: the
     * action is {@code sts:AssumeRole} and the resource is the role ARN given as the request's
     * resource. A trust policy that names the caller (or its service, or its provider) decides on
     * its own; one that names the caller's account also needs the caller's identity-based policy,
     * for which use {@link #canAssume(PolicyDocument, RequestContext, PolicySet)}.
     *
     * @param trustPolicy the role's trust policy
     * @param caller the caller, with {@code resource} set to the role's ARN; its action is replaced
     * @return the decision
     * @throws IllegalArgumentException when the request's resource is not a role ARN
     */
    public static Decision canAssume(PolicyDocument trustPolicy, RequestContext caller) {
        return canAssume(trustPolicy, caller, PolicySet.empty());
    }

    /**
     * Decides whether a caller may assume a role, given the role's trust policy and the caller's own
     * policies (identity-based, permissions boundary, session policies).
     *
     * @param trustPolicy the role's trust policy
     * @param caller the caller, with {@code resource} set to the role's ARN; its action is replaced
     *     by {@code sts:AssumeRole} unless it already is an {@code sts:AssumeRole...} action
     * @param callerPolicies the caller's policies; resource-based policies in it are ignored
     * @return the decision
     * @throws IllegalArgumentException when the request's resource is not a role ARN
     */
    public static Decision canAssume(PolicyDocument trustPolicy, RequestContext caller, PolicySet callerPolicies) {
        Objects.requireNonNull(trustPolicy, "trustPolicy");
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(callerPolicies, "callerPolicies");
        if (!PrincipalArn.isRoleArn(caller.resource())) {
            throw new IllegalArgumentException("canAssume needs the role's ARN as the request's resource,"
                    + " such as arn:aws:iam::123456789012:role/MyRole, not \"" + caller.resource() + "\"");
        }
        RequestContext request = caller.action().toLowerCase(Locale.ROOT).startsWith("sts:assumerole")
                ? caller
                : caller.toBuilder().action("sts:AssumeRole").build();
        PolicySet.Builder set = PolicySet.builder();
        for (PolicySet.Named named : callerPolicies.policies()) {
            switch (named.kind()) {
                case IDENTITY -> set.identityPolicy(named.name(), named.document());
                case PERMISSIONS_BOUNDARY -> set.permissionsBoundary(named.name(), named.document());
                case SESSION -> set.sessionPolicy(named.name(), named.document());
                case RESOURCE -> {
                    // The trust policy is the only resource-based policy of a role.
                }
            }
        }
        set.resourcePolicy(
                "trust policy of "
                        + request.resource().substring(request.resource().lastIndexOf('/') + 1),
                trustPolicy);
        return evaluate(request, set.build());
    }
}
