package dev.arcade.kit.sdk;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.SdkRequest;

/**
 * The AWS API calls the code under test made during the current test, in order: a read-only view.
 *
 * <p>Every SDK client in the JVM is seen (the kit registers a global {@code ExecutionInterceptor},
 * {@link ApiCallRecorder}), including clients the learner builds with {@code DynamoDbClient.create()};
 * the kit's own grading clients are left out. The log is emptied before each test. Use it to grade
 * how a thing was done: "a Query on the index, not a Scan", "one conditional PutItem, no GetItem
 * first".
 */
public final class ApiCalls {
    private final List<ApiCall> calls = new ArrayList<>();
    private final AtomicLong sequence = new AtomicLong();

    ApiCalls() {}

    /** Every call so far, in order. */
    public synchronized List<ApiCall> all() {
        return List.copyOf(calls);
    }

    /** The calls of one operation, for example {@code "Query"}. */
    public synchronized List<ApiCall> of(String operation) {
        return calls.stream().filter(c -> c.operation().equals(operation)).collect(Collectors.toList());
    }

    /** The requests of one type, for example {@code QueryRequest.class}, in order. */
    public synchronized <T extends SdkRequest> List<T> requests(Class<T> type) {
        return calls.stream()
                .map(ApiCall::request)
                .filter(type::isInstance)
                .map(type::cast)
                .collect(Collectors.toList());
    }

    /** The operation names, in order, for example {@code [GetItem, PutItem]}. */
    public synchronized List<String> operations() {
        return calls.stream().map(ApiCall::operation).collect(Collectors.toList());
    }

    /** How many calls of {@code operation} were made. */
    public synchronized int count(String operation) {
        return (int) calls.stream().filter(c -> c.operation().equals(operation)).count();
    }

    /** The operations as one line for failure messages: "GetItem, PutItem" or "no AWS calls". */
    public synchronized String summary() {
        return calls.isEmpty() ? "no AWS calls" : String.join(", ", operations());
    }

    /** Forgets every call; before each test. */
    synchronized void clear() {
        calls.clear();
    }

    /** Records the start of a call; for {@link ApiCallRecorder}. */
    synchronized ApiCall record(String service, String operation, SdkRequest request) {
        ApiCall call = new ApiCall(sequence.incrementAndGet(), service, operation, request);
        calls.add(call);
        return call;
    }
}
