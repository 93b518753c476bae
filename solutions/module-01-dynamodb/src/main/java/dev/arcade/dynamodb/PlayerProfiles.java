package dev.arcade.dynamodb;

import static dev.arcade.dynamodb.ScoreTable.PK;
import static dev.arcade.dynamodb.ScoreTable.SK;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * Exercise 1.4: changes parts of a player's profile item in place, with update expressions.
 *
 * @see <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.UpdateExpressions.html">Update expressions</a>
 */
public final class PlayerProfiles {
    /** How many results {@code recentResults} keeps. */
    public static final int MAX_RECENT_RESULTS = 5;

    private final DynamoDbClient dynamo;
    private final String tableName;

    /**
     * @param dynamo    the client to use
     * @param tableName the scores table
     */
    public PlayerProfiles(DynamoDbClient dynamo, String tableName) {
        this.dynamo = dynamo;
        this.tableName = tableName;
    }

    /**
     * Adds one to the player's {@code gamesPlayed}, creating the profile if needed.
     *
     * @return the new count
     */
    public long recordGamePlayed(String playerId) {
        UpdateItemResponse response = dynamo.updateItem(b -> b.tableName(tableName)
                .key(profile(playerId))
                // ADD starts from 0 when the attribute is missing, and DynamoDB applies it atomically
                .updateExpression("ADD gamesPlayed :one")
                .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1")))
                .returnValues(ReturnValue.UPDATED_NEW));
        return Long.parseLong(response.attributes().get(ScoreTable.GAMES_PLAYED).n());
    }

    /** Puts {@code result} first in the player's {@code recentResults} and keeps only the newest {@link #MAX_RECENT_RESULTS}. */
    public void addRecentResult(String playerId, RecentResult result) {
        AttributeValue entry = AttributeValue.fromM(Map.of(
                "game", AttributeValue.fromS(result.game()),
                "score", AttributeValue.fromN(Long.toString(result.score())),
                "playedAt", AttributeValue.fromS(result.playedAt().toString())));
        UpdateItemResponse response = dynamo.updateItem(b -> b.tableName(tableName)
                .key(profile(playerId))
                .updateExpression("SET recentResults = list_append(:newest, if_not_exists(recentResults, :none))")
                .expressionAttributeValues(Map.of(
                        ":newest", AttributeValue.fromL(List.of(entry)),
                        ":none", AttributeValue.fromL(List.of())))
                .returnValues(ReturnValue.UPDATED_NEW));
        int size = response.attributes().get(ScoreTable.RECENT_RESULTS).l().size();
        if (size > MAX_RECENT_RESULTS) {
            // one expression cannot both SET a list and REMOVE its elements, so the trim is a second update
            String oldest = IntStream.range(MAX_RECENT_RESULTS, size)
                    .mapToObj(i -> "recentResults[" + i + "]")
                    .collect(Collectors.joining(", "));
            dynamo.updateItem(b -> b.tableName(tableName).key(profile(playerId)).updateExpression("REMOVE " + oldest));
        }
    }

    /** Removes the {@code recentResults} attribute from the player's profile, leaving the rest as it is. */
    public void clearRecentResults(String playerId) {
        dynamo.updateItem(b -> b.tableName(tableName).key(profile(playerId)).updateExpression("REMOVE recentResults"));
    }

    private static Map<String, AttributeValue> profile(String playerId) {
        return Map.of(
                PK, AttributeValue.fromS(ScoreTable.playerKey(playerId)), SK, AttributeValue.fromS(ScoreTable.PROFILE));
    }
}
