package dev.arcade.lambda.runtime;

import java.util.List;

/**
 * How one invocation ended in its execution environment.
 *
 * @param kind how it ended
 * @param payload the handler's response, or the error document Lambda returns ({@code errorMessage},
 *     {@code errorType}, {@code stackTrace}), UTF-8 JSON
 * @param errorType the error type, or null on success
 * @param initLines what the environment printed while it started (cold start) or between invocations
 * @param lines what the invocation printed
 * @param durationMs the invocation's duration in milliseconds
 * @param initDurationMs the cold start's init duration in milliseconds, or null when the environment was warm
 * @param memoryUsedMb the most memory the environment's JVM reported using, in MB
 */
public record RunOutcome(
        Kind kind,
        byte[] payload,
        String errorType,
        List<LogLine> initLines,
        List<LogLine> lines,
        double durationMs,
        Double initDurationMs,
        long memoryUsedMb) {

    /** How an invocation ended. */
    public enum Kind {
        /** the handler returned */
        SUCCESS,
        /** the handler threw */
        FUNCTION_ERROR,
        /** the environment could not start the handler (class missing, constructor threw, ...) */
        INIT_ERROR,
        /** the function ran longer than its timeout */
        TIMEOUT,
        /** the environment's JVM ended during the invocation ({@code System.exit}, a crash) */
        EXIT
    }

    /** True unless the handler returned normally. */
    public boolean failed() {
        return kind != Kind.SUCCESS;
    }
}
