package dev.arcade.dynamodb;

import static dev.arcade.dynamodb.ScoreTable.PK;
import static dev.arcade.dynamodb.ScoreTable.PLAYED_AT;
import static dev.arcade.dynamodb.ScoreTable.SCORE;
import static dev.arcade.dynamodb.ScoreTable.SK;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Exercise 1.5: pages through a player's history of one game, newest first.
 *
 * @see <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Query.Pagination.html">Paginating query results</a>
 */
public final class ScoreHistory {
    private final DynamoDbClient dynamo;
    private final String tableName;

    /**
     * @param dynamo    the client to use
     * @param tableName the scores table
     */
    public ScoreHistory(DynamoDbClient dynamo, String tableName) {
        this.dynamo = dynamo;
        this.tableName = tableName;
    }

    /**
     * One page of the plays of {@code game} by {@code playerId}, newest first.
     *
     * @param pageSize  at most this many plays
     * @param pageToken null for the first page, else the {@link HistoryPage#nextPageToken()} of the previous one
     */
    public HistoryPage history(String playerId, String game, int pageSize, String pageToken) {
        String player = ScoreTable.playerKey(playerId);
        QueryResponse response = dynamo.query(b -> b.tableName(tableName)
                .keyConditionExpression("PK = :player AND begins_with(SK, :plays)")
                .expressionAttributeValues(Map.of(
                        ":player", AttributeValue.fromS(player),
                        ":plays", AttributeValue.fromS(ScoreTable.playPrefix(game))))
                .scanIndexForward(false)
                .limit(pageSize)
                .exclusiveStartKey(pageToken == null ? null : startKey(player, pageToken)));
        List<Play> plays = response.items().stream()
                .map(item -> new Play(
                        Long.parseLong(item.get(SCORE).n()),
                        Instant.parse(item.get(PLAYED_AT).s())))
                .toList();
        return new HistoryPage(plays, response.hasLastEvaluatedKey() ? token(response.lastEvaluatedKey()) : null);
    }

    /** The caller only needs something to hand back: the sort key, which is all that varies within one player. */
    private static String token(Map<String, AttributeValue> lastEvaluatedKey) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(lastEvaluatedKey.get(SK).s().getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, AttributeValue> startKey(String player, String token) {
        String sortKey = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        return Map.of(PK, AttributeValue.fromS(player), SK, AttributeValue.fromS(sortKey));
    }
}
