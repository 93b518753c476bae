package dev.arcade.dynamodb;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Exercise 1.8: writes many items with BatchWriteItem, retrying what DynamoDB did not write.
 *
 * @see <a href="https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_BatchWriteItem.html">BatchWriteItem</a>
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
     * Writes every item, in batches of at most {@link #MAX_BATCH_SIZE}.
     *
     * @throws BulkImportException when a batch is still not fully written after {@code maxAttempts} calls
     */
    public void importAll(List<Map<String, AttributeValue>> items) {
        for (int from = 0; from < items.size(); from += MAX_BATCH_SIZE) {
            List<WriteRequest> batch = items.subList(from, Math.min(from + MAX_BATCH_SIZE, items.size())).stream()
                    .map(item -> WriteRequest.builder()
                            .putRequest(put -> put.item(item))
                            .build())
                    .toList();
            write(batch);
        }
    }

    private void write(List<WriteRequest> batch) {
        Map<String, List<WriteRequest>> pending = Map.of(tableName, batch);
        DynamoDbException lastError = null;
        for (int attempt = 1; ; attempt++) {
            try {
                Map<String, List<WriteRequest>> request = pending;
                BatchWriteItemResponse response = dynamo.batchWriteItem(b -> b.requestItems(request));
                if (!response.hasUnprocessedItems()
                        || response.unprocessedItems().isEmpty()) {
                    return;
                }
                pending = response.unprocessedItems();
                lastError = null;
            } catch (DynamoDbException e) {
                if (!e.isThrottlingException()) {
                    throw e;
                }
                lastError = e;
            }
            if (attempt == maxAttempts) {
                int left = pending.values().stream().mapToInt(List::size).sum();
                throw new BulkImportException(
                        left + " items were still not written after " + maxAttempts + " attempts", lastError);
            }
            pause(attempt);
        }
    }

    /** Exponential backoff: baseDelay, 2 x baseDelay, 4 x baseDelay, ..., plus up to half as much random jitter. */
    private void pause(int attempt) {
        long millis = baseDelay.toMillis() << (attempt - 1);
        try {
            Thread.sleep(millis + ThreadLocalRandom.current().nextLong(millis / 2 + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BulkImportException("interrupted while waiting to retry", e);
        }
    }
}
