package dev.arcade.kit.sdk;

import dev.arcade.evaluators.logs.FilterPattern;
import dev.arcade.evaluators.logs.InvalidFilterPatternException;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.InvalidParameterException;

/**
 * Answers {@code FilterLogEvents} with the filter pattern as CloudWatch Logs matches it: the emulator
 * gets the request without its pattern (moto matches any pattern that does not start with a letter or
 * a quote against every event, and its term matching is its own), and each page it answers keeps the
 * events that the course's {@link FilterPattern} matches, with the emulator's {@code nextToken}, so a
 * page may hold fewer events than {@code limit}, or none, while more remain, as on AWS
 * ("FilterLogEvents": "This operation can return empty results while there are more log events
 * available through the token"). A pattern CloudWatch Logs refuses fails the call with {@code
 * InvalidParameterException} (HTTP 400) before it is sent.
 *
 * <p>A global interceptor of every SDK client in the JVM, for the code under test and the kit alike.
 */
public final class LogFilterPatterns implements ExecutionInterceptor {
    private static final ExecutionAttribute<FilterPattern> PATTERN = new ExecutionAttribute<>("arcade.filterPattern");

    /** Public for the SDK, which instantiates global interceptors by reflection. */
    public LogFilterPatterns() {}

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
        if (!(context.request() instanceof FilterLogEventsRequest request)
                || request.filterPattern() == null
                || request.filterPattern().isBlank()) {
            return context.request();
        }
        FilterPattern pattern;
        try {
            pattern = FilterPattern.parse(request.filterPattern());
        } catch (InvalidFilterPatternException e) {
            throw InvalidParameterException.builder()
                    .message(e.getMessage())
                    .statusCode(400)
                    .awsErrorDetails(AwsErrorDetails.builder()
                            .errorCode(InvalidFilterPatternException.ERROR_CODE)
                            .errorMessage(e.getMessage())
                            .serviceName("CloudWatchLogs")
                            .build())
                    .build();
        }
        attributes.putAttribute(PATTERN, pattern);
        return request.toBuilder().filterPattern(null).build();
    }

    @Override
    public SdkResponse modifyResponse(Context.ModifyResponse context, ExecutionAttributes attributes) {
        FilterPattern pattern = attributes.getAttribute(PATTERN);
        if (pattern == null || !(context.response() instanceof FilterLogEventsResponse response)) {
            return context.response();
        }
        return response.toBuilder()
                .events(response.events().stream()
                        .filter(event -> pattern.matches(event.message()))
                        .toList())
                .build();
    }
}
