package dev.arcade.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.arcade.kit.AwsTest;
import dev.arcade.kit.Exercise;
import dev.arcade.kit.Graded;
import dev.arcade.kit.Learner;
import dev.arcade.kit.ResourceNames;
import dev.arcade.kit.sdk.ApiCall;
import dev.arcade.kit.sdk.ApiCalls;
import dev.arcade.kit.sdk.AwsClients;
import dev.arcade.kit.sdk.FaultPlan;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

@AwsTest
@Exercise("1.8")
@DisplayName("1.8 Import old scores in batches")
class Exercise18BulkImportTest {
    private static final Instant START = Instant.parse("2019-03-01T12:00:00Z");
    private static final Duration BASE_DELAY = Duration.ofMillis(20);
    private static final int MAX_ATTEMPTS = 4;

    private Learner learner;
    private ScoresFixture scores;
    private DynamoDbClient noSdkRetries;
    private BulkImporter importer;

    /**
     * The importer gets a client whose SDK retries are off: the SDK would otherwise retry a throttled call
     * by itself (up to 9 attempts for DynamoDB, with waits of seconds), and these tests grade the retry loop
     * that every bulk import needs on top of the SDK's: the one for UnprocessedItems, and for when the SDK gives up.
     */
    @BeforeEach
    void seed(Learner learner, DynamoDbClient kit, AwsClients clients, ResourceNames names) {
        this.learner = learner;
        scores = ScoresFixture.create(kit, names);
        noSdkRetries = clients.configure(DynamoDbClient.builder(), true).build();
        importer = new BulkImporter(noSdkRetries, scores.table(), BASE_DELAY, MAX_ATTEMPTS);
    }

    @AfterEach
    void closeClient() {
        noSdkRetries.close();
    }

