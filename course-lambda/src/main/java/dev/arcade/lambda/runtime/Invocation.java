package dev.arcade.lambda.runtime;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * One invocation of a deployed function, as the kit's runtime ran it: what a test reads to grade a
 * function's behaviour.
 *
 * @param requestId the request id (a UUID, as in the function's Context and its log lines)
 * @param functionName the function's name
 * @param invokedArn the ARN the caller invoked (qualified when the caller named a version or alias)
 * @param executedVersion the version that ran ({@code $LATEST} or a number)
 * @param invocationType {@code RequestResponse}, {@code Event} or {@code DryRun}
 * @param source who invoked: {@code api} (the Lambda API), or the trigger's service principal
 * @param coldStart true when a new execution environment started for it
 * @param initDurationMs the cold start's Init Duration in ms, or null when warm
 * @param durationMs its Duration in ms
 * @param payload the response, or the error document when it failed
 * @param functionError null when the handler returned, {@code Unhandled} otherwise
 * @param errorType the error's type ({@code java.lang.IllegalStateException}, {@code Sandbox.Timedout}, ...), or null
 * @param logLines every log event of the invocation, START to REPORT
 * @param calls the AWS requests the function made during the invocation, with the execution role's decision
 * @param environmentId the execution environment that ran it
 * @param startedAt when it started
 */
public record Invocation(
        String requestId,
        String functionName,
        String invokedArn,
        String executedVersion,
        String invocationType,
        String source,
        boolean coldStart,
        Double initDurationMs,
        double durationMs,
        byte[] payload,
        String functionError,
        String errorType,
        List<LogLine> logLines,
        List<FunctionCall> calls,
        String environmentId,
        Instant startedAt) {

    /** The payload as UTF-8 text. */
    public String payloadText() {
        return payload == null ? "" : new String(payload, StandardCharsets.UTF_8);
    }

    /** True when the handler did not return normally. */
    public boolean failed() {
        return functionError != null;
    }

    /** The log events' messages, in order. */
    public List<String> log() {
        return logLines.stream().map(LogLine::message).toList();
    }
}
