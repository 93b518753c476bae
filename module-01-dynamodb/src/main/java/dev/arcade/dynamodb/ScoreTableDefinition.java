package dev.arcade.dynamodb;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * Exercise 1.1: creates the scores table from its access patterns.
 *
 * @see <a href="https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_CreateTable.html">CreateTable</a>
 */
public final class ScoreTableDefinition {
    private final DynamoDbClient dynamo;

    /** @param dynamo the client to create the table with */
    public ScoreTableDefinition(DynamoDbClient dynamo) {
        this.dynamo = dynamo;
    }

    /**
     * Creates the scores table (keys {@code PK}/{@code SK}, on-demand billing, and the {@code Leaderboard}
     * index on {@code game} and the numeric {@code score}), then waits with
     * {@code dynamo.waiter().waitUntilTableExists(...)} until it is ACTIVE.
     *
     * @return the description of the table once it can be used
     * @see <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/GSI.html">Global secondary indexes</a>
     */
    public TableDescription createTable(String tableName) {
        throw new UnsupportedOperationException("TODO 1.1: create table " + tableName
                + " with PK/SK, PAY_PER_REQUEST and the Leaderboard index, then wait for it");
    }
}
