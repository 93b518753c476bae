package dev.arcade.kit.backend;

/**
 * Something a backend really does, as opposed to accepting the call and faking the result.
 *
 * <p>A test that needs one is annotated {@link RequiresCapability}; on a backend without it the test
 * is reported "not gradable on &lt;backend&gt;" with {@link #missingBecause()}, never passed and never
 * failed. The facts behind each entry are in {@code docs/backends.md}.
 */
public enum Capability {
    /** The DynamoDB API: tables, items, conditions, queries, transactions. */
    DYNAMODB("the DynamoDB API"),
    /** DynamoDB Streams records for item changes. */
    DYNAMODB_STREAMS("DynamoDB Streams"),
    /** Items whose TTL attribute lies in the past are deleted by the backend. */
    DYNAMODB_TTL_EXPIRY("expiring items by their TTL attribute"),
    /** The IAM API: roles, users, policies, attachments, boundaries. */
    IAM_API("the IAM API"),
    /** AWS managed policies such as {@code AWSLambdaBasicExecutionRole} exist and can be attached. */
    IAM_MANAGED_POLICIES("AWS managed policies"),
    /** STS: AssumeRole, GetCallerIdentity, temporary credentials. */
    STS("STS"),
    /** Calls are denied according to identity policies, down to resource ARNs and conditions. */
    IAM_ENFORCEMENT("enforcing IAM policies on resource ARNs and conditions"),
    /** The Lambda API: functions, versions, aliases, permissions, event source mappings. */
    LAMBDA_API("the Lambda API"),
    /** Invoke runs the function's code. */
    LAMBDA_EXECUTION("running function code on Invoke"),
    /** The CloudWatch API: metrics, statistics, alarms as configuration. */
    CLOUDWATCH_API("the CloudWatch API"),
    /** Alarms change state by themselves when their metric crosses the threshold. */
    CLOUDWATCH_ALARM_EVALUATION("evaluating alarms against their metrics"),
    /** CloudWatch Logs: groups, streams, events, simple filters. */
    LOGS_API("the CloudWatch Logs API"),
    /** JSON, OR, exclusion and regex filter patterns in FilterLogEvents and metric filters. */
    LOGS_FILTER_PATTERNS("the full CloudWatch Logs filter pattern syntax"),
    /** The X-Ray API: PutTraceSegments and BatchGetTraces. */
    XRAY_API("the X-Ray API"),
    /** GetTraceSummaries with filter expressions, and the service graph. */
    XRAY_TRACE_QUERIES("X-Ray trace summaries, filter expressions and the service graph");

    private final String description;

    Capability(String description) {
        this.description = description;
    }

    /** A short noun phrase for messages, for example "running function code on Invoke". */
    public String description() {
        return description;
    }

    /** The sentence a skipped test shows: why this backend cannot grade it. */
    public String missingBecause() {
        return "needs " + description;
    }
}
