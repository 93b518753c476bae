package dev.arcade.dynamodb;

import static dev.arcade.dynamodb.ItemAssert.assertThatItem;
import static dev.arcade.dynamodb.ScoresFixture.n;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.arcade.kit.AwsTest;
import dev.arcade.kit.CodeUnderTest;
import dev.arcade.kit.Exercise;
import dev.arcade.kit.Graded;
import dev.arcade.kit.Learner;
import dev.arcade.kit.ResourceNames;
import dev.arcade.kit.sdk.ApiCalls;
import dev.arcade.kit.sdk.FaultPlan;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

@AwsTest
@Exercise("1.7")
@DisplayName("1.7 Transfer coins atomically")
class Exercise17CoinTransferTest {

    private Learner learner;
    private ScoresFixture scores;
    private CoinTransfers transfers;

    @BeforeEach
    void seed(Learner learner, DynamoDbClient kit, @CodeUnderTest DynamoDbClient forLearner, ResourceNames names) {
        this.learner = learner;
        scores = ScoresFixture.create(kit, names);
        transfers = new CoinTransfers(forLearner, scores.table());
        scores.putProfile("alice", Map.of("coins", n(100)));
        scores.putProfile("bob", Map.of("coins", n(20)));
        // a new player: a profile, but no coins attribute yet
        scores.putProfile("carol", Map.of("gamesPlayed", n(1)));
    }

    private void transfer(String from, String to, long coins) {
        transfer(UUID.randomUUID().toString(), from, to, coins);
    }

    private void transfer(String id, String from, String to, long coins) {
        learner.run(
                "transfer(" + from + " -> " + to + ", " + coins + " coins)",
                () -> transfers.transfer(id, from, to, coins));
    }

    private void assertCoins(String player, long coins, String situation) {
        assertThatItem(scores.profile(player))
                .as("%s's profile %s", player, situation)
                .exists()
                .hasNumber("coins", coins);
    }

    @Graded(points = 2)
    @DisplayName("a transfer takes the coins from the sender and gives them to the receiver")
    void transfer_movesCoinsFromSenderToReceiver() {
        transfer("alice", "bob", 30);

        assertCoins("alice", 70, "after sending 30 of her 100 coins");
        assertCoins("bob", 50, "after receiving 30 coins on top of his 20");
    }

    @Graded(points = 2)
    @DisplayName("a transfer is one TransactWriteItems with both updates, and nothing is read first")
    void transfer_isOneTransactionWithoutReadingFirst(ApiCalls calls) {
        transfer("alice", "bob", 30);

        assertThat(calls.operations())
                .as(
                        "expected exactly one TransactWriteItems (two separate UpdateItems can half-succeed; a read first"
                                + " races with other transfers), but your code called: %s",
                        calls.summary())
                .containsExactly("TransactWriteItems");
        TransactWriteItemsRequest request =
                calls.requests(TransactWriteItemsRequest.class).get(0);
        assertThat(request.transactItems())
                .as(
                        "expected two actions in the transaction, one per player, but it had %d",
                        request.transactItems().size())
                .hasSize(2);
    }

    @Graded(points = 2)
    @DisplayName(
            "a transfer of more coins than the sender has fails with InsufficientCoinsException and changes nothing")
    void transfer_refusesAnOverdraftAndChangesNothing() {
        InsufficientCoinsException e = learner.expectThrows(
                InsufficientCoinsException.class,
                "expected InsufficientCoinsException when alice (100 coins) sends 150: a condition coins >= :amount on"
                        + " the sender cancels the transaction, and cancellationReasons().get(0) says it was the sender",
                () -> transfers.transfer(UUID.randomUUID().toString(), "alice", "bob", 150));

        assertThat(e.playerId())
                .as("expected the exception to name the sender alice")
                .isEqualTo("alice");
        assertCoins("alice", 100, "after a refused transfer");
        assertCoins("bob", 20, "after a refused transfer");
    }

    @Graded(points = 1)
    @DisplayName("a sender may spend their very last coin")
    void transfer_allowsSpendingTheLastCoin() {
        transfer("alice", "bob", 100);

        assertCoins("alice", 0, "after sending all her 100 coins (the condition is coins >= :amount, not >)");
        assertCoins("bob", 120, "after receiving 100 coins");
    }

    @Graded(points = 2)
    @DisplayName(
            "a transfer to a player without a profile fails with UnknownPlayerException and the sender keeps the coins")
    void transfer_refusesAnUnknownReceiverAndKeepsTheSendersCoins() {
        UnknownPlayerException e = learner.expectThrows(
                UnknownPlayerException.class,
                "expected UnknownPlayerException when sending to a player with no profile: the receiver's update needs"
                        + " the condition attribute_exists(PK), or it creates a new item",
                () -> transfers.transfer(UUID.randomUUID().toString(), "alice", "nobody", 30));

        assertThat(e.playerId())
                .as("expected the exception to name the receiver, nobody (cancellationReasons().get(1))")
                .isEqualTo("nobody");
        assertCoins("alice", 100, "after a transfer to an unknown player was refused");
        assertThat(scores.profile("nobody"))
                .as("expected no profile to be created for the unknown receiver")
                .isEmpty();
    }

