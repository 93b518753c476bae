package dev.arcade.lambda.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceAlreadyExistsException;

/**
 * Writes a function's log events to the backend's CloudWatch Logs, as Lambda does: to the log group
 * {@code /aws/lambda/NAME} (or LoggingConfig's), one stream per execution environment, and only as
 * the execution role allows ({@code logs:CreateLogGroup} when the group does not exist yet,
 * {@code logs:CreateLogStream}, {@code logs:PutLogEvents}: "Sending Lambda function logs to
 * CloudWatch Logs"); without them the events are lost, as on AWS, and the invocation record still
 * has them.
 */
final class FunctionLogs {

    private final java.util.function.Supplier<CloudWatchLogsClient> logs;
    private final CallAuthorizer authorizer;
    private final Set<String> streams = ConcurrentHashMap.newKeySet();

    FunctionLogs(java.util.function.Supplier<CloudWatchLogsClient> logs, CallAuthorizer authorizer) {
        this.logs = logs;
        this.authorizer = authorizer;
    }

    /**
     * Writes one invocation's events.
     *
     * @return null when written, or why not (the role's decision)
     */
    synchronized String write(ExecutionEnvironment environment, List<LogLine> lines) {
        FunctionSnapshot function = environment.function();
        String group = function.logGroup();
        String groupArn = "arn:aws:logs:" + function.region() + ":" + function.account() + ":log-group:" + group;
        String streamArn = groupArn + ":log-stream:" + environment.logStream();
        String key = group + "\n" + environment.logStream();
        if (!streams.contains(key)) {
            boolean exists = !logs.get().describeLogGroups(b -> b.logGroupNamePrefix(group)).logGroups().stream()
                    .filter(g -> g.logGroupName().equals(group))
                    .toList()
                    .isEmpty();
            if (!exists) {
                CallAuthorizer.Verdict create = authorizer.allows(function, "logs:CreateLogGroup", groupArn);
                if (!create.allowed()) {
                    return create.explanation();
                }
                try {
                    logs.get().createLogGroup(b -> b.logGroupName(group));
                } catch (ResourceAlreadyExistsException e) {
                    // created meanwhile
                }
            }
            CallAuthorizer.Verdict stream = authorizer.allows(function, "logs:CreateLogStream", streamArn);
            if (!stream.allowed()) {
                return stream.explanation();
            }
            try {
                logs.get().createLogStream(b -> b.logGroupName(group).logStreamName(environment.logStream()));
            } catch (ResourceAlreadyExistsException e) {
                // created meanwhile
            }
            streams.add(key);
        }
        CallAuthorizer.Verdict put = authorizer.allows(function, "logs:PutLogEvents", streamArn);
        if (!put.allowed()) {
            return put.explanation();
        }
        List<InputLogEvent> events = new ArrayList<>();
        long last = 0;
        for (LogLine line : lines) {
            last = Math.max(last, line.timestamp());
            events.add(InputLogEvent.builder()
                    .timestamp(last)
                    .message(line.message())
                    .build());
        }
        if (!events.isEmpty()) {
            logs.get()
                    .putLogEvents(b -> b.logGroupName(group)
                            .logStreamName(environment.logStream())
                            .logEvents(events));
        }
        return null;
    }
}
