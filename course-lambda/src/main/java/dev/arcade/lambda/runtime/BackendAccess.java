package dev.arcade.lambda.runtime;

import java.net.URI;
import java.util.function.Supplier;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * The backend the runtime stands on, and the clients it reads and writes it with. The clients must
 * point at the backend itself (not at the runtime's front) and should not retry: the kit passes its
 * grading clients, which the call log does not record. They are asked for when first needed, so that
 * a runtime that runs nothing costs no client.
 *
 * @param endpoint the backend's loopback endpoint
 * @param region the region functions run in
 * @param account the backend's account ID
 * @param lambda the backend's Lambda API (function configuration, aliases, policies)
 * @param iam the backend's IAM API (execution roles and their policies)
 * @param logs the backend's CloudWatch Logs (where functions' logs go)
 * @param streams the backend's DynamoDB Streams (event source mappings)
 * @param dynamoDb the backend's DynamoDB (tables' key schemas, for {@code dynamodb:LeadingKeys})
 */
public record BackendAccess(
        URI endpoint,
        String region,
        String account,
        Supplier<LambdaClient> lambda,
        Supplier<IamClient> iam,
        Supplier<CloudWatchLogsClient> logs,
        Supplier<DynamoDbStreamsClient> streams,
        Supplier<DynamoDbClient> dynamoDb) {

    /** The same backend with each client made once, on first use. */
    public BackendAccess memoized() {
        return new BackendAccess(
                endpoint, region, account, once(lambda), once(iam), once(logs), once(streams), once(dynamoDb));
    }

    private static <T> Supplier<T> once(Supplier<T> supplier) {
        return new Supplier<>() {
            private T value;

            @Override
            public synchronized T get() {
                if (value == null) {
                    value = supplier.get();
                }
                return value;
            }
        };
    }
}
