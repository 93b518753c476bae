package dev.arcade.lambda.streams;

import java.util.Optional;

/**
 * Whether a function's execution role may perform an action on a resource, for the check Lambda
 * makes when a mapping is created or pointed at another function: without the four DynamoDB
 * Streams permissions, CreateEventSourceMapping fails with InvalidParameterValueException "Cannot
 * access stream ... Please ensure the role can perform the GetRecords, GetShardIterator,
 * DescribeStream, and ListStreams Actions on your stream in IAM." (the wording Lambda answers with;
 * "Using AWS Lambda with Amazon DynamoDB", "Execution role permissions", lists the actions). The
 * integrator implements it with the IAM evaluator over the function's role.
 */
@FunctionalInterface
public interface RoleAccess {

    /**
     * Checks one action for one function's role.
     *
     * @param functionArn the function (as FunctionLookup resolved it)
     * @param action the action, such as {@code dynamodb:GetRecords}
     * @param resourceArn the resource, here the stream ARN
     * @return empty when allowed; otherwise why not
     */
    Optional<String> denial(String functionArn, String action, String resourceArn);
}
