package dev.arcade.dynamodb;

import static dev.arcade.dynamodb.ScoreTable.PLAYER_ID;
import static dev.arcade.dynamodb.ScoreTable.SCORE;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Exercise 1.6: reads a game's leaderboard from the {@code Leaderboard} index.
 *
 * @see <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/GSI.html">Global secondary indexes</a>
 */
public final class LeaderboardQueries {
    private final DynamoDbClient dynamo;
    private final String tableName;

    /**
     * @param dynamo    the client to use
     * @param tableName the scores table
     */
    public LeaderboardQueries(DynamoDbClient dynamo, String tableName) {
        this.dynamo = dynamo;
        this.tableName = tableName;
    }

    /** The {@code n} best scores of {@code game}, highest first, ranked from 1. */
    public List<LeaderboardEntry> top(String game, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("a leaderboard has at least one place, asked for " + n);
        }
        List<Map<String, AttributeValue>> items = dynamo.query(b -> b.tableName(tableName)
                        .indexName(ScoreTable.LEADERBOARD_INDEX)
                        .keyConditionExpression("game = :game")
                        .expressionAttributeValues(Map.of(":game", AttributeValue.fromS(game)))
                        .projectionExpression("playerId, score")
                        .scanIndexForward(false)
                        .limit(n))
                .items();
        List<LeaderboardEntry> top = new ArrayList<>(items.size());
        for (Map<String, AttributeValue> item : items) {
            top.add(new LeaderboardEntry(
                    top.size() + 1,
                    item.get(PLAYER_ID).s(),
                    Long.parseLong(item.get(SCORE).n())));
        }
        return top;
    }
}
