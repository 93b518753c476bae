package dev.arcade.iam;

import dev.arcade.evaluators.iam.Decision;
import dev.arcade.evaluators.iam.MatchedStatement;
import dev.arcade.evaluators.iam.PolicyEvaluator;
import dev.arcade.evaluators.iam.PolicySet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.assertj.core.api.AbstractAssert;

/**
 * Checks a set of policies against a matrix of requests with the kit's IAM evaluator, and reports
 * every request that came out wrong, with the evaluator's explanation of the first one (it names
 * the statement that decided, or the one that came closest).
 *
 * <pre>{@code
 * assertThatPolicies(role.permissions())
 *     .as("the score function's role")
 *     .allows(List.of(getItem, putItem))
 *     .denies(List.of(scan));
 * }</pre>
 */
final class PolicyAssert extends AbstractAssert<PolicyAssert, PolicySet> {
    private static final int MAX_EXPLAINED = 2;

    private PolicyAssert(PolicySet actual) {
        super(actual, PolicyAssert.class);
    }

    static PolicyAssert assertThatPolicies(PolicySet policies) {
        return new PolicyAssert(policies);
    }

    /** Every request must be allowed. */
    PolicyAssert allows(List<Access> requests) {
        return check(requests, true);
    }

    /** Every request must be denied (explicitly or implicitly). */
    PolicyAssert denies(List<Access> requests) {
        return check(requests, false);
    }

    /** One request must be allowed. */
    PolicyAssert allows(Access request) {
        return allows(List.of(request));
    }

    /** One request must be denied. */
    PolicyAssert denies(Access request) {
        return denies(List.of(request));
    }

    private PolicyAssert check(List<Access> requests, boolean shouldAllow) {
        isNotNull();
        List<Access> wrong = new ArrayList<>();
        List<Decision> decisions = new ArrayList<>();
        for (Access access : requests) {
            Decision decision = PolicyEvaluator.evaluate(access.request(), actual);
            if (decision.allowed() != shouldAllow) {
                wrong.add(access);
                decisions.add(decision);
            }
        }
        if (!wrong.isEmpty()) {
            failWithMessage("%s", report(requests.size(), wrong, decisions, shouldAllow));
        }
        return this;
    }

    private static String report(int total, List<Access> wrong, List<Decision> decisions, boolean shouldAllow) {
        StringBuilder out = new StringBuilder();
        String verb = shouldAllow ? "denied" : "allowed";
        out.append("expected these requests to be ")
                .append(shouldAllow ? "allowed" : "denied")
                .append(", but ")
                .append(wrong.size())
                .append(" of ")
                .append(total)
                .append(wrong.size() == 1 ? " is " : " are ")
                .append(verb)
                .append(":\n");
        for (int i = 0; i < wrong.size(); i++) {
            out.append("  - ").append(wrong.get(i));
            List<MatchedStatement> deciding = decisions.get(i).decidingStatements();
            if (!deciding.isEmpty()) {
                out.append(": ")
                        .append(verb)
                        .append(" by ")
                        .append(deciding.get(0).describe());
            }
            out.append('\n');
        }
        // Explain each distinct reason once: the same statement allowing ten requests needs one explanation.
        Set<List<MatchedStatement>> explained = new HashSet<>();
        int shown = 0;
        for (int i = 0; i < wrong.size() && shown < MAX_EXPLAINED; i++) {
            if (!explained.add(decisions.get(i).decidingStatements())) {
                continue;
            }
            out.append("\nWhy ")
                    .append(wrong.get(i).description())
                    .append(" is ")
                    .append(verb)
                    .append(", as the IAM evaluator sees it:\n")
                    .append(decisions.get(i).explanation())
                    .append('\n');
            shown++;
        }
        return out.toString().stripTrailing();
    }
}
