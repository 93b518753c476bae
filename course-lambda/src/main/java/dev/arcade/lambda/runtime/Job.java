package dev.arcade.lambda.runtime;

import java.util.ArrayList;
import java.util.List;

/** One invocation on its way through an execution environment; guarded by the environment's lock. */
final class Job {
    final String requestId;
    final byte[] payload;
    final String invokedFunctionArn;
    final String traceId;
    final String clientContext;
    boolean handed;
    long startedNanos;
    long deadlineMs;
    double durationMs;
    byte[] result;
    String errorType;
    boolean completed;
    final List<LogLine> preLines = new ArrayList<>();
    final List<LogLine> lines = new ArrayList<>();
    final List<dev.arcade.lambda.runtime.FunctionCall> calls = new java.util.concurrent.CopyOnWriteArrayList<>();

    Job(String requestId, byte[] payload, String invokedFunctionArn, String traceId, String clientContext) {
        this.requestId = requestId;
        this.payload = payload;
        this.invokedFunctionArn = invokedFunctionArn;
        this.traceId = traceId;
        this.clientContext = clientContext;
    }
}
