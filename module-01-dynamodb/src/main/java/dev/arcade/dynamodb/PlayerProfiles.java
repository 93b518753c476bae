package dev.arcade.dynamodb;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Exercise 1.4: changes parts of a player's profile item ({@code PK = PLAYER#<id>, SK = PROFILE}) in place,
 * with update expressions.
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
     * Adds one to the profile's {@code gamesPlayed} (a Number) with one UpdateItem, creating the profile and the
     * counter if needed, without reading first.
     *
     * @return the new count
     * @see <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.UpdateExpressions.html#Expressions.UpdateExpressions.ADD">ADD</a>
     */
    public long recordGamePlayed(String playerId) {
        throw new UnsupportedOperationException("TODO 1.4: add one to gamesPlayed of " + playerId
                + " with an UpdateItem (ADD, or SET with if_not_exists) and return the new count");
    }

    /**
     * Puts {@code result} first in the profile's {@code recentResults} (a List of Maps with game, score and
     * playedAt) and keeps only the newest {@link #MAX_RECENT_RESULTS}, with UpdateItem only.
     *
     * @see <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.UpdateExpressions.html#Expressions.UpdateExpressions.SET.UpdatingListElements">list_append</a>
     */
    public void addRecentResult(String playerId, RecentResult result) {
        throw new UnsupportedOperationException("TODO 1.4: prepend " + result + " to recentResults of " + playerId
                + " with list_append and keep only the " + MAX_RECENT_RESULTS + " newest");
    }

    /**
     * Removes the {@code recentResults} attribute from the profile, leaving everything else as it is.
     *
     * @see <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.UpdateExpressions.html#Expressions.UpdateExpressions.REMOVE">REMOVE</a>
     */
    public void clearRecentResults(String playerId) {
        throw new UnsupportedOperationException("TODO 1.4: REMOVE recentResults from the profile of " + playerId);
    }
}
