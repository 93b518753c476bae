package dev.arcade.lambda.iam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What AWS authorizes for one request: the IAM actions, resources and service condition keys, as the
 * Service Authorization Reference lists them ("Actions, resources, and condition keys for Amazon
 * DynamoDB", "... for Amazon CloudWatch Logs", "... for Amazon CloudWatch", "... for AWS X-Ray",
 * "... for AWS Lambda", "... for Amazon SQS", "... for Amazon SNS", "... for Amazon S3",
 * "... for Amazon EventBridge", "... for AWS Security Token Service").
 *
 * <p>In: an {@link AwsRequest}, the caller's account and the region the request goes to (the
 * credential scope's region is used when the request names none in an ARN), and for
 * {@code dynamodb:LeadingKeys} a lookup from a table name to its partition key attribute name. Out: the
 * {@link ActionRequest}s, every one of which must be allowed. An empty list means AWS does not authorize
 * the request ({@code sts:GetCallerIdentity}: "GetCallerIdentity" in the STS API Reference says no
 * permissions are required, and an explicit deny does not stop it).
 *
 * <p>Rules by service:
 *
 * <ul>
 *   <li><b>DynamoDB</b>: every operation of the 2012-08-10 API. Item and table operations on
 *       {@code arn:aws:dynamodb:R:A:table/T} ({@code TableName} may also be the table's ARN); Query and
 *       Scan with {@code IndexName} on {@code table/T/index/I}; backups, exports, imports and
 *       {@code ResourceArn} operations on the ARN in the request; global tables on
 *       {@code arn:aws:dynamodb::A:global-table/T}; List* and DescribeLimits/DescribeEndpoints on
 *       {@code *}. BatchGetItem and BatchWriteItem are authorized as themselves once per table.
 *       TransactWriteItems and TransactGetItems are authorized as the underlying PutItem, UpdateItem,
 *       DeleteItem, ConditionCheckItem and GetItem, per table, with {@code dynamodb:EnclosingOperation}
 *       ("Using IAM with DynamoDB transactions"). ExecuteStatement, BatchExecuteStatement and
 *       ExecuteTransaction as PartiQLSelect/Insert/Update/Delete by the statement's first keyword, on the
 *       table (or {@code "T"."I"} index) the statement names ("Security and IAM policies with PartiQL for
 *       DynamoDB"). Condition keys ("Using IAM policy conditions for fine-grained access control"):
 *       {@code dynamodb:LeadingKeys} (the partition key values of the keys or items, when the lookup
 *       knows the table's partition key), {@code dynamodb:Attributes} (projected attribute names for
 *       reads; the item's attribute names for PutItem and BatchWriteItem puts; key and updated names for
 *       UpdateItem), {@code dynamodb:Select}, {@code dynamodb:ReturnValues} and
 *       {@code dynamodb:ReturnConsumedCapacity} when the request sets them.
 *   <li><b>DynamoDB Streams</b>: DescribeStream and GetShardIterator on the {@code StreamArn};
 *       GetRecords on the stream ARN that starts the shard iterator (AWS's iterators begin with it);
 *       ListStreams on {@code *}.
 *   <li><b>CloudWatch Logs</b>: stream operations (CreateLogStream, DeleteLogStream, PutLogEvents,
 *       GetLogEvents) on {@code arn:aws:logs:R:A:log-group:G:log-stream:S}; other log group operations on
 *       {@code arn:aws:logs:R:A:log-group:G:log-stream:} so that, as the Logs guide's "Overview of managing
 *       access permissions" says, a policy must name the group as {@code log-group:G:*} (the tagging
 *       operations, which the guide excepts, get {@code log-group:G}); operations without a group on
 *       {@code *}.
 *   <li><b>CloudWatch</b> (query, JSON 1.0 or RPC v2 CBOR): alarm operations on
 *       {@code arn:aws:cloudwatch:R:A:alarm:NAME}, everything else on {@code *}; PutMetricData with
 *       {@code cloudwatch:namespace}.
 *   <li><b>X-Ray</b>: the REST paths ({@code /TraceSegments}, {@code /TelemetryRecords},
 *       {@code /GetSamplingRules}, {@code /SamplingTargets}, ...) named as their operations, on
 *       {@code *}.
 *   <li><b>Lambda</b>: InvokeFunction (also for InvokeWithResponseStream) and the function operations
 *       on {@code arn:aws:lambda:R:A:function:NAME}, with {@code :QUALIFIER} when the path or the
 *       {@code Qualifier} query parameter gives one; ListFunctions and event source mapping creation and
 *       listing on {@code *}.
 *   <li><b>SQS</b>: on {@code arn:aws:sqs:R:ACCOUNT:NAME} from the {@code QueueUrl} (path
 *       {@code /ACCOUNT/NAME}; the region from an {@code sqs.R.amazonaws.com} host); the batch operations
 *       as SendMessage, DeleteMessage and ChangeMessageVisibility.
 *   <li><b>SNS</b>: Publish and PublishBatch as {@code sns:Publish} on the {@code TopicArn} (or
 *       {@code TargetArn}); other operations on the {@code TopicArn} when given.
 *   <li><b>S3</b> (path style, or virtual-hosted by the Host header): object operations on {@code arn:aws:s3:::bucket/key}, bucket operations
 *       on {@code arn:aws:s3:::bucket}, ListAllMyBuckets on {@code *}.
 *   <li><b>EventBridge</b>: PutEvents once per event bus (default {@code default}) on
 *       {@code arn:aws:events:R:A:event-bus/NAME}, with {@code events:source} and
 *       {@code events:detail-type}.
 *   <li><b>STS</b>: GetCallerIdentity is not authorized; AssumeRole on the {@code RoleArn}.
 * </ul>
 *
 * <p>Any other operation, and any operation of another service, is {@code service:Operation} on
 * {@code *}: this class's choice, so that a policy must allow it by name or wildcard, and a policy that
 * names resources does not. An operation whose name cannot be read at all (an unknown REST path) is
 * {@code service:UnknownOperation} on {@code *}, which only a wildcard action allows.
 */
public final class IamActions {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern STREAM_ARN_IN_ITERATOR =
            Pattern.compile("arn:aws[a-z-]*:dynamodb:[^|\\s\"]+?/stream/[^|\\s\"]+");
    private static final Pattern SQS_HOST = Pattern.compile("^sqs\\.([a-z0-9-]+)\\.amazonaws\\.com");

    /** The name of an action whose operation could not be read; a wildcard action is needed to allow it. */
    public static final String UNKNOWN_OPERATION = "UnknownOperation";

    /** The condition key of the partition key values ("Using IAM policy conditions for fine-grained access control"). */
    public static final String LEADING_KEYS = "dynamodb:LeadingKeys";
    /** The condition key of the attribute names a request reads or writes. */
    public static final String ATTRIBUTES = "dynamodb:Attributes";
    /** The condition key of a read's {@code Select}. */
    public static final String SELECT = "dynamodb:Select";
    /** The condition key of a write's {@code ReturnValues}. */
    public static final String RETURN_VALUES = "dynamodb:ReturnValues";
    /** The condition key of {@code ReturnConsumedCapacity}. */
    public static final String RETURN_CONSUMED_CAPACITY = "dynamodb:ReturnConsumedCapacity";
    /** The condition key naming the transaction an item operation belongs to ("Using IAM with DynamoDB transactions"). */
    public static final String ENCLOSING_OPERATION = "dynamodb:EnclosingOperation";

    /** The multivalued condition keys, which are set as sets even with one value. */
    public static final Set<String> MULTIVALUED_KEYS = Set.of(LEADING_KEYS, ATTRIBUTES);

    private IamActions() {}

    /**
     * The authorizations of a request, without a key schema lookup ({@code dynamodb:LeadingKeys} is then
     * left out).
     *
     * @param request the request
     * @param account the caller's 12-digit account
     * @param region the region the request goes to
     * @return the authorizations, every one of which must be allowed; empty when AWS authorizes nothing
     */
    public static List<ActionRequest> of(AwsRequest request, String account, String region) {
        return of(request, account, region, table -> null);
    }

    /**
     * The authorizations of a request.
     *
     * @param request the request
     * @param account the caller's 12-digit account
     * @param region the region the request goes to
     * @param partitionKeyOf the partition key attribute name of a table, or null when unknown; for a
     *     query on an index it is asked for {@code TABLE/index/INDEX} first, then for the table
     * @return the authorizations, every one of which must be allowed; empty when AWS authorizes nothing
     */
    public static List<ActionRequest> of(
            AwsRequest request, String account, String region, Function<String, String> partitionKeyOf) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(partitionKeyOf, "partitionKeyOf");
        Scope scope = new Scope(account, region, partitionKeyOf);
        String service = service(request);
        String operation = request.operation().orElse(null);
        String target = request.target().orElse("");
        return switch (service) {
            case "dynamodb" ->
                target.startsWith("DynamoDBStreams")
                        ? DynamoDbStreams.of(operation, json(request), scope)
                        : DynamoDb.of(operation, json(request), scope);
            case "logs" -> Logs.of(operation, json(request), scope);
            case "cloudwatch" -> CloudWatch.of(operation, request, scope);
            case "xray" -> List.of(ActionRequest.of("xray:" + xrayOperation(request), "*"));
            case "lambda" -> Lambda.of(request, scope);
            case "sqs" -> Sqs.of(operation, request, scope);
            case "sns" -> Sns.of(operation, request.isForm() ? request.formParameters() : request.queryParameters());
            case "s3" -> S3.of(request);
            case "events" -> Events.of(operation, json(request), scope);
            case "sts" -> Sts.of(operation, params(request));
            default ->
                List.of(ActionRequest.of(service + ":" + (operation == null ? UNKNOWN_OPERATION : operation), "*"));
        };
    }

    /** The IAM service prefix of a request, from its signing name, else from its X-Amz-Target. */
    static String service(AwsRequest request) {
        String target = request.target().orElse("");
        if (target.startsWith("DynamoDB")) {
            return "dynamodb";
        }
        if (target.startsWith("Logs_")) {
            return "logs";
        }
        if (target.startsWith("AmazonSQS")) {
            return "sqs";
        }
        if (target.startsWith("AWSEvents")) {
            return "events";
        }
        if (target.startsWith("GraniteServiceVersion")
                || request.cborService()
                        .filter(s -> s.startsWith("GraniteServiceVersion"))
                        .isPresent()) {
            return "cloudwatch";
        }
        String signing = request.signingService().orElse("").toLowerCase(Locale.ROOT);
        return switch (signing) {
            // CloudWatch signs as "monitoring" but its IAM prefix is "cloudwatch".
            case "monitoring" -> "cloudwatch";
            case "execute-api" -> "execute-api";
            default -> signing.isEmpty() ? "unknown" : signing;
        };
    }

    static JsonNode json(AwsRequest request) {
        byte[] body = request.body();
        if (body.length == 0) {
            return JSON.createObjectNode();
        }
        try {
            JsonNode node = JSON.readTree(body);
            return node == null || !node.isObject() ? JSON.createObjectNode() : node;
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    static Map<String, String> params(AwsRequest request) {
        Map<String, String> all = new LinkedHashMap<>(request.queryParameters());
        all.putAll(request.formParameters());
        return all;
    }

    static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    /** The caller's account and region, and the key schema lookup. */
    record Scope(String account, String region, Function<String, String> partitionKeyOf) {}

    /**
     * Collects authorizations, merging those with the same action and resource (their condition values
     * are united, as AWS authorizes a table once per batch).
     */
    static final class Collector {
        private final Map<String, Map<String, LinkedHashSet<String>>> byKey = new LinkedHashMap<>();
        private final Map<String, String[]> parts = new LinkedHashMap<>();

        Collector add(String action, String resource, Map<String, List<String>> context) {
            String key = action + " " + resource;
            parts.putIfAbsent(key, new String[] {action, resource});
            Map<String, LinkedHashSet<String>> ctx = byKey.computeIfAbsent(key, k -> new LinkedHashMap<>());
            context.forEach(
                    (k, v) -> ctx.computeIfAbsent(k, x -> new LinkedHashSet<>()).addAll(v));
            return this;
        }

        List<ActionRequest> build() {
            List<ActionRequest> out = new ArrayList<>();
            byKey.forEach((key, ctx) -> {
                Map<String, List<String>> c = new LinkedHashMap<>();
                ctx.forEach((k, v) -> c.put(k, List.copyOf(v)));
                out.add(new ActionRequest(parts.get(key)[0], parts.get(key)[1], c));
            });
            return out;
        }
    }

    // ---------------------------------------------------------------- DynamoDB

    static final class DynamoDb {
        private static final Set<String> TABLE_OPERATIONS = Set.of(
                "CreateTable",
                "DeleteTable",
                "DescribeTable",
                "UpdateTable",
                "DescribeTimeToLive",
                "UpdateTimeToLive",
                "DescribeContinuousBackups",
                "UpdateContinuousBackups",
                "CreateBackup",
                "DescribeContributorInsights",
                "UpdateContributorInsights",
                "DescribeKinesisStreamingDestination",
                "EnableKinesisStreamingDestination",
                "DisableKinesisStreamingDestination",
                "UpdateKinesisStreamingDestination",
                "DescribeTableReplicaAutoScaling",
                "UpdateTableReplicaAutoScaling");
        private static final Set<String> RESOURCE_ARN_OPERATIONS = Set.of(
                "TagResource",
                "UntagResource",
                "ListTagsOfResource",
                "GetResourcePolicy",
                "PutResourcePolicy",
                "DeleteResourcePolicy");
        private static final Set<String> GLOBAL_TABLE_OPERATIONS = Set.of(
                "CreateGlobalTable",
                "DescribeGlobalTable",
                "UpdateGlobalTable",
                "DescribeGlobalTableSettings",
                "UpdateGlobalTableSettings");
        private static final Set<String> STAR_OPERATIONS = Set.of(
                "ListTables",
                "ListBackups",
                "ListGlobalTables",
                "ListExports",
                "ListImports",
                "ListContributorInsights",
                "DescribeLimits",
                "DescribeEndpoints");

        static List<ActionRequest> of(String operation, JsonNode body, Scope scope) {
            if (operation == null) {
                return List.of(ActionRequest.of("dynamodb:" + UNKNOWN_OPERATION, "*"));
            }
            Collector out = new Collector();
            switch (operation) {
                case "GetItem" -> item("dynamodb:GetItem", body, scope, out, Map.of(), readNames(body), false);
                case "PutItem" -> {
                    List<String> names = new ArrayList<>();
                    body.path("Item").fieldNames().forEachRemaining(names::add);
                    putLike("dynamodb:PutItem", body, body.path("Item"), scope, out, names);
                }
                case "UpdateItem" -> {
                    Set<String> names = new LinkedHashSet<>();
                    body.path("Key").fieldNames().forEachRemaining(names::add);
                    body.path("AttributeUpdates").fieldNames().forEachRemaining(names::add);
                    names.addAll(UpdateExpressions.names(
                            text(body, "UpdateExpression"), body.path("ExpressionAttributeNames")));
                    putLike("dynamodb:UpdateItem", body, body.path("Key"), scope, out, List.copyOf(names));
                }
                case "DeleteItem" -> putLike("dynamodb:DeleteItem", body, body.path("Key"), scope, out, null);
                case "Query", "Scan" -> queryOrScan(operation, body, scope, out);
                case "BatchGetItem" -> {
                    body.path("RequestItems").fields().forEachRemaining(e -> {
                        String table = e.getKey();
                        JsonNode spec = e.getValue();
                        Map<String, List<String>> ctx = new LinkedHashMap<>();
                        leadingKeys(table, spec.path("Keys"), scope, ctx);
                        List<String> names = readNames(spec);
                        if (names != null) {
                            ctx.put(ATTRIBUTES, names);
                        }
                        rcc(body, ctx);
                        out.add("dynamodb:BatchGetItem", tableArn(table, scope), ctx);
                    });
                }
                case "BatchWriteItem" -> {
                    body.path("RequestItems").fields().forEachRemaining(e -> {
                        String table = e.getKey();
                        List<JsonNode> keys = new ArrayList<>();
                        Set<String> names = new LinkedHashSet<>();
                        for (JsonNode w : e.getValue()) {
                            JsonNode put = w.path("PutRequest").path("Item");
                            JsonNode del = w.path("DeleteRequest").path("Key");
                            if (put.isObject()) {
                                keys.add(put);
                                put.fieldNames().forEachRemaining(names::add);
                            }
                            if (del.isObject()) {
                                keys.add(del);
                            }
                        }
                        Map<String, List<String>> ctx = new LinkedHashMap<>();
                        leadingKeys(table, JSON.valueToTree(keys), scope, ctx);
                        if (!names.isEmpty()) {
                            ctx.put(ATTRIBUTES, List.copyOf(names));
                        }
                        rcc(body, ctx);
                        out.add("dynamodb:BatchWriteItem", tableArn(table, scope), ctx);
                    });
                }
                case "TransactWriteItems" -> {
                    for (JsonNode t : body.path("TransactItems")) {
                        Map<String, List<String>> enclosing = Map.of(ENCLOSING_OPERATION, List.of(operation));
                        if (t.has("Put")) {
                            JsonNode p = t.get("Put");
                            List<String> names = new ArrayList<>();
                            p.path("Item").fieldNames().forEachRemaining(names::add);
                            item("dynamodb:PutItem", p, scope, out, enclosing, names, true);
                        }
                        if (t.has("Update")) {
                            JsonNode u = t.get("Update");
                            Set<String> names = new LinkedHashSet<>();
                            u.path("Key").fieldNames().forEachRemaining(names::add);
                            names.addAll(UpdateExpressions.names(
                                    text(u, "UpdateExpression"), u.path("ExpressionAttributeNames")));
                            item("dynamodb:UpdateItem", u, scope, out, enclosing, List.copyOf(names), false);
                        }
                        if (t.has("Delete")) {
                            item("dynamodb:DeleteItem", t.get("Delete"), scope, out, enclosing, null, false);
                        }
                        if (t.has("ConditionCheck")) {
                            item(
                                    "dynamodb:ConditionCheckItem",
                                    t.get("ConditionCheck"),
                                    scope,
                                    out,
                                    enclosing,
                                    null,
                                    false);
                        }
                    }
                }
                case "TransactGetItems" -> {
                    for (JsonNode t : body.path("TransactItems")) {
                        JsonNode g = t.path("Get");
                        if (g.isObject()) {
                            item(
                                    "dynamodb:GetItem",
                                    g,
                                    scope,
                                    out,
                                    Map.of(ENCLOSING_OPERATION, List.of(operation)),
                                    readNames(g),
                                    false);
                        }
                    }
                }
                case "ExecuteStatement" -> PartiQl.add(text(body, "Statement"), scope, out);
                case "BatchExecuteStatement" -> {
                    for (JsonNode s : body.path("Statements")) {
                        PartiQl.add(text(s, "Statement"), scope, out);
                    }
                }
                case "ExecuteTransaction" -> {
                    for (JsonNode s : body.path("TransactStatements")) {
                        PartiQl.add(text(s, "Statement"), scope, out);
                    }
                }
                case "DeleteBackup", "DescribeBackup" ->
                    out.add("dynamodb:" + operation, orStar(text(body, "BackupArn")), Map.of());
                case "RestoreTableFromBackup" ->
                    // The Service Authorization Reference lists table* for it; the target table is the one
                    // the call creates, so that is the resource here (the backup is read, not authorized).
                    out.add("dynamodb:" + operation, tableArn(text(body, "TargetTableName"), scope), Map.of());
                case "RestoreTableToPointInTime" -> {
                    String source = text(body, "SourceTableArn");
                    if (source == null) {
                        source = text(body, "SourceTableName");
                    }
                    out.add("dynamodb:" + operation, tableArn(source, scope), Map.of());
                }
                case "ExportTableToPointInTime" ->
                    out.add("dynamodb:" + operation, tableArn(text(body, "TableArn"), scope), Map.of());
                case "DescribeExport" -> out.add("dynamodb:" + operation, orStar(text(body, "ExportArn")), Map.of());
                case "DescribeImport" -> out.add("dynamodb:" + operation, orStar(text(body, "ImportArn")), Map.of());
                case "ImportTable" ->
                    out.add(
                            "dynamodb:" + operation,
                            tableArn(text(body.path("TableCreationParameters"), "TableName"), scope),
                            Map.of());
                default -> {
                    if (TABLE_OPERATIONS.contains(operation)) {
                        String table = text(body, "TableName");
                        if (table == null) {
                            table = text(body, "TableArn");
                        }
                        String index = text(body, "IndexName");
                        String arn = tableArn(table, scope);
                        out.add(
                                "dynamodb:" + operation,
                                index == null || "*".equals(arn) ? arn : arn + "/index/" + index,
                                Map.of());
                    } else if (RESOURCE_ARN_OPERATIONS.contains(operation)) {
                        out.add("dynamodb:" + operation, orStar(text(body, "ResourceArn")), Map.of());
                    } else if (GLOBAL_TABLE_OPERATIONS.contains(operation)) {
                        String name = text(body, "GlobalTableName");
                        out.add(
                                "dynamodb:" + operation,
                                name == null ? "*" : "arn:aws:dynamodb::" + scope.account() + ":global-table/" + name,
                                Map.of());
                    } else {
                        // STAR_OPERATIONS, and operations this class does not know: on "*".
                        out.add("dynamodb:" + operation, "*", Map.of());
                    }
                }
            }
            return out.build();
        }

        static boolean isStarOperation(String operation) {
            return STAR_OPERATIONS.contains(operation);
        }

        private static String orStar(String arn) {
            return arn == null ? "*" : arn;
        }

        private static void putLike(
                String action, JsonNode body, JsonNode keySource, Scope scope, Collector out, List<String> names) {
            Map<String, List<String>> ctx = new LinkedHashMap<>();
            String table = text(body, "TableName");
            leadingKeys(table, JSON.createArrayNode().add(keySource), scope, ctx);
            if (names != null && !names.isEmpty()) {
                ctx.put(ATTRIBUTES, names);
            }
            String rv = text(body, "ReturnValues");
            if (rv != null) {
                ctx.put(RETURN_VALUES, List.of(rv));
            }
            rcc(body, ctx);
            out.add(action, tableArn(table, scope), ctx);
        }

        private static void item(
                String action,
                JsonNode spec,
                Scope scope,
                Collector out,
                Map<String, List<String>> extra,
                List<String> names,
                boolean keysFromItem) {
            Map<String, List<String>> ctx = new LinkedHashMap<>(extra);
            String table = text(spec, "TableName");
            JsonNode keySource = keysFromItem ? spec.path("Item") : spec.path("Key");
            leadingKeys(table, JSON.createArrayNode().add(keySource), scope, ctx);
            if (names != null && !names.isEmpty()) {
                ctx.put(ATTRIBUTES, names);
            }
            String rv = text(spec, "ReturnValues");
            if (rv != null) {
                ctx.put(RETURN_VALUES, List.of(rv));
            }
            rcc(spec, ctx);
            out.add(action, tableArn(table, scope), ctx);
        }

        private static void queryOrScan(String operation, JsonNode body, Scope scope, Collector out) {
            String table = text(body, "TableName");
            String index = text(body, "IndexName");
            String arn = tableArn(table, scope);
            if (index != null && !"*".equals(arn)) {
                arn = arn + "/index/" + index;
            }
            Map<String, List<String>> ctx = new LinkedHashMap<>();
            if ("Query".equals(operation) && table != null) {
                String name = tableName(table);
                String pk = index == null ? null : scope.partitionKeyOf().apply(name + "/index/" + index);
                if (pk == null && index == null) {
                    pk = scope.partitionKeyOf().apply(name);
                }
                if (pk != null) {
                    List<String> values = KeyConditions.partitionValues(body, pk);
                    if (!values.isEmpty()) {
                        ctx.put(LEADING_KEYS, values);
                    }
                }
            }
            List<String> names = readNames(body);
            if (names != null) {
                ctx.put(ATTRIBUTES, names);
            }
            String select = text(body, "Select");
            if (select != null) {
                ctx.put(SELECT, List.of(select));
            } else if (names != null) {
                // The Query and Scan API references: with ProjectionExpression or AttributesToGet and no
                // Select, DynamoDB uses SPECIFIC_ATTRIBUTES; that is the value the condition key sees here.
                ctx.put(SELECT, List.of("SPECIFIC_ATTRIBUTES"));
            }
            rcc(body, ctx);
            out.add("dynamodb:" + operation, arn, ctx);
        }

        private static void rcc(JsonNode body, Map<String, List<String>> ctx) {
            String v = text(body, "ReturnConsumedCapacity");
            if (v != null) {
                ctx.put(RETURN_CONSUMED_CAPACITY, List.of(v));
            }
        }

        /** The attribute names a read projects, or null when it projects none (all attributes). */
        static List<String> readNames(JsonNode spec) {
            Set<String> names = new LinkedHashSet<>();
            for (JsonNode n : spec.path("AttributesToGet")) {
                names.add(n.asText());
            }
            String projection = text(spec, "ProjectionExpression");
            if (projection != null) {
                for (String part : projection.split(",")) {
                    String top = topLevel(part.strip(), spec.path("ExpressionAttributeNames"));
                    if (!top.isEmpty()) {
                        names.add(top);
                    }
                }
            }
            return names.isEmpty() ? null : List.copyOf(names);
        }

        /** The top-level attribute name of a document path, with {@code #name} placeholders resolved. */
        static String topLevel(String path, JsonNode placeholders) {
            int end = path.length();
            for (int i = 0; i < path.length(); i++) {
                char c = path.charAt(i);
                if (c == '.' || c == '[') {
                    end = i;
                    break;
                }
            }
            String first = path.substring(0, end).strip();
            if (first.startsWith("#") && placeholders.has(first)) {
                return placeholders.get(first).asText();
            }
            return first;
        }

        private static void leadingKeys(String table, JsonNode items, Scope scope, Map<String, List<String>> ctx) {
            if (table == null) {
                return;
            }
            String pk = scope.partitionKeyOf().apply(tableName(table));
            if (pk == null) {
                return;
            }
            Set<String> values = new LinkedHashSet<>();
            for (JsonNode item : items) {
                JsonNode v = item.get(pk);
                if (v != null) {
                    String s = scalar(v);
                    if (s != null) {
                        values.add(s);
                    }
                }
            }
            if (!values.isEmpty()) {
                ctx.put(LEADING_KEYS, List.copyOf(values));
            }
        }

        /** The value of a DynamoDB AttributeValue that can be a key: S, N or B (as its base64 text). */
        static String scalar(JsonNode attributeValue) {
            for (String type : List.of("S", "N", "B")) {
                JsonNode v = attributeValue.get(type);
                if (v != null && v.isValueNode()) {
                    return v.asText();
                }
            }
            return null;
        }

        /** A table's name from its name or ARN. */
        static String tableName(String nameOrArn) {
            if (nameOrArn.startsWith("arn:")) {
                int slash = nameOrArn.indexOf(":table/");
                if (slash >= 0) {
                    String rest = nameOrArn.substring(slash + ":table/".length());
                    int next = rest.indexOf('/');
                    return next < 0 ? rest : rest.substring(0, next);
                }
            }
            return nameOrArn;
        }

        /** The table's ARN; a TableName given as an ARN is used as it is. */
        static String tableArn(String nameOrArn, Scope scope) {
            if (nameOrArn == null) {
                return "*";
            }
            if (nameOrArn.startsWith("arn:")) {
                return nameOrArn;
            }
            return "arn:aws:dynamodb:" + scope.region() + ":" + scope.account() + ":table/" + nameOrArn;
        }
    }

    /** The attribute names an UpdateExpression sets, removes, adds or deletes (top level only). */
    static final class UpdateExpressions {
        private static final Pattern CLAUSE = Pattern.compile("(?i)\\b(SET|REMOVE|ADD|DELETE)\\b");

        static List<String> names(String expression, JsonNode placeholders) {
            if (expression == null || expression.isBlank()) {
                return List.of();
            }
            Set<String> out = new LinkedHashSet<>();
            Matcher m = CLAUSE.matcher(expression);
            List<int[]> starts = new ArrayList<>();
            List<String> kinds = new ArrayList<>();
            while (m.find()) {
                starts.add(new int[] {m.start(), m.end()});
                kinds.add(m.group(1).toUpperCase(Locale.ROOT));
            }
            for (int i = 0; i < starts.size(); i++) {
                int from = starts.get(i)[1];
                int to = i + 1 < starts.size() ? starts.get(i + 1)[0] : expression.length();
                String clause = expression.substring(from, to);
                for (String action : splitTopLevel(clause)) {
                    String a = action.strip();
                    if (a.isEmpty()) {
                        continue;
                    }
                    String path = switch (kinds.get(i)) {
                        case "SET" -> a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
                        case "REMOVE" -> a;
                        default -> a.split("\\s+")[0];
                    };
                    String top = DynamoDb.topLevel(path.strip(), placeholders);
                    if (!top.isEmpty()) {
                        out.add(top);
                    }
                }
            }
            return List.copyOf(out);
        }

        /** Splits on commas outside parentheses (functions such as list_append take several arguments). */
        private static List<String> splitTopLevel(String clause) {
            List<String> parts = new ArrayList<>();
            int depth = 0;
            int start = 0;
            for (int i = 0; i < clause.length(); i++) {
                char c = clause.charAt(i);
                if (c == '(') {
                    depth++;
                } else if (c == ')') {
                    depth--;
                } else if (c == ',' && depth == 0) {
                    parts.add(clause.substring(start, i));
                    start = i + 1;
                }
            }
            parts.add(clause.substring(start));
            return parts;
        }
    }

    /** The partition key values a Query's key condition names. */
    static final class KeyConditions {
        static List<String> partitionValues(JsonNode body, String partitionKey) {
            Set<String> values = new LinkedHashSet<>();
            JsonNode legacy = body.path("KeyConditions").path(partitionKey);
            for (JsonNode v : legacy.path("AttributeValueList")) {
                String s = DynamoDb.scalar(v);
                if (s != null) {
                    values.add(s);
                }
            }
            String expression = text(body, "KeyConditionExpression");
            if (expression != null) {
                JsonNode names = body.path("ExpressionAttributeNames");
                JsonNode vals = body.path("ExpressionAttributeValues");
                Matcher m = Pattern.compile("([#A-Za-z0-9_.\\-]+)\\s*=\\s*(:[A-Za-z0-9_]+)|(:[A-Za-z0-9_]+)\\s*=\\s*"
                                + "([#A-Za-z0-9_.\\-]+)")
                        .matcher(expression);
                while (m.find()) {
                    String name = m.group(1) != null ? m.group(1) : m.group(4);
                    String placeholder = m.group(2) != null ? m.group(2) : m.group(3);
                    String resolved = name.startsWith("#") ? names.path(name).asText(name) : name;
                    if (resolved.equals(partitionKey) && vals.has(placeholder)) {
                        String s = DynamoDb.scalar(vals.get(placeholder));
                        if (s != null) {
                            values.add(s);
                        }
                    }
                }
            }
            return List.copyOf(values);
        }
    }

    /** PartiQL statements: the action by first keyword, the table (or index) the statement names. */
    static final class PartiQl {
        private static final Pattern FROM = Pattern.compile(
                "(?is)\\bFROM\\s+(\"(?:[^\"]|\"\")+\"|[A-Za-z0-9_.\\-]+)(?:\\s*\\.\\s*(\"(?:[^\"]|\"\")+\"|[A-Za-z0-9_.\\-]+))?");
        private static final Pattern INTO =
                Pattern.compile("(?is)^\\s*INSERT\\s+INTO\\s+(\"(?:[^\"]|\"\")+\"|[A-Za-z0-9_.\\-]+)");
        private static final Pattern UPDATE =
                Pattern.compile("(?is)^\\s*UPDATE\\s+(\"(?:[^\"]|\"\")+\"|[A-Za-z0-9_.\\-]+)");

        static void add(String statement, Scope scope, Collector out) {
            if (statement == null || statement.isBlank()) {
                out.add("dynamodb:PartiQLSelect", "*", Map.of());
                return;
            }
            String keyword = statement.strip().split("\\s+")[0].toUpperCase(Locale.ROOT);
            String action;
            String table = null;
            String index = null;
            switch (keyword) {
                case "SELECT", "EXISTS" -> {
                    action = "dynamodb:PartiQLSelect";
                    Matcher m = FROM.matcher(statement);
                    if (m.find()) {
                        table = unquote(m.group(1));
                        index = m.group(2) == null ? null : unquote(m.group(2));
                    }
                }
                case "INSERT" -> {
                    action = "dynamodb:PartiQLInsert";
                    Matcher m = INTO.matcher(statement);
                    table = m.find() ? unquote(m.group(1)) : null;
                }
                case "UPDATE" -> {
                    action = "dynamodb:PartiQLUpdate";
                    Matcher m = UPDATE.matcher(statement);
                    table = m.find() ? unquote(m.group(1)) : null;
                }
                case "DELETE" -> {
                    action = "dynamodb:PartiQLDelete";
                    Matcher m = FROM.matcher(statement);
                    table = m.find() ? unquote(m.group(1)) : null;
                }
                default ->
                    action = "dynamodb:PartiQL" + keyword.charAt(0)
                            + keyword.substring(1).toLowerCase(Locale.ROOT);
            }
            String arn = DynamoDb.tableArn(table, scope);
            if (index != null && !"*".equals(arn)) {
                arn = arn + "/index/" + index;
            }
            out.add(action, arn, Map.of());
        }

        private static String unquote(String s) {
            String t = s.strip();
            if (t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")) {
                return t.substring(1, t.length() - 1).replace("\"\"", "\"");
            }
            return t;
        }
    }

    // ---------------------------------------------------------------- DynamoDB Streams

    static final class DynamoDbStreams {
        static List<ActionRequest> of(String operation, JsonNode body, Scope scope) {
            String op = operation == null ? UNKNOWN_OPERATION : operation;
            String resource = switch (op) {
                case "DescribeStream", "GetShardIterator" -> {
                    String arn = text(body, "StreamArn");
                    yield arn == null ? "*" : arn;
                }
                case "GetRecords" -> {
                    String iterator = text(body, "ShardIterator");
                    Matcher m = iterator == null ? null : STREAM_ARN_IN_ITERATOR.matcher(iterator);
                    // An iterator that does not start with its stream's ARN (an emulator's) names no stream:
                    // then any stream of the caller's account and region, which a policy on one stream
                    // does not match. This class's choice; the documentation does not say.
                    yield m != null && m.find()
                            ? m.group()
                            : "arn:aws:dynamodb:" + scope.region() + ":" + scope.account() + ":table/*/stream/*";
                }
                default -> "*";
            };
            return List.of(ActionRequest.of("dynamodb:" + op, resource));
        }
    }

    // ---------------------------------------------------------------- CloudWatch Logs

    static final class Logs {
        private static final Set<String> STREAM_OPERATIONS =
                Set.of("CreateLogStream", "DeleteLogStream", "PutLogEvents", "GetLogEvents");
        private static final Set<String> TAG_OPERATIONS = Set.of("TagResource", "UntagResource", "ListTagsForResource");

        static List<ActionRequest> of(String operation, JsonNode body, Scope scope) {
            String op = operation == null ? UNKNOWN_OPERATION : operation;
            String action = "logs:" + op;
            if (TAG_OPERATIONS.contains(op)) {
                String arn = text(body, "resourceArn");
                return List.of(ActionRequest.of(action, arn == null ? "*" : arn));
            }
            List<String> groups = new ArrayList<>();
            String group = groupName(text(body, "logGroupName"));
            if (group == null) {
                group = groupName(text(body, "logGroupIdentifier"));
            }
            if (group != null) {
                groups.add(group);
            }
            for (JsonNode n : body.path("logGroupNames")) {
                groups.add(groupName(n.asText()));
            }
            for (JsonNode n : body.path("logGroupIdentifiers")) {
                groups.add(groupName(n.asText()));
            }
            if (groups.isEmpty()) {
                return List.of(ActionRequest.of(action, "*"));
            }
            String base = "arn:aws:logs:" + scope.region() + ":" + scope.account() + ":log-group:";
            List<ActionRequest> out = new ArrayList<>();
            for (String g : new LinkedHashSet<>(groups)) {
                String resource;
                if (STREAM_OPERATIONS.contains(op)) {
                    String stream = text(body, "logStreamName");
                    resource = base + g + ":log-stream:" + (stream == null ? "" : stream);
                } else if ("TagLogGroup".equals(op) || "UntagLogGroup".equals(op) || "ListTagsLogGroup".equals(op)) {
                    resource = base + g;
                } else {
                    resource = base + g + ":log-stream:";
                }
                out.add(ActionRequest.of(action, resource));
            }
            return out;
        }

        /** A log group's name from its name or ARN (with or without the trailing {@code :*}). */
        static String groupName(String nameOrArn) {
            if (nameOrArn == null) {
                return null;
            }
            if (nameOrArn.startsWith("arn:")) {
                int at = nameOrArn.indexOf(":log-group:");
                if (at >= 0) {
                    String rest = nameOrArn.substring(at + ":log-group:".length());
                    int colon = rest.indexOf(':');
                    return colon < 0 ? rest : rest.substring(0, colon);
                }
            }
            return nameOrArn;
        }
    }

    // ---------------------------------------------------------------- CloudWatch

    static final class CloudWatch {
        private static final Set<String> ALARM_OPERATIONS = Set.of(
                "PutMetricAlarm",
                "PutCompositeAlarm",
                "SetAlarmState",
                "DeleteAlarms",
                "DescribeAlarmHistory",
                "EnableAlarmActions",
                "DisableAlarmActions");

        static List<ActionRequest> of(String operation, AwsRequest request, Scope scope) {
            String op = operation == null ? UNKNOWN_OPERATION : operation;
            String action = "cloudwatch:" + op;
            boolean cbor = request.cborService().isPresent();
            Map<String, String> params = cbor || request.target().isPresent() ? Map.of() : params(request);
            JsonNode json = request.target().isPresent() ? json(request) : JSON.createObjectNode();
            if ("PutMetricData".equals(op)) {
                String ns = cbor ? Cbor.textAfterKey(request.body(), "Namespace") : params.get("Namespace");
                if (ns == null) {
                    ns = text(json, "Namespace");
                }
                Map<String, List<String>> ctx = ns == null ? Map.of() : Map.of("cloudwatch:namespace", List.of(ns));
                return List.of(new ActionRequest(action, "*", ctx));
            }
            if (ALARM_OPERATIONS.contains(op)) {
                List<String> names = new ArrayList<>();
                String one = params.get("AlarmName");
                if (one == null) {
                    one = text(json, "AlarmName");
                }
                if (one == null && cbor) {
                    one = Cbor.textAfterKey(request.body(), "AlarmName");
                }
                if (one != null) {
                    names.add(one);
                }
                params.forEach((k, v) -> {
                    if (k.startsWith("AlarmNames.member.")) {
                        names.add(v);
                    }
                });
                for (JsonNode n : json.path("AlarmNames")) {
                    names.add(n.asText());
                }
                if (names.isEmpty()) {
                    return List.of(ActionRequest.of(action, "*"));
                }
                List<ActionRequest> out = new ArrayList<>();
                for (String n : new LinkedHashSet<>(names)) {
                    out.add(ActionRequest.of(
                            action, "arn:aws:cloudwatch:" + scope.region() + ":" + scope.account() + ":alarm:" + n));
                }
                return out;
            }
            return List.of(ActionRequest.of(action, "*"));
        }
    }

    /**
     * Reads one text value from a CBOR map without decoding the document: the text string that follows
     * the text string {@code key} (RFC 8949, major type 3). Enough for a top-level string member such as
     * {@code Namespace}; anything else gives null.
     */
    static final class Cbor {
        static String textAfterKey(byte[] body, String key) {
            byte[] k = key.getBytes(StandardCharsets.UTF_8);
            if (k.length > 23) {
                return null;
            }
            byte header = (byte) (0x60 | k.length);
            outer:
            for (int i = 0; i + k.length + 1 < body.length; i++) {
                if (body[i] != header) {
                    continue;
                }
                for (int j = 0; j < k.length; j++) {
                    if (body[i + 1 + j] != k[j]) {
                        continue outer;
                    }
                }
                int p = i + 1 + k.length;
                int initial = body[p] & 0xff;
                if ((initial >> 5) != 3) {
                    return null;
                }
                int info = initial & 0x1f;
                long len;
                p++;
                if (info < 24) {
                    len = info;
                } else if (info == 24 && p < body.length) {
                    len = body[p++] & 0xff;
                } else if (info == 25 && p + 1 < body.length) {
                    len = ((body[p] & 0xff) << 8) | (body[p + 1] & 0xff);
                    p += 2;
                } else {
                    return null;
                }
                if (p + len > body.length) {
                    return null;
                }
                return new String(body, p, (int) len, StandardCharsets.UTF_8);
            }
            return null;
        }
    }

    // ---------------------------------------------------------------- X-Ray

    static String xrayOperation(AwsRequest request) {
        List<String> segments = request.pathSegments();
        if (segments.isEmpty()) {
            return UNKNOWN_OPERATION;
        }
        String first = segments.get(0);
        return switch (first) {
            case "TraceSegments" -> "PutTraceSegments";
            case "TelemetryRecords" -> "PutTelemetryRecords";
            case "SamplingTargets" -> "GetSamplingTargets";
            case "Traces" -> "BatchGetTraces";
            case "TraceSummaries" -> "GetTraceSummaries";
            case "ServiceGraph" -> "GetServiceGraph";
            case "TraceGraph" -> "GetTraceGraph";
            case "SamplingStatisticSummaries" -> "GetSamplingStatisticSummaries";
            case "EncryptionConfig" -> "GetEncryptionConfig";
            case "PutEncryptionConfig" -> "PutEncryptionConfig";
            default -> first.matches("[A-Z][A-Za-z]+") ? first : UNKNOWN_OPERATION;
        };
    }

    // ---------------------------------------------------------------- Lambda

    static final class Lambda {
        static List<ActionRequest> of(AwsRequest request, Scope scope) {
            List<String> s = request.pathSegments();
            String method = request.method().toUpperCase(Locale.ROOT);
            String qualifier = request.queryParameters().get("Qualifier");
            if (s.size() >= 2 && s.get(1).equals("functions")) {
                if (s.size() == 2) {
                    if ("GET".equals(method)) {
                        return List.of(ActionRequest.of("lambda:ListFunctions", "*"));
                    }
                    String name = text(json(request), "FunctionName");
                    return List.of(ActionRequest.of("lambda:CreateFunction", functionArn(name, null, scope)));
                }
                String name = s.get(2);
                String rest = s.size() > 3 ? s.get(3) : "";
                String op = switch (rest) {
                    case "invocations", "response-streaming-invocations" -> "InvokeFunction";
                    case "invoke-async" -> "InvokeAsync";
                    case "configuration" ->
                        "GET".equals(method) ? "GetFunctionConfiguration" : "UpdateFunctionConfiguration";
                    case "code" -> "UpdateFunctionCode";
                    case "policy" ->
                        "GET".equals(method)
                                ? "GetPolicy"
                                : "DELETE".equals(method) ? "RemovePermission" : "AddPermission";
                    case "versions" -> "GET".equals(method) ? "ListVersionsByFunction" : "PublishVersion";
                    case "aliases" ->
                        s.size() > 4
                                ? switch (method) {
                                    case "GET" -> "GetAlias";
                                    case "DELETE" -> "DeleteAlias";
                                    default -> "UpdateAlias";
                                }
                                : "GET".equals(method) ? "ListAliases" : "CreateAlias";
                    case "concurrency" ->
                        switch (method) {
                            case "GET" -> "GetFunctionConcurrency";
                            case "DELETE" -> "DeleteFunctionConcurrency";
                            default -> "PutFunctionConcurrency";
                        };
                    case "event-invoke-config" ->
                        switch (method) {
                            case "GET" -> "GetFunctionEventInvokeConfig";
                            case "DELETE" -> "DeleteFunctionEventInvokeConfig";
                            case "POST" -> "UpdateFunctionEventInvokeConfig";
                            default -> "PutFunctionEventInvokeConfig";
                        };
                    case "url" ->
                        switch (method) {
                            case "GET" -> "GetFunctionUrlConfig";
                            case "DELETE" -> "DeleteFunctionUrlConfig";
                            case "PUT" -> "UpdateFunctionUrlConfig";
                            default -> "CreateFunctionUrlConfig";
                        };
                    case "" -> "DELETE".equals(method) ? "DeleteFunction" : "GetFunction";
                    default -> rest.isEmpty() ? UNKNOWN_OPERATION : UNKNOWN_OPERATION;
                };
                String q = qualifier;
                if ("aliases".equals(rest) && s.size() > 4) {
                    q = s.get(4);
                }
                return List.of(ActionRequest.of("lambda:" + op, functionArn(name, q, scope)));
            }
            if (s.size() >= 2 && s.get(1).equals("event-source-mappings")) {
                if (s.size() == 2) {
                    return List.of(ActionRequest.of(
                            "GET".equals(method) ? "lambda:ListEventSourceMappings" : "lambda:CreateEventSourceMapping",
                            "*"));
                }
                String op = switch (method) {
                    case "GET" -> "GetEventSourceMapping";
                    case "DELETE" -> "DeleteEventSourceMapping";
                    default -> "UpdateEventSourceMapping";
                };
                return List.of(ActionRequest.of(
                        "lambda:" + op,
                        "arn:aws:lambda:" + scope.region() + ":" + scope.account() + ":event-source-mapping:"
                                + s.get(2)));
            }
            if (s.size() >= 2 && s.get(1).equals("account-settings")) {
                return List.of(ActionRequest.of("lambda:GetAccountSettings", "*"));
            }
            return List.of(ActionRequest.of("lambda:" + UNKNOWN_OPERATION, "*"));
        }

        /**
         * A function's ARN from the name forms the Lambda API accepts: {@code NAME}, {@code NAME:QUALIFIER},
         * {@code ACCOUNT:function:NAME[:QUALIFIER]} and the full ARN; a {@code Qualifier} parameter is
         * appended when the name has none.
         */
        static String functionArn(String name, String qualifier, Scope scope) {
            if (name == null) {
                return "*";
            }
            String region = scope.region();
            String account = scope.account();
            String fn;
            String q = null;
            if (name.startsWith("arn:")) {
                String[] p = name.split(":");
                // arn:aws:lambda:REGION:ACCOUNT:function:NAME[:QUALIFIER]
                if (p.length >= 7) {
                    region = p[3];
                    account = p[4];
                    fn = p[6];
                    q = p.length > 7 ? p[7] : null;
                } else {
                    return name;
                }
            } else {
                String[] p = name.split(":");
                if (p.length >= 3 && "function".equals(p[1])) {
                    account = p[0];
                    fn = p[2];
                    q = p.length > 3 ? p[3] : null;
                } else {
                    fn = p[0];
                    q = p.length > 1 ? p[1] : null;
                }
            }
            if (q == null) {
                q = qualifier;
            }
            return "arn:aws:lambda:" + region + ":" + account + ":function:" + fn
                    + (q == null || q.isEmpty() ? "" : ":" + q);
        }
    }

    // ---------------------------------------------------------------- SQS

    static final class Sqs {
        static List<ActionRequest> of(String operation, AwsRequest request, Scope scope) {
            String op = operation == null ? UNKNOWN_OPERATION : operation;
            String action = "sqs:"
                    + switch (op) {
                        case "SendMessageBatch" -> "SendMessage";
                        case "DeleteMessageBatch" -> "DeleteMessage";
                        case "ChangeMessageVisibilityBatch" -> "ChangeMessageVisibility";
                        default -> op;
                    };
            String queueUrl;
            String queueName;
            if (request.target().isPresent()) {
                JsonNode body = json(request);
                queueUrl = text(body, "QueueUrl");
                queueName = text(body, "QueueName");
            } else {
                Map<String, String> p = params(request);
                queueUrl = p.get("QueueUrl");
                queueName = p.get("QueueName");
            }
            if (queueUrl != null) {
                return List.of(ActionRequest.of(action, queueArn(queueUrl, scope)));
            }
            if (queueName != null && ("CreateQueue".equals(op) || "GetQueueUrl".equals(op))) {
                return List.of(ActionRequest.of(
                        action, "arn:aws:sqs:" + scope.region() + ":" + scope.account() + ":" + queueName));
            }
            return List.of(ActionRequest.of(action, "*"));
        }

        /** A queue's ARN from its URL, {@code http(s)://HOST/ACCOUNT/NAME}. */
        static String queueArn(String queueUrl, Scope scope) {
            try {
                URI uri = URI.create(queueUrl);
                String[] p =
                        uri.getPath() == null ? new String[0] : uri.getPath().split("/");
                List<String> parts = new ArrayList<>();
                for (String x : p) {
                    if (!x.isEmpty()) {
                        parts.add(x);
                    }
                }
                String region = scope.region();
                if (uri.getHost() != null) {
                    Matcher m = SQS_HOST.matcher(uri.getHost());
                    if (m.find()) {
                        region = m.group(1);
                    }
                }
                if (parts.size() >= 2) {
                    return "arn:aws:sqs:" + region + ":" + parts.get(parts.size() - 2) + ":"
                            + parts.get(parts.size() - 1);
                }
            } catch (IllegalArgumentException e) {
                // not a URL: fall through
            }
            return "*";
        }
    }

    // ---------------------------------------------------------------- SNS

    static final class Sns {
        static List<ActionRequest> of(String operation, Map<String, String> params) {
            String op = operation == null ? UNKNOWN_OPERATION : operation;
            String action = "sns:" + ("PublishBatch".equals(op) ? "Publish" : op);
            String arn = params.get("TopicArn");
            if (arn == null) {
                arn = params.get("TargetArn");
            }
            if (arn == null) {
                arn = params.get("ResourceArn");
            }
            return List.of(ActionRequest.of(action, arn == null ? "*" : arn));
        }
    }

    // ---------------------------------------------------------------- S3

    static final class S3 {
        private static final Pattern DELETE_KEY = Pattern.compile("<Key>([^<]*)</Key>");

        static List<ActionRequest> of(AwsRequest request) {
            String method = request.method().toUpperCase(Locale.ROOT);
            List<String> segments = splitBucketKey(pathStyle(request));
            Map<String, String> q = request.queryParameters();
            if (segments.isEmpty()) {
                return List.of(ActionRequest.of("s3:ListAllMyBuckets", "*"));
            }
            String bucket = segments.get(0);
            String bucketArn = "arn:aws:s3:::" + bucket;
            if (segments.size() == 1) {
                String op;
                Map<String, List<String>> ctx = new LinkedHashMap<>();
                if ("POST".equals(method) && q.containsKey("delete")) {
                    List<ActionRequest> out = new ArrayList<>();
                    Matcher m = DELETE_KEY.matcher(request.bodyText());
                    Set<String> keys = new LinkedHashSet<>();
                    while (m.find()) {
                        keys.add(xmlUnescape(m.group(1)));
                    }
                    for (String key : keys) {
                        out.add(ActionRequest.of("s3:DeleteObject", bucketArn + "/" + key));
                    }
                    return out.isEmpty() ? List.of(ActionRequest.of("s3:DeleteObject", bucketArn + "/*")) : out;
                }
                op = switch (method) {
                    case "PUT" ->
                        q.containsKey("policy")
                                ? "PutBucketPolicy"
                                : q.containsKey("tagging")
                                        ? "PutBucketTagging"
                                        : q.containsKey("notification")
                                                ? "PutBucketNotification"
                                                : q.containsKey("versioning") ? "PutBucketVersioning" : "CreateBucket";
                    case "DELETE" -> q.containsKey("policy") ? "DeleteBucketPolicy" : "DeleteBucket";
                    case "GET" ->
                        q.containsKey("location")
                                ? "GetBucketLocation"
                                : q.containsKey("versions")
                                        ? "ListBucketVersions"
                                        : q.containsKey("uploads")
                                                ? "ListBucketMultipartUploads"
                                                : q.containsKey("policy")
                                                        ? "GetBucketPolicy"
                                                        : q.containsKey("tagging")
                                                                ? "GetBucketTagging"
                                                                : q.containsKey("notification")
                                                                        ? "GetBucketNotification"
                                                                        : q.containsKey("versioning")
                                                                                ? "GetBucketVersioning"
                                                                                : "ListBucket";
                    // HeadBucket needs s3:ListBucket ("HeadBucket", Amazon S3 API Reference).
                    case "HEAD" -> "ListBucket";
                    default -> UNKNOWN_OPERATION;
                };
                if ("ListBucket".equals(op) || "ListBucketVersions".equals(op)) {
                    if (q.containsKey("prefix")) {
                        ctx.put("s3:prefix", List.of(q.get("prefix")));
                    }
                    if (q.containsKey("delimiter")) {
                        ctx.put("s3:delimiter", List.of(q.get("delimiter")));
                    }
                    if (q.containsKey("max-keys")) {
                        ctx.put("s3:max-keys", List.of(q.get("max-keys")));
                    }
                }
                return List.of(new ActionRequest("s3:" + op, bucketArn, ctx));
            }
            String key = segments.get(1);
            String objectArn = bucketArn + "/" + key;
            boolean version = q.containsKey("versionId");
            String op = switch (method) {
                case "GET", "HEAD" ->
                    q.containsKey("tagging")
                            ? (version ? "GetObjectVersionTagging" : "GetObjectTagging")
                            : q.containsKey("acl")
                                    ? (version ? "GetObjectVersionAcl" : "GetObjectAcl")
                                    : q.containsKey("uploadId")
                                            ? "ListMultipartUploadParts"
                                            : version ? "GetObjectVersion" : "GetObject";
                case "PUT" ->
                    q.containsKey("tagging")
                            ? (version ? "PutObjectVersionTagging" : "PutObjectTagging")
                            : q.containsKey("acl") ? (version ? "PutObjectVersionAcl" : "PutObjectAcl") : "PutObject";
                case "POST" -> "PutObject";
                case "DELETE" ->
                    q.containsKey("uploadId")
                            ? "AbortMultipartUpload"
                            : q.containsKey("tagging")
                                    ? (version ? "DeleteObjectVersionTagging" : "DeleteObjectTagging")
                                    : version ? "DeleteObjectVersion" : "DeleteObject";
                default -> UNKNOWN_OPERATION;
            };
            List<ActionRequest> out = new ArrayList<>();
            out.add(ActionRequest.of("s3:" + op, objectArn));
            Optional<String> copySource = request.header("x-amz-copy-source");
            if ("PUT".equals(method) && copySource.isPresent()) {
                // CopyObject reads the source: s3:GetObject on it ("CopyObject", Amazon S3 API Reference).
                String src = AwsRequest.decodePath(copySource.get());
                int qm = src.indexOf('?');
                if (qm >= 0) {
                    src = src.substring(0, qm);
                }
                src = src.startsWith("/") ? src.substring(1) : src;
                out.add(0, ActionRequest.of("s3:GetObject", "arn:aws:s3:::" + src));
            }
            return out;
        }

        private static final Pattern VIRTUAL_HOST =
                Pattern.compile("^(.+?)\\.(?:s3[.-][^:]*|localhost)(?::\\d+)?$", Pattern.CASE_INSENSITIVE);

        /**
         * The request's path in path style: a virtual-hosted request ("Virtual hosting of buckets", Amazon
         * S3 User Guide: {@code BUCKET.s3.REGION.amazonaws.com}, and {@code BUCKET.localhost} as SDKs send
         * to a local endpoint) has its bucket moved from the Host header into the path.
         */
        static String pathStyle(AwsRequest request) {
            String host = request.header("Host").orElse("");
            Matcher m = VIRTUAL_HOST.matcher(host);
            if (m.matches()) {
                return "/" + m.group(1) + (request.path().startsWith("/") ? request.path() : "/" + request.path());
            }
            return request.path();
        }

        /** The bucket and the key (the rest of the path, decoded, slashes kept). */
        static List<String> splitBucketKey(String rawPath) {
            String p = rawPath.startsWith("/") ? rawPath.substring(1) : rawPath;
            if (p.isEmpty()) {
                return List.of();
            }
            int slash = p.indexOf('/');
            if (slash < 0 || slash == p.length() - 1) {
                return List.of(AwsRequest.decodePath(slash < 0 ? p : p.substring(0, slash)));
            }
            String bucket = AwsRequest.decodePath(p.substring(0, slash));
            StringBuilder key = new StringBuilder();
            for (String part : p.substring(slash + 1).split("/", -1)) {
                if (key.length() > 0 || part.isEmpty()) {
                    key.append(key.length() > 0 || part.isEmpty() ? "/" : "");
                }
                key.append(AwsRequest.decodePath(part));
            }
            String k = key.toString();
            return List.of(bucket, k.startsWith("/") && !p.substring(slash + 1).startsWith("/") ? k.substring(1) : k);
        }

        private static String xmlUnescape(String s) {
            return s.replace("&lt;", "<")
                    .replace("&gt;", ">")
                    .replace("&quot;", "\"")
                    .replace("&apos;", "'")
                    .replace("&amp;", "&");
        }
    }

    // ---------------------------------------------------------------- EventBridge

    static final class Events {
        static List<ActionRequest> of(String operation, JsonNode body, Scope scope) {
            String op = operation == null ? UNKNOWN_OPERATION : operation;
            if (!"PutEvents".equals(op)) {
                String bus = text(body, "EventBusName");
                String name = text(body, "Name");
                String resource = "*";
                if (op.endsWith("Rule") && name != null) {
                    resource = "arn:aws:events:" + scope.region() + ":" + scope.account() + ":rule/"
                            + (bus == null || "default".equals(bus) ? "" : busName(bus) + "/") + name;
                } else if (bus != null) {
                    resource = busArn(bus, scope);
                }
                return List.of(ActionRequest.of("events:" + op, resource));
            }
            List<ActionRequest> out = new ArrayList<>();
            for (JsonNode entry : body.path("Entries")) {
                String bus = text(entry, "EventBusName");
                Map<String, List<String>> ctx = new LinkedHashMap<>();
                String source = text(entry, "Source");
                if (source != null) {
                    ctx.put("events:source", List.of(source));
                }
                String detailType = text(entry, "DetailType");
                if (detailType != null) {
                    ctx.put("events:detail-type", List.of(detailType));
                }
                ActionRequest a =
                        new ActionRequest("events:PutEvents", busArn(bus == null ? "default" : bus, scope), ctx);
                if (!out.contains(a)) {
                    out.add(a);
                }
            }
            if (out.isEmpty()) {
                out.add(ActionRequest.of("events:PutEvents", busArn("default", scope)));
            }
            return out;
        }

        private static String busName(String nameOrArn) {
            int slash = nameOrArn.indexOf(":event-bus/");
            return nameOrArn.startsWith("arn:") && slash >= 0
                    ? nameOrArn.substring(slash + ":event-bus/".length())
                    : nameOrArn;
        }

        private static String busArn(String nameOrArn, Scope scope) {
            if (nameOrArn.startsWith("arn:")) {
                return nameOrArn;
            }
            return "arn:aws:events:" + scope.region() + ":" + scope.account() + ":event-bus/" + nameOrArn;
        }
    }

    // ---------------------------------------------------------------- STS

    static final class Sts {
        static List<ActionRequest> of(String operation, Map<String, String> params) {
            if (operation == null) {
                return List.of(ActionRequest.of("sts:" + UNKNOWN_OPERATION, "*"));
            }
            if ("GetCallerIdentity".equals(operation)) {
                // "No permissions are required to perform this operation" (STS API Reference,
                // GetCallerIdentity): AWS does not authorize it, so nothing can deny it.
                return List.of();
            }
            String role = params.get("RoleArn");
            return List.of(ActionRequest.of("sts:" + operation, role == null ? "*" : role));
        }
    }
}
