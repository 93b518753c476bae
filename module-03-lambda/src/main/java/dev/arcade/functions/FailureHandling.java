package dev.arcade.functions;

import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.EventSourcePosition;
import software.amazon.awssdk.services.lambda.model.FunctionResponseType;

/**
 * Exercise 3.7: the event source mapping of the awards function, set up so that a record that always
 * fails (a poison record) is retried a few times, then set aside in a queue, instead of blocking its
 * shard for a day.
 *
 * @see <a href="https://docs.aws.amazon.com/lambda/latest/dg/services-ddb-errors.html">Error handling for
 *     DynamoDB event sources</a>
 * @see <a href="https://docs.aws.amazon.com/lambda/latest/dg/services-ddb-batchfailurereporting.html">Partial
 *     batch responses</a>
 */
public final class FailureHandling {
    /** At most this many records per batch. */
    public static final int BATCH_SIZE = 10;

    /** How many times a failed batch is retried before it goes to the on-failure destination. */
    public static final int MAXIMUM_RETRY_ATTEMPTS = 2;

    private FailureHandling() {}

    /**
     * Creates the mapping from {@code streamArn} to the function: batches of at most
     * {@value #BATCH_SIZE} records from {@code TRIM_HORIZON}; the function reports failed records
     * ({@code FunctionResponseTypes} {@code ReportBatchItemFailures}); a batch whose function call
     * fails is split in two ({@code BisectBatchOnFunctionError}); {@value #MAXIMUM_RETRY_ATTEMPTS}
     * retries; then the batch's description goes to the SQS queue {@code queueArn} (the on-failure
     * destination) and the mapping moves on.
     *
     * @param lambda the Lambda client to use
     * @param functionName the function's name or ARN
     * @param streamArn the table's stream ARN
     * @param queueArn the on-failure destination, an SQS queue ARN
     * @return the mapping's UUID
     * @throws software.amazon.awssdk.services.lambda.model.InvalidParameterValueException when the
     *     function's role may not send to the queue
     */
    public static String connect(LambdaClient lambda, String functionName, String streamArn, String queueArn) {
        throw new UnsupportedOperationException("TODO 3.7: create the mapping (partial batch responses, bisection, retries, the on-failure destination)");
    }

    /**
     * Lets the function's role send to the on-failure destination: an inline policy allowing
     * {@code sqs:SendMessage} on {@code queueArn}, and nothing else.
     *
     * @param iam the IAM client to use
     * @param roleName the function's execution role
     * @param queueArn the queue's ARN, {@code arn:aws:sqs:REGION:ACCOUNT:NAME}
     */
    public static void grantDestination(IamClient iam, String roleName, String queueArn) {
        throw new UnsupportedOperationException("TODO 3.7: let the role send to the on-failure queue");
    }
}
