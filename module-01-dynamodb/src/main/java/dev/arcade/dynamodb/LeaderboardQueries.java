package dev.arcade.dynamodb;

import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Exercise 1.6: reads a game's leaderboard from the {@code Leaderboard} index.
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

    /**
     * The {@code n} best scores of {@code game}, highest first, ranked from 1: one Query on the index, descending,
     * with {@code Limit = n} and a ProjectionExpression of only playerId and score.
     *
     * @throws IllegalArgumentException when {@code n} is less than 1 (a leaderboard has at least one place), before
     *     any call to DynamoDB
     * @see <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/GSI.html#GSI.Querying">Querying a global secondary index</a>
     */
    public List<LeaderboardEntry> top(String game, int n) {
        throw new UnsupportedOperationException(
                "TODO 1.6: Query the Leaderboard index for the top " + n + " of " + game + ", highest first");
    }
}
