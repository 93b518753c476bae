package dev.arcade.functions;

import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.EventSourcePosition;

/**
 * Exercise 3.6: connects the top-10 function to the scores table's stream, the way the console's
 * "Add trigger" for DynamoDB does: an event source mapping, and the read permissions on the stream
 * that the mapping uses with the function's execution role.
 *
 * @see <a href="https://docs.aws.amazon.com/lambda/latest/dg/services-ddb-params.html">Lambda parameters
 *     for Amazon DynamoDB event source mappings</a>
 * @see <a href="https://docs.aws.amazon.com/lambda/latest/dg/invocation-eventfiltering.html">Lambda event
 *     filtering</a>
 */
public final class StreamTrigger {
    /** At most this many records per batch. */
    public static final int BATCH_SIZE = 25;

    private StreamTrigger() {}

    /**
     * Creates the event source mapping from {@code streamArn} to the function: batches of at most
     * {@value #BATCH_SIZE} records, from the oldest record the stream keeps ({@code TRIM_HORIZON}),
     * and a filter that passes only new best scores: {@code INSERT} and {@code MODIFY} records whose
     * new image is a best-score item ({@code SK} begins with {@code BEST#}), so that the function is
     * not invoked for removals, other items, or the top-10 items it writes itself.
     *
     * @param lambda the Lambda client to use
     * @param functionName the function's name or ARN
     * @param streamArn the table's stream ARN ({@code .../table/NAME/stream/LABEL})
     * @return the mapping's UUID
     * @throws software.amazon.awssdk.services.lambda.model.ResourceConflictException when the function
     *     already has a mapping of this stream
     */
    public static String connect(LambdaClient lambda, String functionName, String streamArn) {
        throw new UnsupportedOperationException("TODO 3.6: create the event source mapping (batch size, starting position, a filter for new bests)");
    }

    /**
     * Lets the role read the stream as an event source mapping does: an inline policy allowing
     * {@code dynamodb:DescribeStream}, {@code dynamodb:GetRecords}, {@code dynamodb:GetShardIterator}
     * and {@code dynamodb:ListStreams} on the stream, and nothing else.
     *
     * @param iam the IAM client to use
     * @param roleName the function's execution role
     * @param streamArn the stream's ARN
     */
    public static void grantStreamRead(IamClient iam, String roleName, String streamArn) {
        throw new UnsupportedOperationException("TODO 3.6: let the role read the stream");
    }
}
