package dev.arcade.functions;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The score service's data layer: each player's best score per game and the per-game leaderboard,
 * as module 01 built them. Given: use it, do not change it.
 *
 * <p>What it calls, for the execution role of exercise 3.4: {@code dynamodb:UpdateItem} and
 * {@code dynamodb:GetItem} on the table ({@link #submit}, {@link #best}), {@code dynamodb:Query} on
 * its {@value ScoreTable#LEADERBOARD_INDEX} index ({@link #top}).
 */
public final class BestScores {
    private final DynamoDbClient dynamo;
    private final String tableName;
    private final Clock clock;

    /**
     * @param dynamo the client to call DynamoDB with; build it once and share it
     * @param tableName the scores table (see {@link ScoreTable})
     */
    public BestScores(DynamoDbClient dynamo, String tableName) {
        this(dynamo, tableName, Clock.systemUTC());
    }

    /**
     * @param dynamo the client to call DynamoDB with
     * @param tableName the scores table
     * @param clock what {@code achievedAt} is read from
     */
    public BestScores(DynamoDbClient dynamo, String tableName, Clock clock) {
        this.dynamo = dynamo;
        this.tableName = tableName;
        this.clock = clock;
    }

    /** The table this data layer reads and writes. */
    public String tableName() {
        return tableName;
    }

    /**
     * Stores a score if it beats the player's best in that game, with one conditional UpdateItem;
     * otherwise reads the best that stands (GetItem, strongly consistent).
     *
     * @param game the game's id, not empty
     * @param playerId the player's id, not empty
     * @param score the score, 0 or more
     * @return whether it is a new best, and the best after it
     * @throws software.amazon.awssdk.services.dynamodb.model.DynamoDbException when DynamoDB refuses
     *     the call (for example AccessDeniedException, whose error code says so)
     */
    public Submission submit(String game, String playerId, long score) {
        Map<String, AttributeValue> key = key(game, playerId);
        try {
            dynamo.updateItem(u -> u.tableName(tableName)
                    .key(key)
                    .updateExpression("SET #player = :player, #game = :game, #score = :score, #at = :at")
                    .conditionExpression("attribute_not_exists(#score) OR #score < :score")
                    .expressionAttributeNames(Map.of(
                            "#player", ScoreTable.PLAYER_ID,
                            "#game", ScoreTable.GAME,
                            "#score", ScoreTable.SCORE,
                            "#at", ScoreTable.ACHIEVED_AT))
                    .expressionAttributeValues(Map.of(
                            ":player", AttributeValue.fromS(playerId),
                            ":game", AttributeValue.fromS(game),
                            ":score", AttributeValue.fromN(Long.toString(score)),
                            ":at", AttributeValue.fromS(clock.instant().toString()))));
            return new Submission(true, score);
        } catch (ConditionalCheckFailedException notBetter) {
            return new Submission(false, best(game, playerId).orElse(score));
        }
    }

    /**
     * The player's best score in a game (GetItem, strongly consistent).
     *
     * @return the best score, or empty if the player has none in that game
     */
    public OptionalLong best(String game, String playerId) {
        Map<String, AttributeValue> item = dynamo.getItem(
                        g -> g.tableName(tableName).key(key(game, playerId)).consistentRead(true))
                .item();
        if (item == null || !item.containsKey(ScoreTable.SCORE)) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Long.parseLong(item.get(ScoreTable.SCORE).n()));
    }

    /**
     * The best players of a game, best first (Query on the {@value ScoreTable#LEADERBOARD_INDEX}
     * index, descending).
     *
     * @param game the game's id
     * @param limit how many entries at most, 1 or more
     */
    public List<LeaderboardEntry> top(String game, int limit) {
        return dynamo
                .query(q -> q.tableName(tableName)
                        .indexName(ScoreTable.LEADERBOARD_INDEX)
                        .keyConditionExpression("#game = :game")
                        .expressionAttributeNames(Map.of("#game", ScoreTable.GAME))
                        .expressionAttributeValues(Map.of(":game", AttributeValue.fromS(game)))
                        .scanIndexForward(false)
                        .limit(limit))
                .items()
                .stream()
                .map(i -> new LeaderboardEntry(
                        i.get(ScoreTable.PLAYER_ID).s(),
                        Long.parseLong(i.get(ScoreTable.SCORE).n())))
                .toList();
    }

    private static Map<String, AttributeValue> key(String game, String playerId) {
        return Map.of(
                ScoreTable.PK, AttributeValue.fromS(ScoreTable.playerKey(playerId)),
                ScoreTable.SK, AttributeValue.fromS(ScoreTable.bestScoreKey(game)));
    }
}
