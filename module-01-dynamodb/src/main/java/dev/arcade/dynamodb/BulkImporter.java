package dev.arcade.dynamodb;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Exercise 1.8: writes many items with BatchWriteItem, retrying what DynamoDB did not write.
 */
public final class BulkImporter {
    /** The most write requests one BatchWriteItem call may carry. */
    public static final int MAX_BATCH_SIZE = 25;

    private final DynamoDbClient dynamo;
    private final String tableName;
    private final Duration baseDelay;
    private final int maxAttempts;

    /**
     * @param dynamo      the client to use
     * @param tableName   the table to write to
     * @param baseDelay   how long to wait before the first retry of a batch; each further retry waits twice as long
     * @param maxAttempts how many calls one batch may take in all, the first one included
     */
    public BulkImporter(DynamoDbClient dynamo, String tableName, Duration baseDelay, int maxAttempts) {
        this.dynamo = dynamo;
        this.tableName = tableName;
        this.baseDelay = baseDelay;
        this.maxAttempts = maxAttempts;
    }

    /**
     * Writes every item with BatchWriteItem in batches of at most {@link #MAX_BATCH_SIZE}; sends a batch's
     * UnprocessedItems (or the whole batch, when it was throttled) again after baseDelay, 2 x baseDelay,
     * 4 x baseDelay, ..., and gives up after {@code maxAttempts} calls for one batch.
     *
     * @throws BulkImportException when a batch is still not fully written after {@code maxAttempts} calls
     * @see <a href="https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_BatchWriteItem.html">BatchWriteItem</a>
     */
    public void importAll(List<Map<String, AttributeValue>> items) {
        throw new UnsupportedOperationException(
                "TODO 1.8: write " + items.size()
                        + " items with BatchWriteItem, 25 at a time, retrying UnprocessedItems and throttling with exponential backoff");
    }
}
