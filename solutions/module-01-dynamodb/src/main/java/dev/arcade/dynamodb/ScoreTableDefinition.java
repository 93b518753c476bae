package dev.arcade.dynamodb;

import static dev.arcade.dynamodb.ScoreTable.ACHIEVED_AT;
import static dev.arcade.dynamodb.ScoreTable.GAME;
import static dev.arcade.dynamodb.ScoreTable.LEADERBOARD_INDEX;
import static dev.arcade.dynamodb.ScoreTable.PK;
import static dev.arcade.dynamodb.ScoreTable.PLAYER_ID;
import static dev.arcade.dynamodb.ScoreTable.SCORE;
import static dev.arcade.dynamodb.ScoreTable.SK;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.waiters.DynamoDbWaiter;

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
     * Creates the scores table ({@code PK}/{@code SK}, on-demand, with the {@code Leaderboard} index)
     * and waits until it is ACTIVE.
     *
     * @return the description of the table once it can be used
     */
    public TableDescription createTable(String tableName) {
        dynamo.createTable(b -> b.tableName(tableName)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                        attribute(PK, ScalarAttributeType.S),
                        attribute(SK, ScalarAttributeType.S),
                        attribute(GAME, ScalarAttributeType.S),
                        attribute(SCORE, ScalarAttributeType.N))
                .keySchema(key(PK, KeyType.HASH), key(SK, KeyType.RANGE))
                .globalSecondaryIndexes(index -> index.indexName(LEADERBOARD_INDEX)
                        .keySchema(key(GAME, KeyType.HASH), key(SCORE, KeyType.RANGE))
                        // the leaderboard shows who and when; everything else stays in the table
                        .projection(p ->
                                p.projectionType(ProjectionType.INCLUDE).nonKeyAttributes(PLAYER_ID, ACHIEVED_AT))));
        try (DynamoDbWaiter waiter = dynamo.waiter()) {
            return waiter.waitUntilTableExists(b -> b.tableName(tableName))
                    .matched()
                    .response()
                    .orElseThrow()
                    .table();
        }
    }

    private static AttributeDefinition attribute(String name, ScalarAttributeType type) {
        return AttributeDefinition.builder()
                .attributeName(name)
                .attributeType(type)
                .build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }
}
