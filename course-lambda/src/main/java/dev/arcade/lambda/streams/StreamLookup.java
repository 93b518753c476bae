package dev.arcade.lambda.streams;

import java.util.Optional;

/**
 * What the integrator knows of DynamoDB streams: whether a stream ARN names an existing stream,
 * and of which table (DynamoDB Streams API Reference, "DescribeStream": StreamArn, TableName).
 */
@FunctionalInterface
public interface StreamLookup {

    /**
     * Looks a stream up.
     *
     * @param streamArn the stream ARN, as given in EventSourceArn
     * @return the table the stream belongs to, or empty when no such stream exists
     */
    Optional<String> tableName(String streamArn);
}
