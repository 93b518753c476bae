package dev.arcade.functions;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamViewType;
import java.util.LinkedHashMap;
import java.util.Map;

/** Records of the scores table's stream, as Lambda hands them to a {@code DynamodbEvent} handler: for in-process tests. */
final class StreamRecords {
    private StreamRecords() {}

    /**
     * One record of an item keyed {@code pk}, {@code sk}: its new image (its old one for a REMOVE) holds
     * the keys and {@code attributes}.
     *
     * @param sequenceNumber the record's {@code dynamodb.SequenceNumber}
     * @param eventId its {@code eventID}, which is not what Lambda wants back for a stream
     */
    static DynamodbEvent.DynamodbStreamRecord record(
            String eventName,
            String pk,
            String sk,
            Map<String, AttributeValue> attributes,
            String sequenceNumber,
            String eventId) {
        StreamRecord change = new StreamRecord();
        change.setKeys(
                Map.of(ScoreTable.PK, new AttributeValue().withS(pk), ScoreTable.SK, new AttributeValue().withS(sk)));
        change.setSequenceNumber(sequenceNumber);
        change.setStreamViewType(StreamViewType.NEW_AND_OLD_IMAGES);
        Map<String, AttributeValue> image = new LinkedHashMap<>();
        image.put(ScoreTable.PK, new AttributeValue().withS(pk));
        image.put(ScoreTable.SK, new AttributeValue().withS(sk));
        image.putAll(attributes);
        if (eventName.equals("REMOVE")) {
            change.setOldImage(image);
        } else {
            change.setNewImage(image);
        }
        DynamodbEvent.DynamodbStreamRecord record = new DynamodbEvent.DynamodbStreamRecord();
        record.setEventName(eventName);
        record.setEventSource("aws:dynamodb");
        record.setEventID(eventId);
        record.setAwsRegion("us-east-1");
        record.setDynamodb(change);
        return record;
    }

    /** A best-score record, as BestScores' UpdateItem makes it appear on the stream. */
    static DynamodbEvent.DynamodbStreamRecord best(
            String eventName, String player, String game, long score, String sequenceNumber, String eventId) {
        return record(
                eventName,
                ScoreTable.playerKey(player),
                ScoreTable.bestScoreKey(game),
                Map.of(
                        ScoreTable.PLAYER_ID, new AttributeValue().withS(player),
                        ScoreTable.GAME, new AttributeValue().withS(game),
                        ScoreTable.SCORE, new AttributeValue().withN(Long.toString(score))),
                sequenceNumber,
                eventId);
    }
}
