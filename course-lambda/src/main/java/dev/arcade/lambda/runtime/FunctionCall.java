package dev.arcade.lambda.runtime;

/**
 * An AWS request a running function made, and what its execution role decided.
 *
 * @param service the signing name of the service ({@code dynamodb}, {@code logs}, ...)
 * @param operation the operation ({@code PutItem}), as far as the kit could tell
 * @param action the IAM action that was evaluated ({@code dynamodb:PutItem})
 * @param resource the resource ARN it was evaluated on
 * @param allowed whether the role allowed it (a denied request never reached the backend)
 * @param explanation the IAM evaluator's explanation of the decision
 * @param status the HTTP status the function got
 */
public record FunctionCall(
        String service,
        String operation,
        String action,
        String resource,
        boolean allowed,
        String explanation,
        int status) {}
