package dev.arcade.lambda.streams;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;

/**
 * The DynamoDB Streams data plane as a poller needs it (DynamoDB Streams API Reference,
 * "DescribeStream", "GetShardIterator", "GetRecords"); the integrator implements it over the
 * backend's DynamoDB Streams endpoint.
 */
public interface StreamReader {

    /** GetShardIterator's ShardIteratorType values. */
    enum IteratorType {
        /** The oldest untrimmed record of the shard. */
        TRIM_HORIZON,
        /** Just after the most recent record of the shard. */
        LATEST,
        /** At the given sequence number. */
        AT_SEQUENCE_NUMBER,
        /** Just after the given sequence number. */
        AFTER_SEQUENCE_NUMBER
    }

    /**
     * One shard of DescribeStream's StreamDescription.Shards.
     *
     * @param shardId the ShardId
     * @param parentShardId the ParentShardId, or null
     * @param startingSequenceNumber SequenceNumberRange.StartingSequenceNumber, or null
     * @param endingSequenceNumber SequenceNumberRange.EndingSequenceNumber, or null while the
     *     shard is open
     */
    record Shard(String shardId, String parentShardId, String startingSequenceNumber, String endingSequenceNumber) {

        /**
         * Validates the shard id.
         *
         * @param shardId see the record
         * @param parentShardId see the record
         * @param startingSequenceNumber see the record
         * @param endingSequenceNumber see the record
         */
        public Shard {
            Objects.requireNonNull(shardId, "shardId");
        }

        /**
         * Tells whether the shard is closed ("DescribeStream": both ends of the range present).
         *
         * @return true when it has an ending sequence number
         */
        public boolean closed() {
            return endingSequenceNumber != null;
        }
    }

    /**
     * One GetRecords answer.
     *
     * @param records the Records, each as the DynamoDB Streams JSON 1.0 API returns it (eventID,
     *     eventName, eventVersion, eventSource, awsRegion, dynamodb, userIdentity)
     * @param nextShardIterator NextShardIterator, or null once a closed shard is read to its end
     */
    record Page(List<JsonNode> records, String nextShardIterator) {

        /**
         * Copies the records.
         *
         * @param records see the record
         * @param nextShardIterator see the record
         */
        public Page {
            records = List.copyOf(records);
        }
    }

    /**
     * DescribeStream: the stream's shards, parents before children.
     *
     * @param streamArn the stream ARN
     * @return the shards
     */
    List<Shard> describeStream(String streamArn);

    /**
     * GetShardIterator.
     *
     * @param streamArn the stream ARN
     * @param shardId the shard
     * @param type the iterator type
     * @param sequenceNumber the sequence number for AT_ and AFTER_SEQUENCE_NUMBER, else null
     * @return the ShardIterator, or null when the shard has nothing left to read
     */
    String getShardIterator(String streamArn, String shardId, IteratorType type, String sequenceNumber);

    /**
     * GetRecords.
     *
     * @param shardIterator the iterator
     * @param limit at most this many records (GetRecords Limit, 1..1000)
     * @return the records and the next iterator
     */
    Page getRecords(String shardIterator, int limit);
}