    /** {@code count} distinct history items from the old game server. */
    private static List<Map<String, AttributeValue>> oldPlays(int count) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            items.add(ScoresFixture.playItem("legacy" + (i % 7), "tetris", 100 + i, START.plusSeconds(i)));
        }
        return items;
    }

    private void importAll(List<Map<String, AttributeValue>> items) {
        learner.run("importAll(" + items.size() + " items)", () -> importer.importAll(items));
    }

    private static int size(BatchWriteItemRequest request) {
        return request.requestItems().values().stream().mapToInt(List::size).sum();
    }

    private static List<Integer> sizes(ApiCalls calls) {
        return calls.requests(BatchWriteItemRequest.class).stream()
                .map(Exercise18BulkImportTest::size)
                .toList();
    }

    /** How long after the previous BatchWriteItem each retry started, in milliseconds. */
    private static List<Long> gaps(List<ApiCall> batches) {
        List<Long> gaps = new ArrayList<>();
        for (int i = 1; i < batches.size(); i++) {
            gaps.add(batches.get(i).startedAfter(batches.get(i - 1)).toMillis());
        }
        return gaps;
    }

    /** Retry k (from 1) must wait at least BASE_DELAY * 2^(k-1): 20, 40, 80 ms. */
    private static void assertExponentialBackoff(List<ApiCall> batches, String after) {
        List<Long> gaps = gaps(batches);
        for (int k = 1; k <= gaps.size(); k++) {
            long atLeast = BASE_DELAY.toMillis() << (k - 1);
            assertThat(gaps.get(k - 1))
                    .as(
                            "expected retry %d %s to start at least %d ms (baseDelay x 2^%d) after the call before, but the"
                                    + " gaps between your BatchWriteItem calls were %s ms: wait before each retry, twice as long"
                                    + " each time",
                            k, after, atLeast, k - 1, gaps)
                    .isGreaterThanOrEqualTo(atLeast - 1);
        }
    }

    @Graded(points = 2)
    @DisplayName("every one of 120 items is written")
    void importAll_writesEveryItem() {
        importAll(oldPlays(120));

        assertThat(scores.count())
                .as("expected all 120 items in the table after the import")
                .isEqualTo(120);
    }

    @Graded(points = 2)
    @DisplayName("no BatchWriteItem call carries more than 25 items")
    void importAll_sendsAtMost25ItemsPerCall(ApiCalls calls) {
        importAll(oldPlays(60));

        assertThat(sizes(calls))
                .as(
                        "expected every BatchWriteItem to carry at most 25 items (DynamoDB rejects bigger batches with a"
                                + " ValidationException; this emulator accepts them, so the calls are checked), but your calls"
                                + " carried %s",
                        sizes(calls))
                .isNotEmpty()
                .allSatisfy(size -> assertThat(size).isLessThanOrEqualTo(25));
    }

    @Graded(points = 1)
    @DisplayName("60 items take three calls: full batches of 25, then the rest")
    void importAll_usesFullBatches(ApiCalls calls) {
        importAll(oldPlays(60));

        assertThat(sizes(calls))
                .as(
                        "expected batches of 25, 25 and 10 (fewer calls, fewer round trips), but your calls carried %s",
                        sizes(calls))
                .containsExactly(25, 25, 10);
    }

    @Graded(points = 2)
    @DisplayName("UnprocessedItems are sent again, only they, until everything is written")
    void importAll_retriesOnlyTheUnprocessedItems(FaultPlan faults, ApiCalls calls) {
        faults.unprocessedItems(3);

        importAll(oldPlays(30));

        assertThat(scores.count())
                .as("expected all 30 items written although the first three calls left half their items unprocessed:"
                        + " a BatchWriteItem that succeeds may still return UnprocessedItems, which were not written")
                .isEqualTo(30);
        List<ApiCall> batches = calls.of("BatchWriteItem");
        for (int i = 0; i + 1 < batches.size(); i++) {
            ApiCall call = batches.get(i);
            if (call.injectedFault().isEmpty() || call.response().isEmpty()) {
                continue;
            }
            List<WriteRequest> unprocessed = ((BatchWriteItemResponse)
                            call.response().get())
                    .unprocessedItems().values().stream().flatMap(List::stream).toList();
            List<WriteRequest> resent =
                    batches.get(i + 1).request(BatchWriteItemRequest.class).requestItems().values().stream()
                            .flatMap(List::stream)
                            .toList();
            assertThat(resent)
                    .as(
                            "expected call %d to send exactly the %d UnprocessedItems of call %d (already written items need"
                                    + " not go again), but it sent %d items; your calls carried %s",
                            i + 2, unprocessed.size(), i + 1, resent.size(), sizes(calls))
                    .containsExactlyInAnyOrderElementsOf(unprocessed);
        }
    }

    @Graded(points = 2)
    @DisplayName("retries of unprocessed items wait longer each time: at least 20, 40, 80 ms (exponential backoff)")
    void importAll_backsOffExponentiallyBetweenRetries(FaultPlan faults, ApiCalls calls) {
        faults.unprocessedItems(3);

        importAll(oldPlays(10));

        List<ApiCall> batches = calls.of("BatchWriteItem");
        assertThat(batches)
                .as(
                        "expected 4 BatchWriteItem calls for 10 items when 3 calls in a row leave some unprocessed, but your"
                                + " code called: %s",
                        calls.summary())
                .hasSize(4);
        assertExponentialBackoff(batches, "of unprocessed items");
    }

    @Graded(points = 2)
    @DisplayName("a throttled batch (ProvisionedThroughputExceededException) is retried with the same backoff")
    void importAll_retriesThrottledBatchesWithBackoff(FaultPlan faults, ApiCalls calls) {
        faults.throttle("BatchWriteItem", 3);

        importAll(oldPlays(10));

        assertThat(scores.count())
                .as("expected all 10 items written after 3 throttled calls: catch the throttling exception"
                        + " (e.isThrottlingException()), wait, and send the batch again")
                .isEqualTo(10);
        List<ApiCall> batches = calls.of("BatchWriteItem");
        assertThat(batches)
                .as(
                        "expected 4 BatchWriteItem calls (3 throttled, then 1 that works), but your code called: %s",
                        calls.summary())
                .hasSize(4);
        assertExponentialBackoff(batches, "after throttling");
    }

    @Graded(points = 2)
    @DisplayName("ThrottlingException and RequestLimitExceeded are throttling too, and are retried like"
            + " ProvisionedThroughputExceededException")
    void importAll_retriesEveryKindOfThrottling(FaultPlan faults, ApiCalls calls) {
        faults.fail("BatchWriteItem", 1, FaultPlan::throttlingException)
                .fail("BatchWriteItem", 1, FaultPlan::requestLimitExceeded)
                .fail("BatchWriteItem", 1, FaultPlan::throttlingException);

        importAll(oldPlays(10));

        assertThat(scores.count())
                .as("expected all 10 items written after DynamoDB throttled 3 calls with ThrottlingException,"
                        + " RequestLimitExceeded and ThrottlingException: DynamoDB throttles with more than one error"
                        + " code, so catch DynamoDbException and retry when e.isThrottlingException(), not only"
                        + " ProvisionedThroughputExceededException")
                .isEqualTo(10);
        assertThat(calls.count("BatchWriteItem"))
                .as(
                        "expected 4 BatchWriteItem calls (3 throttled, then 1 that works), but your code called: %s",
                        calls.summary())
                .isEqualTo(4);
        assertExponentialBackoff(calls.of("BatchWriteItem"), "after each kind of throttling");
    }

    @Graded(points = 2)
    @DisplayName("a ValidationException (a request DynamoDB refuses) is not retried: it reaches the caller at once")
    void importAll_doesNotRetryAValidationException(FaultPlan faults, ApiCalls calls) {
        faults.fail(
                "BatchWriteItem",
                1,
                () -> FaultPlan.validationException(
                        "One or more parameter values were invalid: Missing the key PK in the item"));

        Throwable thrown = catchThrowable(() -> importer.importAll(oldPlays(10)));

        if (thrown instanceof UnsupportedOperationException todo) {
            throw todo;
        }
        assertThat(thrown)
                .as("expected importAll to fail when DynamoDB answers ValidationException (the same request would be"
                        + " refused again), but it returned normally")
                .isNotNull();
        assertThat(calls.count("BatchWriteItem"))
                .as(
                        "expected exactly 1 BatchWriteItem call: a ValidationException is not throttling"
                                + " (e.isThrottlingException() is false), so retrying only wastes time; but your code called: %s",
                        calls.summary())
                .isEqualTo(1);
    }

    @Graded(points = 1)
    @DisplayName("50 items take exactly two calls of 25, and no empty batch after them")
    void importAll_sendsNoEmptyBatch(ApiCalls calls) {
        importAll(oldPlays(50));

        assertThat(sizes(calls))
                .as(
                        "expected BatchWriteItem calls carrying [25, 25] items (DynamoDB refuses a batch with no items), but"
                                + " your code called: %s",
                        calls.summary())
                .containsExactly(25, 25);
    }

    @Graded(points = 1)
    @DisplayName("the backoff starts at baseDelay: three retries wait no more than three times 20 + 40 + 80 ms in all")
    void importAll_startsTheBackoffAtBaseDelay(FaultPlan faults, ApiCalls calls) {
        faults.unprocessedItems(3);

        importAll(oldPlays(10));

        List<Long> gaps = gaps(calls.of("BatchWriteItem"));
        long expected = BASE_DELAY.toMillis() * (1 + 2 + 4);
        assertThat(gaps.stream().mapToLong(Long::longValue).sum())
                .as(
                        "expected the 3 retries to wait about baseDelay, 2 x baseDelay, 4 x baseDelay (20 + 40 + 80 = %d ms,"
                                + " plus some jitter), at most %d ms in all, but the gaps between your BatchWriteItem calls were"
                                + " %s ms: the first retry waits baseDelay, not more",
                        expected, 3 * expected, gaps)
                .isLessThanOrEqualTo(3 * expected);
    }

    @Graded(points = 1)
    @DisplayName("when items stay unprocessed, the import gives up with BulkImportException after maxAttempts calls")
    void importAll_givesUpOnItemsThatStayUnprocessed(FaultPlan faults, ApiCalls calls) {
        faults.unprocessedItems(1000);
        List<Map<String, AttributeValue>> items = oldPlays(25);

        learner.expectThrows(
                BulkImportException.class,
                () ->
                        "expected importAll to throw BulkImportException when a batch is still not written after maxAttempts = "
                                + MAX_ATTEMPTS + " calls, but your code made " + calls.count("BatchWriteItem")
                                + " calls carrying "
                                + sizes(calls) + " items",
                () -> importer.importAll(items));
        assertThat(calls.count("BatchWriteItem"))
                .as(
                        "expected exactly maxAttempts = %d BatchWriteItem calls (the first call counts), but your code"
                                + " called: %s",
                        MAX_ATTEMPTS, calls.summary())
                .isEqualTo(MAX_ATTEMPTS);
    }

    @Graded(points = 1)
    @DisplayName("when throttling does not stop, the import gives up with BulkImportException after maxAttempts calls")
    void importAll_givesUpWhenThrottlingDoesNotStop(FaultPlan faults, ApiCalls calls) {
        // a few more throttles than maxAttempts: a loop that never gives up ends too, and is told so
        faults.throttle("BatchWriteItem", MAX_ATTEMPTS + 3);
        List<Map<String, AttributeValue>> items = oldPlays(10);

        BulkImportException e = learner.expectThrows(
                BulkImportException.class,
                () ->
                        "expected importAll to throw BulkImportException (with the last throttling error as its cause) after"
                                + " maxAttempts = " + MAX_ATTEMPTS + " throttled calls, but your code made "
                                + calls.count("BatchWriteItem") + " calls",
                () -> importer.importAll(items));
        assertThat(calls.count("BatchWriteItem"))
                .as(
                        "expected exactly maxAttempts = %d BatchWriteItem calls, but your code called: %s",
                        MAX_ATTEMPTS, calls.summary())
                .isEqualTo(MAX_ATTEMPTS);
        assertThat(e.getCause())
                .as("expected the BulkImportException's cause to be the last throttling error DynamoDB answered (new"
                        + " BulkImportException(message, lastError)), so that whoever reads the failure sees why")
                .isInstanceOf(ProvisionedThroughputExceededException.class);
    }

    @Graded(points = 1)
    @DisplayName("every batch gets its own maxAttempts: retries spent on one import do not count against the next")
    void importAll_countsAttemptsPerBatch(FaultPlan faults, ApiCalls calls) {
        faults.unprocessedItems(MAX_ATTEMPTS - 1);
        importAll(oldPlays(10));
        faults.unprocessedItems(MAX_ATTEMPTS - 1);

        learner.run("importAll(10 more items) on the same BulkImporter", () -> importer.importAll(oldPlays(10)));

        assertThat(calls.count("BatchWriteItem"))
                .as(
                        "expected 2 x maxAttempts = %d BatchWriteItem calls, each import writing its batch on its last allowed"
                                + " attempt (count the attempts of each batch from 1, in a local variable, not in a field), but"
                                + " your code called: %s",
                        2 * MAX_ATTEMPTS, calls.summary())
                .isEqualTo(2 * MAX_ATTEMPTS);
    }

    @Graded(points = 1)
    @DisplayName("the waits double each time, also over a longer run: a fourth retry waits at least 160 ms")
    void importAll_keepsDoublingTheWait(FaultPlan faults, ApiCalls calls) {
        BulkImporter patient = new BulkImporter(noSdkRetries, scores.table(), BASE_DELAY, MAX_ATTEMPTS + 2);
        faults.unprocessedItems(4);

        learner.run(
                "importAll(25 items) with maxAttempts = " + (MAX_ATTEMPTS + 2), () -> patient.importAll(oldPlays(25)));

        List<ApiCall> batches = calls.of("BatchWriteItem");
        assertThat(batches)
                .as(
                        "expected 5 BatchWriteItem calls for 25 items when 4 calls in a row leave some unprocessed, but your"
                                + " code called: %s",
                        calls.summary())
                .hasSize(5);
        // a wait that grows by baseDelay each time (20, 40, 60, 80 ms) stays below 160 ms even with jitter
        assertExponentialBackoff(batches, "of unprocessed items (exponential: baseDelay x 2^(attempt-1), not linear)");
    }
}