    @Graded(points = 1)
    @DisplayName("a transfer from a player without a profile fails with UnknownPlayerException naming the sender")
    void transfer_refusesAnUnknownSender() {
        UnknownPlayerException e = learner.expectThrows(
                UnknownPlayerException.class,
                "expected UnknownPlayerException naming ghost, who has no profile, not InsufficientCoinsException:"
                        + " ReturnValuesOnConditionCheckFailure = ALL_OLD shows whether the sender's item was there",
                () -> transfers.transfer(UUID.randomUUID().toString(), "ghost", "bob", 5));

        assertThat(e.playerId())
                .as("expected the exception to name the sender, ghost")
                .isEqualTo("ghost");
        assertCoins("bob", 20, "after a transfer from an unknown player was refused");
        assertThat(scores.profile("ghost"))
                .as("expected no profile to be created for the unknown sender")
                .isEmpty();
    }

    @Graded(points = 1)
    @DisplayName("a receiver whose profile has no coins attribute yet gets the coins")
    void transfer_givesCoinsToAReceiverWithoutCoinsYet() {
        transfer("alice", "carol", 25);

        assertCoins(
                "carol",
                25,
                "after receiving 25 coins on a profile that had no coins attribute (ADD coins :amount,"
                        + " or SET coins = if_not_exists(coins, :zero) + :amount; SET coins = coins + :amount fails on a missing"
                        + " attribute)");
        assertCoins("alice", 75, "after sending 25 of her 100 coins to carol");
    }

    @Graded(points = 1)
    @DisplayName(
            "a transaction cancelled for another reason (a conflict with another transaction) is not reported as an"
                    + " unknown player or missing coins")
    void transfer_letsOtherCancellationsThrough(FaultPlan faults) {
        faults.fail("TransactWriteItems", 1, () -> (TransactionCanceledException) TransactionCanceledException.builder()
                .message("Transaction cancelled, please refer cancellation reasons for specific reasons"
                        + " [None, TransactionConflict]")
                .cancellationReasons(
                        CancellationReason.builder().code("None").build(),
                        CancellationReason.builder()
                                .code("TransactionConflict")
                                .message("Transaction is ongoing for the item")
                                .build())
                .statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode("TransactionCanceledException")
                        .errorMessage("Transaction cancelled, please refer cancellation reasons for specific reasons"
                                + " [None, TransactionConflict]")
                        .build())
                .build());

        Throwable thrown =
                catchThrowable(() -> transfers.transfer(UUID.randomUUID().toString(), "alice", "bob", 10));

        if (thrown instanceof UnsupportedOperationException todo) {
            throw todo;
        }
        assertThat(thrown)
                .as(
                        "expected the transfer to fail when DynamoDB cancels the transaction because of a conflict with another"
                                + " transaction (cancellation reasons [None, TransactionConflict]): neither player is unknown and"
                                + " alice has the coins, so only ConditionalCheckFailed on one action means UnknownPlayerException"
                                + " or InsufficientCoinsException; let any other cancellation through (rethrow it)")
                .isNotNull()
                .isNotInstanceOfAny(UnknownPlayerException.class, InsufficientCoinsException.class);
        assertCoins("alice", 100, "after a cancelled transaction");
    }

    @Graded(points = 2)
    @DisplayName("the transfer id is the transaction's ClientRequestToken, so a retried transfer is not applied twice")
    void transfer_sendsTheTransferIdAsIdempotencyToken(ApiCalls calls) {
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        transfer(first, "alice", "bob", 1);
        transfer(first, "alice", "bob", 1);
        transfer(second, "alice", "bob", 1);

        // the emulator does not implement idempotency tokens (it would apply all three), so only the requests can show
        // it
        List<String> tokens = calls.requests(TransactWriteItemsRequest.class).stream()
                .map(TransactWriteItemsRequest::clientRequestToken)
                .toList();
        assertThat(tokens)
                .as("expected one TransactWriteItems per transfer, but your code called: %s", calls.summary())
                .hasSize(3);
        assertThat(tokens.get(0))
                .as(
                        "expected a ClientRequestToken (at most 36 characters) on the transaction, so that DynamoDB answers a"
                                + " repeated request with the first outcome instead of moving the coins again")
                .isNotBlank()
                .hasSizeLessThanOrEqualTo(36);
        assertThat(tokens.get(1))
                .as("expected the same transfer id to send the same ClientRequestToken both times")
                .isEqualTo(tokens.get(0));
        assertThat(tokens.get(2))
                .as("expected another transfer id to send another ClientRequestToken")
                .isNotEqualTo(tokens.get(0));
    }

    @Graded(points = 1)
    @DisplayName("zero, negative and self transfers are refused with IllegalArgumentException before any AWS call")
    void transfer_rejectsNonsenseBeforeCallingAws(ApiCalls calls) {
        learner.expectThrows(
                IllegalArgumentException.class,
                "expected IllegalArgumentException for a transfer of 0 coins",
                () -> transfers.transfer(UUID.randomUUID().toString(), "alice", "bob", 0));
        learner.expectThrows(
                IllegalArgumentException.class,
                "expected IllegalArgumentException for a transfer of -5 coins (it would move coins the other way)",
                () -> transfers.transfer(UUID.randomUUID().toString(), "alice", "bob", -5));
        learner.expectThrows(
                IllegalArgumentException.class,
                "expected IllegalArgumentException when alice sends coins to herself (a transaction cannot touch one"
                        + " item twice)",
                () -> transfers.transfer(UUID.randomUUID().toString(), "alice", "alice", 5));
        assertThat(calls.operations())
                .as(
                        "expected no AWS call for a transfer that is refused anyway, but your code called: %s",
                        calls.summary())
                .isEmpty();
    }
}
