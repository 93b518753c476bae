package dev.arcade.dynamodb;

import static dev.arcade.dynamodb.ScoreTable.ACHIEVED_AT;
import static dev.arcade.dynamodb.ScoreTable.GAME;
import static dev.arcade.dynamodb.ScoreTable.PK;
import static dev.arcade.dynamodb.ScoreTable.PLAYER_ID;
import static dev.arcade.dynamodb.ScoreTable.SCORE;
import static dev.arcade.dynamodb.ScoreTable.SK;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Exercise 1.3: keeps only a player's best score per game, with one conditional write.
 *
 * @see <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.ConditionExpressions.html">Condition expressions</a>
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
     * Stores {@code score} if it beats the player's best in that game (or is the first).
     *
     * @return whether it was a new personal best
     */
    public boolean submit(Score score) {
        AttributeValue points = AttributeValue.fromN(Long.toString(score.score()));
        try {
            dynamo.putItem(b -> b.tableName(tableName)
                    .item(Map.of(
                            PK, AttributeValue.fromS(ScoreTable.playerKey(score.playerId())),
                            SK, AttributeValue.fromS(ScoreTable.bestScoreKey(score.game())),
                            PLAYER_ID, AttributeValue.fromS(score.playerId()),
                            GAME, AttributeValue.fromS(score.game()),
                            SCORE, points,
                            ACHIEVED_AT, AttributeValue.fromS(score.achievedAt().toString())))
                    // DynamoDB checks the condition against the stored item and writes only if it holds,
                    // atomically: no other writer can slip in between the check and the write
                    .conditionExpression("attribute_not_exists(PK) OR score < :new")
                    .expressionAttributeValues(Map.of(":new", points)));
            return true;
        } catch (ConditionalCheckFailedException notABest) {
            return false;
        }
    }
}
