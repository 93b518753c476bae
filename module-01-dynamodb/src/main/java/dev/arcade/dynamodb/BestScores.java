package dev.arcade.dynamodb;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Exercise 1.3: keeps only a player's best score per game, with one conditional write.
 */
public final class BestScores {
    private final DynamoDbClient dynamo;
    private final String tableName;

    /**
     * @param dynamo    the client to use
     * @param tableName the scores table
     */
    public BestScores(DynamoDbClient dynamo, String tableName) {
        this.dynamo = dynamo;
        this.tableName = tableName;
    }

    /**
     * Writes {@code score} as the best-score item only if there is none yet or the stored score is lower, in one
     * conditional PutItem (no read first), and tells whether it was written.
     *
     * @return true when it was a new personal best, false when the condition failed
     * @see <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.ConditionExpressions.html">Condition expressions</a>
     */
    public boolean submit(Score score) {
        throw new UnsupportedOperationException(
                "TODO 1.3: write " + score
                        + " with one conditional PutItem (attribute_not_exists(PK) OR score < :new) and catch ConditionalCheckFailedException");
    }
}
