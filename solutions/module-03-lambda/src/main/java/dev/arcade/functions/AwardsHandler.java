package dev.arcade.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Exercise 3.7: gives the awards of the scores table's stream, one record at a time, and reports a
 * record that fails as a batch item failure instead of failing the whole batch, so that Lambda
 * retries from that record and not the records already done.
 *
 * @see <a href="https://docs.aws.amazon.com/lambda/latest/dg/services-ddb-batchfailurereporting.html">Configuring
 *     partial batch response with DynamoDB and Lambda</a>
 */
public final class AwardsHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {
    private final Awards awards;

    /** Lambda's constructor: the table from {@code TABLE_NAME}, the client built once. Given. */
    public AwardsHandler() {
        this(new Awards(DynamoDbClient.create(), System.getenv("TABLE_NAME")));
    }

    /** For tests, in-process. Given. */
    public AwardsHandler(Awards awards) {
        this.awards = awards;
    }

    /**
     * Gives each record's award ({@link Awards#award}), in the batch's order. When a record fails
     * (any exception), reports it: the response's {@code batchItemFailures} holds that record's
     * {@code dynamodb.SequenceNumber} as its {@code itemIdentifier}; a stream is retried from the
     * lowest failed record onwards, so the records after it are not processed in this invocation.
     *
     * @param event the stream batch
     * @return the failed record's sequence number, or an empty list when every record was processed
     */
    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        List<StreamsEventResponse.BatchItemFailure> failures = new ArrayList<>();
        for (DynamodbEvent.DynamodbStreamRecord record : event.getRecords()) {
            try {
                awards.award(record);
            } catch (RuntimeException e) {
                context.getLogger().log("record " + record.getDynamodb().getSequenceNumber() + " failed: " + e);
                failures.add(new StreamsEventResponse.BatchItemFailure(
                        record.getDynamodb().getSequenceNumber()));
                break;
            }
        }
        return new StreamsEventResponse(failures);
    }
}
