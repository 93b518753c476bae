package dev.arcade.evaluators.iam;

import java.util.List;

/**
 * What {@link EvaluationLogic} concluded about one request, before {@link DecisionExplainer} puts
 * it into words: how every statement matched, what each kind of policy allows, and the rule that
 * decided.
 *
 * @param request the request
 * @param policies the policies it was evaluated against
 * @param matches every statement's match, in policy order and statement order
 * @param allows the applying Allow statements by kind of policy, and what the request needs of them
 * @param rule the rule that decided
 * @param deciding the statements that decided, in the order {@link Decision#decidingStatements()} lists them
 */
record Evaluation(
        RequestContext request,
        PolicySet policies,
        List<StatementMatch> matches,
        Allows allows,
        Rule rule,
        List<StatementMatch> deciding) {

    /** The rules of "Policy evaluation logic" (IAM User Guide) that can decide a request. */
    enum Rule {
        /** A Deny statement applies: an explicit deny overrides every allow. */
        EXPLICIT_DENY(Outcome.EXPLICIT_DENY),
        /**
         * The caller's side allows: an identity-based policy (or the caller is the account root
         * user), within the permissions boundary and session policies, plus a resource-based policy
         * where the request needs one (role trust policies, cross-account requests).
         */
        IDENTITY_ALLOW(Outcome.ALLOW),
        /** A resource-based policy grants on its own, by the way it names the caller. */
        RESOURCE_GRANT(Outcome.ALLOW),
        /** Nothing allows, or not every policy that must allow does. */
        IMPLICIT_DENY(Outcome.IMPLICIT_DENY);

        private final Outcome outcome;

        Rule(Outcome outcome) {
            this.outcome = outcome;
        }

        Outcome outcome() {
            return outcome;
        }
    }

    /**
     * The applying Allow statements of each kind of policy, and what the request needs of them.
     *
     * @param identity the identity-based policies' Allow statements that apply
     * @param boundary the permissions boundary's Allow statements that apply
     * @param session the session policies' Allow statements that apply
     * @param resource the resource-based policies' Allow statements that apply
     * @param root true when the caller is the account root user, whose identity allows everything
     * @param withinBoundary true when there is no permissions boundary or it allows the request
     * @param withinSessionPolicies true when one of the session policies allows it, or when none was
     *     passed and the caller needs none (every caller but a federated user)
     * @param sessionPolicyRequired true for a federated user session (from {@code GetFederationToken}),
     *     whose identity-based permissions count only through a session policy
     * @param trustPolicyRequired true for an {@code sts:AssumeRole...} request with a trust policy in
     *     the set, which must then allow the caller
     * @param resourceAccount the resource's account, or null when neither its ARN nor
     *     {@code aws:ResourceAccount} says
     * @param crossAccount true when the resource's account is known and is not the caller's
     */
    record Allows(
            List<StatementMatch> identity,
            List<StatementMatch> boundary,
            List<StatementMatch> session,
            List<StatementMatch> resource,
            boolean root,
            boolean withinBoundary,
            boolean withinSessionPolicies,
            boolean sessionPolicyRequired,
            boolean trustPolicyRequired,
            String resourceAccount,
            boolean crossAccount) {

        /**
         * Tells whether the caller's identity allows the request, boundary and session policies aside.
         *
         * @return true for the root user or when an identity-based policy allows it
         */
        boolean identitySide() {
            return root || !identity.isEmpty();
        }

        /**
         * Tells whether the request needs a resource-based policy that allows it, besides the
         * caller's side.
         *
         * @return true for trust-policy and cross-account requests
         */
        boolean resourcePolicyRequired() {
            return trustPolicyRequired || crossAccount;
        }
    }

    /**
     * The decision's outcome.
     *
     * @return the outcome of the deciding rule
     */
    Outcome outcome() {
        return rule.outcome();
    }

    /**
     * The deciding statements as {@link Decision} exposes them.
     *
     * @return the deciding statements, in order
     */
    List<MatchedStatement> decidingStatements() {
        return deciding.stream().map(StatementMatch::matched).toList();
    }
}
