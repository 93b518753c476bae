package dev.arcade.lambda.triggers;

import dev.arcade.evaluators.iam.Decision;
import java.util.Objects;

/**
 * Whether a function policy lets a service invoke the function for one event source.
 *
 * @param allowed whether the invocation is allowed
 * @param statementId the {@code Sid} of the deciding statement (the allowing one, or the denying one
 *     for an explicit deny), or null when no statement decided
 * @param reason one sentence: which statement allowed it, or why not
 * @param decision the IAM evaluator's decision underneath, with its full explanation
 */
public record PolicyCheck(boolean allowed, String statementId, String reason, Decision decision) {

    /**
     * Validates the components.
     *
     * @param allowed whether allowed
     * @param statementId the deciding Sid, or null
     * @param reason the sentence
     * @param decision the evaluator's decision
     */
    public PolicyCheck {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(decision, "decision");
    }
}
