package dev.arcade.lambda.streams;

import java.util.List;
import java.util.Objects;

/**
 * One thing a {@link StreamPoller} did with records, in the order it did them: what {@link
 * StreamPoller#drain()} returns.
 *
 * @param shardId the shard the records come from (null for {@link Kind#ACCESS_DENIED})
 * @param sequenceNumbers the records' SequenceNumbers, in shard order
 * @param attempt for an invocation, 1 for the first try of these records and one more per retry
 *     (a bisected half carries its parent's count, since splitting consumes no retry); 0 for what
 *     is not an invocation
 * @param kind what happened
 * @param detail the function error ({@code errorType: errorMessage}), the failed item
 *     identifiers, the destination and condition, or the denial; may be empty
 */
public record DeliveryRecord(String shardId, List<String> sequenceNumbers, int attempt, Kind kind, String detail) {

    /** What happened to the records. */
    public enum Kind {
        /** The function was invoked with the batch and succeeded; the checkpoint moved past it. */
        SUCCEEDED,
        /** The function returned batchItemFailures; the records before the lowest failure are done. */
        PARTIAL_FAILURE,
        /** The function failed (or returned an invalid partial response): the batch failed. */
        FUNCTION_ERROR,
        /** The records matched no filter and were dropped, counting as processed. */
        FILTERED_OUT,
        /** Retries exhausted or records too old: the invocation record went to the destination. */
        SENT_TO_DESTINATION,
        /** Retries exhausted or records too old, no destination: the records were dropped. */
        DISCARDED,
        /** The execution role may not read the stream: nothing was read. */
        ACCESS_DENIED
    }

    /**
     * Validates and copies the components.
     *
     * @param shardId see the record
     * @param sequenceNumbers see the record
     * @param attempt see the record
     * @param kind see the record
     * @param detail see the record
     */
    public DeliveryRecord {
        sequenceNumbers = List.copyOf(sequenceNumbers);
        Objects.requireNonNull(kind, "kind");
        detail = detail == null ? "" : detail;
    }
}
