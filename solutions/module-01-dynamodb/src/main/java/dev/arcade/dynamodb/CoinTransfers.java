package dev.arcade.dynamodb;

import static dev.arcade.dynamodb.ScoreTable.PK;
import static dev.arcade.dynamodb.ScoreTable.SK;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Exercise 1.7: moves coins between two players, all or nothing.
 *
 * @see <a href="https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_TransactWriteItems.html">TransactWriteItems</a>
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
     * Moves {@code coins} from one player's profile to another's in one transaction.
     *
     * @param transferId identifies this transfer; sending it again must not move the coins twice
     * @throws InsufficientCoinsException when the sender has fewer than {@code coins}
     * @throws UnknownPlayerException     when the sender or the receiver has no profile
     */
    public void transfer(String transferId, String fromPlayer, String toPlayer, long coins) {
        if (coins < 1) {
            throw new IllegalArgumentException("a transfer moves at least one coin, not " + coins);
        }
        if (fromPlayer.equals(toPlayer)) {
            throw new IllegalArgumentException("a player cannot send coins to themselves: " + fromPlayer);
        }
        Map<String, AttributeValue> amount = Map.of(":amount", AttributeValue.fromN(Long.toString(coins)));
        try {
            dynamo.transactWriteItems(b -> b
                    // the same token within 10 minutes makes DynamoDB answer the first outcome again instead of
                    // re-running it
                    .clientRequestToken(transferId)
                    .transactItems(
                            t -> t.update(u -> u.tableName(tableName)
                                    .key(profile(fromPlayer))
                                    .updateExpression("SET coins = coins - :amount")
                                    .conditionExpression("attribute_exists(PK) AND coins >= :amount")
                                    .expressionAttributeValues(amount)
                                    // so that a failure tells "no such player" (no item) from "too poor" (an item)
                                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)),
                            t -> t.update(u -> u.tableName(tableName)
                                    .key(profile(toPlayer))
                                    .updateExpression("ADD coins :amount")
                                    .conditionExpression("attribute_exists(PK)")
                                    .expressionAttributeValues(amount))));
        } catch (TransactionCanceledException e) {
            List<CancellationReason> reasons = e.cancellationReasons();
            if (failedCondition(reasons, 0)) {
                if (reasons.get(0).hasItem() && !reasons.get(0).item().isEmpty()) {
                    throw new InsufficientCoinsException(fromPlayer, coins, e);
                }
                throw new UnknownPlayerException(fromPlayer, e);
            }
            if (failedCondition(reasons, 1)) {
                throw new UnknownPlayerException(toPlayer, e);
            }
            throw e;
        }
    }

    private static boolean failedCondition(List<CancellationReason> reasons, int action) {
        return reasons.size() > action
                && "ConditionalCheckFailed".equals(reasons.get(action).code());
    }

    private static Map<String, AttributeValue> profile(String playerId) {
        return Map.of(
                PK, AttributeValue.fromS(ScoreTable.playerKey(playerId)), SK, AttributeValue.fromS(ScoreTable.PROFILE));
    }
}
