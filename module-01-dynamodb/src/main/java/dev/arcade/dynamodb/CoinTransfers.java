package dev.arcade.dynamodb;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Exercise 1.7: moves coins between two players' profiles, all or nothing.
 */
public final class CoinTransfers {
    private final DynamoDbClient dynamo;
    private final String tableName;

    /**
     * @param dynamo    the client to use
     * @param tableName the scores table
     */
    public CoinTransfers(DynamoDbClient dynamo, String tableName) {
        this.dynamo = dynamo;
        this.tableName = tableName;
    }

    /**
     * Moves {@code coins} from one profile to another in one TransactWriteItems whose ClientRequestToken is
     * {@code transferId}; the sender must have enough coins and both players must exist.
     *
     * @param transferId identifies this transfer (at most 36 characters); sending it again must not move the coins twice
     * @throws InsufficientCoinsException when the sender has fewer than {@code coins}
     * @throws UnknownPlayerException     when the sender or the receiver has no profile
     * @throws IllegalArgumentException   when {@code coins} is not positive or both players are the same
     * @see <a href="https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_TransactWriteItems.html">TransactWriteItems</a>
     */
    public void transfer(String transferId, String fromPlayer, String toPlayer, long coins) {
        throw new UnsupportedOperationException("TODO 1.7: move " + coins + " coins from " + fromPlayer + " to "
                + toPlayer + " in one TransactWriteItems with conditions and ClientRequestToken " + transferId);
    }
}
