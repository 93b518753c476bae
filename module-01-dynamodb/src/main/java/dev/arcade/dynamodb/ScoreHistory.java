package dev.arcade.dynamodb;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Exercise 1.5: pages through a player's history of one game, newest first.
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
     * One page of the plays of {@code game} by {@code playerId}, newest first: one Query on
     * {@code PK = PLAYER#<id> AND begins_with(SK, PLAY#<game>#)} with {@code ScanIndexForward = false} and
     * {@code Limit = pageSize}, continuing from the position encoded in {@code pageToken}.
     *
     * @param pageSize  at most this many plays
     * @param pageToken null for the first page, else the {@link HistoryPage#nextPageToken()} of the previous page
     * @return the page, whose token encodes the response's LastEvaluatedKey (null when there is none)
     * @see <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Query.Pagination.html">Paginating query results</a>
     */
    public HistoryPage history(String playerId, String game, int pageSize, String pageToken) {
        throw new UnsupportedOperationException("TODO 1.5: Query the " + game + " plays of " + playerId
                + ", newest first, Limit " + pageSize + ", starting after the key in the token");
    }
}
