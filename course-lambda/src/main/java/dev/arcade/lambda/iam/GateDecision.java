package dev.arcade.lambda.iam;

import dev.arcade.evaluators.iam.Decision;
import java.util.List;
import java.util.Optional;

/**
 * What {@link ExecutionRoleGate} decided for one request: in, nothing (it is a result); out, the outcome,
 * the authorization and evaluator {@link Decision} that decided, and for a denial the message (worded as the
 * IAM User Guide's "Troubleshooting access denied error messages") and the {@link AwsErrorResponse} to send.
 *
 * @param allowed true when every authorization the request needs is allowed (or it needs none)
 * @param actions every authorization the request needs, as {@link IamActions} listed them
 * @param deciding the authorization that decided: the first denied one, else the last allowed one; null
 *     when the request needs none ({@code sts:GetCallerIdentity})
 * @param decision the evaluator's decision for {@code deciding}; null when it is null
 * @param explanation the evaluator's explanation, or a sentence saying no authorization was needed
 * @param message for a denial, the AccessDenied message as AWS words it; null when allowed
 * @param error for a denial, the response to send; null when allowed
 */
public record GateDecision(
        boolean allowed,
        List<ActionRequest> actions,
        ActionRequest deciding,
        Decision decision,
        String explanation,
        String message,
        AwsErrorResponse error) {

    /** Copies the list. */
    public GateDecision {
        actions = List.copyOf(actions);
    }

    /**
     * The response to send instead of forwarding, for a denial.
     *
     * @return the error response, empty when allowed
     */
    public Optional<AwsErrorResponse> errorResponse() {
        return Optional.ofNullable(error);
    }
}
