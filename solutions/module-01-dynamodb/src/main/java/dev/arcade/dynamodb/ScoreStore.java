package dev.arcade.dynamodb;

import static dev.arcade.dynamodb.ScoreTable.ACHIEVED_AT;
import static dev.arcade.dynamodb.ScoreTable.GAME;
import static dev.arcade.dynamodb.ScoreTable.PK;
import static dev.arcade.dynamodb.ScoreTable.PLAYER_ID;
import static dev.arcade.dynamodb.ScoreTable.SCORE;
import static dev.arcade.dynamodb.ScoreTable.SK;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/**
 * Exercise 1.2: saves and loads a player's best-score item.
 *
 * @see <a href="https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_PutItem.html">PutItem</a>
 * @see <a href="https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_GetItem.html">GetItem</a>
 */
public final class ScoreStore {
    private final DynamoDbClient dynamo;
    private final String tableName;

    /**
     * @param dynamo    the client to use
     * @param tableName the scores table
     */
    public ScoreStore(DynamoDbClient dynamo, String tableName) {
        this.dynamo = dynamo;
        this.tableName = tableName;
    }

    /** Writes {@code score} as the player's best-score item for its game, replacing any item there. */
    public void save(Score score) {
        dynamo.putItem(b -> b.tableName(tableName)
                .item(Map.of(
                        PK, AttributeValue.fromS(ScoreTable.playerKey(score.playerId())),
                        SK, AttributeValue.fromS(ScoreTable.bestScoreKey(score.game())),
                        PLAYER_ID, AttributeValue.fromS(score.playerId()),
                        GAME, AttributeValue.fromS(score.game()),
                        SCORE, AttributeValue.fromN(Long.toString(score.score())),
                        ACHIEVED_AT, AttributeValue.fromS(score.achievedAt().toString()))));
    }

    /** Reads the player's best-score item for {@code game}; empty when there is none. */
    public Optional<Score> find(String playerId, String game) {
        GetItemResponse response = dynamo.getItem(b -> b.tableName(tableName)
                .key(Map.of(
                        PK, AttributeValue.fromS(ScoreTable.playerKey(playerId)),
                        SK, AttributeValue.fromS(ScoreTable.bestScoreKey(game)))));
        if (!response.hasItem()) {
            return Optional.empty();
        }
        Map<String, AttributeValue> item = response.item();
        return Optional.of(new Score(
                item.get(PLAYER_ID).s(),
                item.get(GAME).s(),
                Long.parseLong(item.get(SCORE).n()),
                Instant.parse(item.get(ACHIEVED_AT).s())));
    }
}
