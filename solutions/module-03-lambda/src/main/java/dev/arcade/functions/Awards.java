package dev.arcade.functions;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The Arcade's awards: every new best score earns the player an award item ({@code PK =
 * PLAYER#<player>}, {@code SK = AWARD#<game>#<score>}), whose {@value #COUNT} says how many times it
 * was given, so a record processed twice shows. Given (exercise 3.7 uses it).
 */
public final class Awards {
    /** The attribute that counts how many times an award was given: 1 when each record was processed once. */
    public static final String COUNT = "count";

    private final DynamoDbClient dynamo;
    private final String tableName;

    /**
     * Awards on one table.
     *
     * @param dynamo the client to use
     * @param tableName the scores table's name
     */
    public Awards(DynamoDbClient dynamo, String tableName) {
        this.dynamo = dynamo;
        this.tableName = tableName;
    }

    /**
     * Gives the award of one stream record: for an {@code INSERT} or {@code MODIFY} of a best-score
     * item ({@code SK} begins with {@code BEST#}), adds 1 to the award's {@value #COUNT} (UpdateItem);
     * any other record is left alone.
     *
     * @param record a record of the scores table's stream
     * @throws IllegalArgumentException when the best-score item is malformed (no {@code playerId} or
     *     {@code game}, or a {@code score} that is missing or negative): a poison record, which fails
     *     every time it is processed
     * @throws software.amazon.awssdk.services.dynamodb.model.DynamoDbException when DynamoDB refuses the write
     */
    public void award(DynamodbEvent.DynamodbStreamRecord record) {
        String name = record.getEventName();
        Map<String, AttributeValue> image =
                record.getDynamodb() == null ? null : record.getDynamodb().getNewImage();
        if (!("INSERT".equals(name) || "MODIFY".equals(name)) || image == null) {
            return;
        }
        AttributeValue sk = image.get(ScoreTable.SK);
        if (sk == null || sk.getS() == null || !sk.getS().startsWith("BEST#")) {
            return;
        }
        String player = text(image, ScoreTable.PLAYER_ID);
        String game = text(image, ScoreTable.GAME);
        AttributeValue score = image.get(ScoreTable.SCORE);
        if (player == null
                || game == null
                || score == null
                || score.getN() == null
                || score.getN().startsWith("-")) {
            throw new IllegalArgumentException(
                    "a malformed best score at " + image.get(ScoreTable.PK) + ", " + sk.getS() + ": " + image
                            + " (sequence number " + record.getDynamodb().getSequenceNumber() + ")");
        }
        dynamo.updateItem(u -> u.tableName(tableName)
                .key(key(player, game, Long.parseLong(score.getN())))
                .updateExpression("ADD #count :one")
                .expressionAttributeNames(Map.of("#count", COUNT))
                .expressionAttributeValues(
                        Map.of(":one", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromN("1"))));
    }

    /**
     * How many times an award was given.
     *
     * @return the count, 0 when never
     */
    public long count(String player, String game, long score) {
        var item = dynamo.getItem(g ->
                        g.tableName(tableName).key(key(player, game, score)).consistentRead(true))
                .item();
        return item == null || !item.containsKey(COUNT)
                ? 0
                : Long.parseLong(item.get(COUNT).n());
    }

    private static Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> key(
            String player, String game, long score) {
        return Map.of(
                ScoreTable.PK,
                software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(ScoreTable.playerKey(player)),
                ScoreTable.SK,
                software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("AWARD#" + game + "#" + score));
    }

    private static String text(Map<String, AttributeValue> image, String name) {
        AttributeValue value = image.get(name);
        return value == null ? null : value.getS();
    }
}
