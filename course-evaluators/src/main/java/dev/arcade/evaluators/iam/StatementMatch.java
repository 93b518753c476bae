package dev.arcade.evaluators.iam;

import dev.arcade.evaluators.iam.PrincipalElement.GrantKind;
import java.util.List;

/**
 * How one statement of one policy matched a request: which of its elements missed, and, for a
 * statement with a Principal, how it names the caller.
 *
 * @param policy the policy the statement belongs to
 * @param statement the statement
 * @param misses the elements that do not match the request, in element order (action, resource,
 *     principal, conditions); empty when the statement applies
 * @param grant how the Principal element names the caller ({@link GrantKind#EVERYONE} for
 *     NotPrincipal), or null when it has no Principal or does not name the caller
 * @param boundaryOverridesNotPrincipal true for a Deny with NotPrincipal that exempts the caller but
 *     applies anyway, because the caller has a permissions boundary
 */
record StatementMatch(
        PolicySet.Named policy,
        PolicyStatement statement,
        List<Miss> misses,
        GrantKind grant,
        boolean boundaryOverridesNotPrincipal) {

    /** The statement elements a request can miss. */
    enum Element {
        /** {@code Action} or {@code NotAction}. */
        ACTION,
        /** {@code Resource} or {@code NotResource}. */
        RESOURCE,
        /** {@code Principal} or {@code NotPrincipal}. */
        PRINCIPAL,
        /** One operator-key pair of {@code Condition}. */
        CONDITION
    }

    /**
     * One element that does not match the request.
     *
     * @param element which element
     * @param reason why, in English, as the explanation quotes it: for example {@code action s3:PutObject
     *     is not covered by Action [s3:GetObject]}
     */
    record Miss(Element element, String reason) {}

    /**
     * Tells whether the statement applies to the request.
     *
     * @return true when no element misses
     */
    boolean applies() {
        return misses.isEmpty();
    }

    /**
     * Tells whether the statement applies and allows.
     *
     * @return true for an applying Allow
     */
    boolean allows() {
        return applies() && statement.effect() == PolicyStatement.Effect.ALLOW;
    }

    /**
     * Tells whether the statement applies and denies.
     *
     * @return true for an applying Deny
     */
    boolean denies() {
        return applies() && statement.effect() == PolicyStatement.Effect.DENY;
    }

    /**
     * The role of the statement's policy.
     *
     * @return the policy kind
     */
    PolicyKind kind() {
        return policy.kind();
    }

    /**
     * The reasons of the misses, in order.
     *
     * @return one English reason per miss
     */
    List<String> reasons() {
        return misses.stream().map(Miss::reason).toList();
    }

    /**
     * The statement as {@link Decision#decidingStatements()} lists it.
     *
     * @return the public view of the statement
     */
    MatchedStatement matched() {
        return new MatchedStatement(policy.name(), policy.kind(), statement.index(), statement.sid(), statement.json());
    }
}
