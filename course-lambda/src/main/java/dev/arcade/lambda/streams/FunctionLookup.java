package dev.arcade.lambda.streams;

import java.util.Optional;

/**
 * What the integrator knows of deployed functions: turns a {@code FunctionName} as the Lambda API
 * accepts it into the function's ARN.
 *
 * <p>Input: a function name ({@code my-function}), a full ARN ({@code
 * arn:aws:lambda:us-west-2:123456789012:function:my-function}) or a partial ARN ({@code
 * 123456789012:function:my-function}), each optionally with a version or alias qualifier after a
 * colon ({@code my-function:PROD}), as in "CreateEventSourceMapping", request parameter
 * FunctionName. Output: the function's ARN, qualified when the input was, or empty when no such
 * function (or version, or alias) exists.
 */
@FunctionalInterface
public interface FunctionLookup {

    /**
     * Resolves a function name.
     *
     * @param functionName the name, ARN or partial ARN, optionally qualified
     * @return the function ARN, or empty when not found
     */
    Optional<String> functionArn(String functionName);
}
