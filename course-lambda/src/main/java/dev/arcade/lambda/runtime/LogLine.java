package dev.arcade.lambda.runtime;

/**
 * One log event of an invocation, as it goes to CloudWatch Logs.
 *
 * @param timestamp milliseconds since the epoch
 * @param message the event's text, without a trailing newline
 */
public record LogLine(long timestamp, String message) {}
