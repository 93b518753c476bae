package dev.arcade.kit.sdk;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;

/**
 * The faults planned for the current test: the backend misbehaves on purpose, the way AWS does under
 * load and emulators never do, so that retry and backoff code can be graded.
 *
 * <p>Faults apply to the code under test only (never to the kit's grading clients), to the next
 * calls of the named operation, and are cleared after each test. {@link FaultInjector} carries them
 * out.
 * <ul>
 *   <li>{@link #throttle(String, int)}: the next {@code n} HTTP attempts fail with
 *       {@code ProvisionedThroughputExceededException} before reaching the backend, exactly as a
 *       throttled request does: nothing is written, and the SDK's own retry policy (if the client has
 *       one) sees a throttling error and may retry with backoff.</li>
 *   <li>{@link #unprocessedItems(int)}: the next {@code n} {@code BatchWriteItem} calls write only
 *       the first half of their items (rounded up); the rest come back in {@code UnprocessedItems}
 *       and are not written.</li>
 *   <li>{@link #unprocessedKeys(int)}: the same for {@code BatchGetItem} and {@code UnprocessedKeys}.</li>
 *   <li>{@link #shortPages(String, int)}: the next {@code n} {@code Query} (or {@code Scan}) pages that
 *       hold two items or more end after the first half of them (rounded up), with a
 *       {@code LastEvaluatedKey} that points at the last item returned, as a page does on AWS when it
 *       reaches 1 MB before {@code Limit}: "the page is full" and "there are more pages" are different
 *       things.</li>
 *   <li>{@link #throttle(String, int)} and {@link #fail(String, int, Supplier)} with
 *       {@link #throttlingException()} or {@link #requestLimitExceeded()}: the other throttling errors
 *       DynamoDB sends.</li>
 * </ul>
 */
public final class FaultPlan {
    /** What a planned fault does. */
    enum Kind {
        /** The attempt fails before it reaches the backend. */
        FAIL,
        /** Part of a batch's items is left unprocessed. */
        UNPROCESSED,
        /** A Query or Scan page stops early, with a LastEvaluatedKey. */
        SHORT_PAGE
    }

    /** One planned fault: which operation, how many more times, what it does. */
    record Fault(String operation, Kind kind, int remaining, Supplier<? extends SdkException> error) {}

    private final List<Fault> faults = new ArrayList<>();
    private int fired;

    FaultPlan() {}

    /** The next {@code attempts} HTTP attempts of DynamoDB {@code operation} are throttled. */
    public FaultPlan throttle(String operation, int attempts) {
        return fail(operation, attempts, FaultPlan::throughputExceeded);
    }

    /** The next {@code attempts} HTTP attempts of {@code operation} fail with {@code error}. */
    public synchronized FaultPlan fail(String operation, int attempts, Supplier<? extends SdkException> error) {
        requirePositive(attempts);
        faults.add(new Fault(operation, Kind.FAIL, attempts, error));
        return this;
    }

    /** The next {@code calls} BatchWriteItem calls leave half their items unprocessed. */
    public synchronized FaultPlan unprocessedItems(int calls) {
        requirePositive(calls);
        faults.add(new Fault("BatchWriteItem", Kind.UNPROCESSED, calls, null));
        return this;
    }

    /** The next {@code calls} BatchGetItem calls leave half their keys unprocessed. */
    public synchronized FaultPlan unprocessedKeys(int calls) {
        requirePositive(calls);
        faults.add(new Fault("BatchGetItem", Kind.UNPROCESSED, calls, null));
        return this;
    }

    /**
     * The next {@code pages} pages of {@code operation} ({@code "Query"} or {@code "Scan"}) that hold two
     * items or more come back with only the first half of them (rounded up) and a
     * {@code LastEvaluatedKey} pointing at the last item returned. {@code ExclusiveStartKey} carries on
     * from there as usual.
     */
    public synchronized FaultPlan shortPages(String operation, int pages) {
        requirePositive(pages);
        if (!operation.equals("Query") && !operation.equals("Scan")) {
            throw new IllegalArgumentException("short pages are for Query and Scan, not " + operation);
        }
        faults.add(new Fault(operation, Kind.SHORT_PAGE, pages, null));
        return this;
    }

    /** How many faults have fired in this test so far. */
    public synchronized int fired() {
        return fired;
    }

    /** Whether every planned fault has fired. */
    public synchronized boolean exhausted() {
        return faults.isEmpty();
    }

    /** Cancels every planned fault; the kit does this around each test. */
    synchronized void clear() {
        faults.clear();
        fired = 0;
    }

    /** Takes one firing of the first fault planned for {@code operation} of this kind, or null. */
    synchronized Fault take(String operation, Kind kind) {
        for (int i = 0; i < faults.size(); i++) {
            Fault f = faults.get(i);
            if (f.operation().equals(operation) && f.kind() == kind) {
                if (f.remaining() <= 1) {
                    faults.remove(i);
                } else {
                    faults.set(i, new Fault(f.operation(), f.kind(), f.remaining() - 1, f.error()));
                }
                fired++;
                return f;
            }
        }
        return null;
    }

    /** A {@code ProvisionedThroughputExceededException} as DynamoDB sends it (HTTP 400, a throttling code). */
    public static ProvisionedThroughputExceededException throughputExceeded() {
        String message = "The level of configured provisioned throughput for the table was exceeded."
                + " Consider increasing your provisioning level with the UpdateTable API. (injected by the workshop kit)";
        return (ProvisionedThroughputExceededException) ProvisionedThroughputExceededException.builder()
                .message(message)
                .statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode("ProvisionedThroughputExceededException")
                        .errorMessage(message)
                        .serviceName("DynamoDb")
                        .sdkHttpResponse(
                                SdkHttpResponse.builder().statusCode(400).build())
                        .build())
                .build();
    }

    /**
     * A {@code ThrottlingException} as DynamoDB sends it for control-plane and on-demand limits (HTTP
     * 400, a throttling code the SDK retries); thrown as a {@code DynamoDbException}.
     */
    public static DynamoDbException throttlingException() {
        return dynamoDbError(
                "ThrottlingException",
                "Rate of requests exceeds the allowed throughput." + " (injected by the workshop kit)");
    }

    /**
     * A {@code RequestLimitExceeded} as DynamoDB sends it when the account's throughput is exceeded
     * (HTTP 400, a throttling code the SDK retries); thrown as a {@code DynamoDbException}.
     */
    public static DynamoDbException requestLimitExceeded() {
        return dynamoDbError(
                "RequestLimitExceeded",
                "Throughput exceeds the current throughput limit for your"
                        + " account. Please contact AWS Support at https://aws.amazon.com/support to request a limit increase."
                        + " (injected by the workshop kit)");
    }

    /**
     * A {@code ValidationException} as DynamoDB sends it for a malformed request (HTTP 400, never worth
     * retrying); thrown as a {@code DynamoDbException}.
     */
    public static DynamoDbException validationException(String message) {
        return dynamoDbError("ValidationException", message + " (injected by the workshop kit)");
    }

    private static DynamoDbException dynamoDbError(String code, String message) {
        return (DynamoDbException) DynamoDbException.builder()
                .message(message)
                .statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode(code)
                        .errorMessage(message)
                        .serviceName("DynamoDb")
                        .sdkHttpResponse(
                                SdkHttpResponse.builder().statusCode(400).build())
                        .build())
                .build();
    }

    private static void requirePositive(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("a fault needs a count of at least 1, got " + n);
        }
    }
}
