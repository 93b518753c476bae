package dev.arcade.lambda.streams;

import java.util.Optional;

/**
 * Whether the function's execution role may perform an action on a resource; the integrator
 * implements it with the IAM evaluator over the role's policies ("Using AWS Lambda with Amazon
 * DynamoDB", "Execution role permissions": dynamodb:DescribeStream, dynamodb:GetRecords,
 * dynamodb:GetShardIterator, dynamodb:ListStreams).
 */
@FunctionalInterface
public interface Authorizer {

    /**
     * Checks one action.
     *
     * @param action the action, such as {@code dynamodb:GetRecords}
     * @param resourceArn the resource, here the stream ARN
     * @return empty when allowed; otherwise why not, for the learner
     */
    Optional<String> denial(String action, String resourceArn);
}
