package dev.arcade.kit.sdk;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;

/**
 * One AWS API call made by the code under test, as the SDK saw it: the request before any fault
 * was injected, when it started, and how it ended.
 */
public final class ApiCall {
    private final long sequence;
    private final String service;
    private final String operation;
    private final SdkRequest request;
    private final Instant startedAt;
    private final long startNanos;
    private volatile int attempts;
    private volatile long endNanos;
    private volatile SdkResponse response;
    private volatile Throwable failure;
    private volatile String injectedFault;

    ApiCall(long sequence, String service, String operation, SdkRequest request) {
        this.sequence = sequence;
        this.service = service;
        this.operation = operation;
        this.request = request;
        this.startedAt = Instant.now();
        this.startNanos = System.nanoTime();
    }

    /** Position in the order of calls, from 1. */
    public long sequence() {
        return sequence;
    }

    /** The service as the SDK names it, for example {@code DynamoDB}. */
    public String service() {
        return service;
    }

    /** The operation, for example {@code Query}. */
    public String operation() {
        return operation;
    }

    /** The request as the code under test built it. */
    public SdkRequest request() {
        return request;
    }

    /** The request as its concrete type, for example {@code QueryRequest}. */
    public <T extends SdkRequest> T request(Class<T> type) {
        return type.cast(request);
    }

    /** When the call started. */
    public Instant startedAt() {
        return startedAt;
    }

    /** How many HTTP attempts the SDK made for it (more than one when the SDK retried by itself). */
    public int attempts() {
        return attempts;
    }

    /** How long after {@code earlier} started this call started. */
    public Duration startedAfter(ApiCall earlier) {
        return Duration.ofNanos(startNanos - earlier.startNanos);
    }

    /** How long the call took, once it ended. */
    public Optional<Duration> duration() {
        return endNanos == 0 ? Optional.empty() : Optional.of(Duration.ofNanos(endNanos - startNanos));
    }

    /** The response, if the call succeeded (with any injected fault applied). */
    public Optional<SdkResponse> response() {
        return Optional.ofNullable(response);
    }

    /** The exception, if the call failed. */
    public Optional<Throwable> failure() {
        return Optional.ofNullable(failure);
    }

    /** The fault the kit injected into this call, if any, for example "throttled". */
    public Optional<String> injectedFault() {
        return Optional.ofNullable(injectedFault);
    }

    void attempted() {
        attempts++;
    }

    void succeeded(SdkResponse r) {
        this.response = r;
        this.endNanos = System.nanoTime();
    }

    void failed(Throwable t) {
        this.failure = t;
        this.endNanos = System.nanoTime();
    }

    void injected(String fault) {
        this.injectedFault = injectedFault == null ? fault : injectedFault + ", " + fault;
    }

    @Override
    public String toString() {
        return "#" + sequence + " " + service + "." + operation
                + (failure != null ? " failed: " + failure.getClass().getSimpleName() : "")
                + (injectedFault != null ? " [injected: " + injectedFault + "]" : "");
    }
}
