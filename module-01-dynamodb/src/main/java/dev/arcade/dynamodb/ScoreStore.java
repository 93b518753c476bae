package dev.arcade.dynamodb;

import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Exercise 1.2: saves and loads a player's best-score item.
 *
 * @see <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/HowItWorks.NamingRulesDataTypes.html">Data types</a>
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

    /**
     * Writes {@code score} with PutItem as the item {@code PK = PLAYER#<playerId>, SK = BEST#<game>}, with the
     * attributes playerId, game, score (a Number) and achievedAt (an ISO-8601 String), replacing any item there.
     *
     * @see <a href="https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_PutItem.html">PutItem</a>
     */
    public void save(Score score) {
        throw new UnsupportedOperationException("TODO 1.2: write the best-score item of " + score + " with PutItem");
    }

    /**
     * Reads the player's best-score item for {@code game} with GetItem; {@code Optional.empty()} when there is none.
     *
     * @see <a href="https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_GetItem.html">GetItem</a>
     */
    public Optional<Score> find(String playerId, String game) {
        throw new UnsupportedOperationException("TODO 1.2: read the best-score item of " + playerId + " in " + game
                + " with GetItem; Optional.empty() when there is none");
    }
}
