package dev.arcade.evaluators.iam;

import java.util.List;
import java.util.Objects;

/**
 * The result of evaluating one request, with the statements that decided it and a readable
 * explanation.
 *
 * <p>For {@link Outcome#ALLOW} the deciding statements are the allowing statements (and, where a
 * permissions boundary, a session policy, or for a cross-account request or a role trust policy a
 * resource-based policy, had to agree, the statements of those that did); for
 * {@link Outcome#EXPLICIT_DENY} they are every matching Deny statement; for
 * {@link Outcome#IMPLICIT_DENY} there is nothing to point at, so the list is empty and the
 * explanation says what was considered and what came closest.
 *
 * @param outcome the decision
 * @param decidingStatements the statements that decided it, in evaluation order
 * @param explanation a multi-line English explanation, fit to show a learner as it is
 */
public record Decision(Outcome outcome, List<MatchedStatement> decidingStatements, String explanation) {

    /**
     * Validates and copies the components.
     *
     * @param outcome the decision
     * @param decidingStatements the statements that decided it
     * @param explanation the explanation
     */
    public Decision {
        Objects.requireNonNull(outcome, "outcome");
        decidingStatements = List.copyOf(decidingStatements);
        Objects.requireNonNull(explanation, "explanation");
    }

    /**
     * Tells whether the request is allowed.
     *
     * @return true only for {@link Outcome#ALLOW}
     */
    public boolean allowed() {
        return outcome == Outcome.ALLOW;
    }

    /**
     * Returns the explanation, so that a decision printed in an assertion message reads well.
     *
     * @return the explanation text
     */
    @Override
    public String toString() {
        return explanation;
    }
}
