package dev.arcade.kit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.SdkRequest;

/**
 * The AWS API calls the code under test made during the current test, in order.
 *
 * <p>Every SDK client in the JVM is seen (the kit registers a global {@code ExecutionInterceptor}),
 * including clients the learner builds with {@code DynamoDbClient.create()}; the kit's own
 * grading clients are left out. The log is cleared before each test. Use it to grade how a
 * thing was done: "a Query on the index, not a Scan", "one conditional PutItem, no GetItem first".
 */
public final class SdkCalls {
    private static final SdkCalls INSTANCE = new SdkCalls();

    private final List<SdkCall> calls = new ArrayList<>();
    private final AtomicLong sequence = new AtomicLong();

    private SdkCalls() {}

    /** The JVM's call log. */
    public static SdkCalls log() {
        return INSTANCE;
    }

    /** Every call so far, in order. */
    public synchronized List<SdkCall> all() {
        return List.copyOf(calls);
    }

    /** The calls of one operation, for example {@code "Query"}. */
    public synchronized List<SdkCall> of(String operation) {
        return calls.stream().filter(c -> c.operation().equals(operation)).collect(Collectors.toList());
    }

    /** The requests of one type, for example {@code QueryRequest.class}, in order. */
    public synchronized <T extends SdkRequest> List<T> requests(Class<T> type) {
        return calls.stream().map(SdkCall::request).filter(type::isInstance).map(type::cast)
                .collect(Collectors.toList());
    }

    /** The operation names, in order, for example {@code [GetItem, PutItem]}. */
    public synchronized List<String> operations() {
        return calls.stream().map(SdkCall::operation).collect(Collectors.toList());
    }

    /** How many calls of {@code operation} were made. */
    public synchronized int count(String operation) {
        return (int) calls.stream().filter(c -> c.operation().equals(operation)).count();
    }

    /** The operations as one line for failure messages: "GetItem, PutItem" or "no AWS calls". */
    public synchronized String summary() {
        return calls.isEmpty() ? "no AWS calls" : String.join(", ", operations());
    }

    /** Forgets every call; the kit does this before each test. */
    public synchronized void clear() {
        calls.clear();
    }

    /** Records the start of a call; for the kit's interceptor. */
    public synchronized SdkCall record(String service, String operation, SdkRequest request) {
        SdkCall call = new SdkCall(sequence.incrementAndGet(), service, operation, request,
                Thread.currentThread().getName());
        calls.add(call);
        return call;
    }

    /** Notes one HTTP attempt of {@code call}; for the kit's interceptor. */
    public static void attempted(SdkCall call) {
        call.attempted();
    }

    /** Notes the end of {@code call}; for the kit's interceptor. */
    public static void ended(SdkCall call, software.amazon.awssdk.core.SdkResponse response, Throwable failure) {
        if (failure != null) {
            call.failed(failure);
        } else {
            call.succeeded(response);
        }
    }

    /** Notes a fault injected into {@code call}; for the kit's fault injection. */
    public static void injected(SdkCall call, String fault) {
        call.injected(fault);
    }
}
