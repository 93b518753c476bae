package dev.arcade.kit.sdk;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.awscore.AwsExecutionAttribute;
import software.amazon.awssdk.awscore.AwsRequest;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.core.useragent.BusinessMetricFeatureId;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.cloudwatch.model.CloudWatchException;
import software.amazon.awssdk.services.cloudwatchlogs.model.CloudWatchLogsException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.CreateTableResponse;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteTableResponse;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableResponse;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.iam.model.GetGroupPolicyResponse;
import software.amazon.awssdk.services.iam.model.GetPolicyVersionResponse;
import software.amazon.awssdk.services.iam.model.GetRolePolicyResponse;
import software.amazon.awssdk.services.iam.model.GetRoleResponse;
import software.amazon.awssdk.services.iam.model.GetUserPolicyResponse;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.ListRolesResponse;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.lambda.model.LambdaException;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.GetFederationTokenResponse;
import software.amazon.awssdk.services.sts.model.GetSessionTokenResponse;
import software.amazon.awssdk.services.sts.model.StsException;
import software.amazon.awssdk.services.xray.model.XRayException;

/**
 * Makes the emulator answer the code under test the way AWS does where the difference decides
 * whether a learner's code is right. Emulators are instant and lenient; AWS is neither:
 * <ul>
 *   <li><b>A new table is not ready at once.</b> {@code CreateTable} answers {@code CREATING} (with its
 *       indexes {@code CREATING}); the next {@value #CREATING_POLLS} {@code DescribeTable} calls of the
 *       code under test answer {@code CREATING}, and item operations on the table fail with
 *       {@code ResourceNotFoundException}, as the DynamoDB API reference says of a table that is not
 *       {@code ACTIVE}. An SDK waiter's polls are answered as they are (the table has been created):
 *       its 20-second delay between polls would only make a test slow.</li>
 *   <li><b>IAM returns policy documents URL-encoded</b> (RFC 3986), as the IAM API reference says of
 *       {@code GetRole}, {@code ListRoles}, {@code GetRolePolicy}, {@code GetUserPolicy},
 *       {@code GetGroupPolicy} and {@code GetPolicyVersion}; moto does so only for some.</li>
 *   <li><b>Temporary credentials need their session token.</b> A request signed with an access key that
 *       {@code AssumeRole}, {@code GetSessionToken} or {@code GetFederationToken} issued, but without
 *       {@code X-Amz-Security-Token}, is refused as AWS refuses it ({@code InvalidClientTokenId} or
 *       {@code UnrecognizedClientException}: "The security token included in the request is
 *       invalid."); moto never checks the token.</li>
 *   <li><b>An index key has the type its table declares.</b> A {@code PutItem} (alone, in a
 *       {@code BatchWriteItem} or in a {@code TransactWriteItems}) whose item holds a key attribute of a
 *       global or local secondary index with another type than the table's attribute definition is
 *       refused with {@code ValidationException} ("One or more parameter values were invalid: Type
 *       mismatch for Index Key score Expected: S Actual: N IndexName: Leaderboard"), as DynamoDB does
 *       (see "Working with Items and Attributes": an index key attribute must be a scalar of the declared
 *       type); moto stores the item and sorts it by its own type. Applies to every client, of the code
 *       under test and of the kit, for tables whose {@code CreateTable} this JVM saw.</li>
 * </ul>
 * Short pages and the rest of AWS under load are planned per test in {@link FaultPlan}.
 *
 * <p>A global interceptor of every SDK client in the JVM, listed after {@link ApiCallRecorder}. The
 * kit's own grading clients see the emulator as it is, except that the session-token check applies
 * to every client.
 */
public final class AwsRealism implements ExecutionInterceptor {
    /** How many DescribeTable calls (not a waiter's) see a new table as CREATING. */
    static final int CREATING_POLLS = 2;

    private static final String INVALID_TOKEN = "The security token included in the request is invalid.";

    /** Public for the SDK, which instantiates global interceptors by reflection. */
    public AwsRealism() {}

    /**
     * What the realism layer remembers: tables being created in this test, temporary keys ever issued,
     * and the index keys of the tables created in this JVM (by region and table name).
     */
    static final class State {
        private final Map<String, Integer> creating = new ConcurrentHashMap<>();
        private final Set<String> temporaryKeys = ConcurrentHashMap.newKeySet();
        private final Map<String, List<IndexKey>> indexKeys = new ConcurrentHashMap<>();

        void beforeTest() {
            creating.clear();
        }
    }

    /** A key attribute of a secondary index, with the type the table declares for it ("S", "N" or "B"). */
    record IndexKey(String index, String attribute, String type) {}

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        refuseMissingSessionToken(context.httpRequest(), attributes);
        refuseIndexKeyTypeMismatch(context.request(), attributes);
        if (attributes.getAttribute(ApiCallRecorder.CALL) != null) {
            String table = itemTable(context.request());
            if (table != null && JvmState.realism().creating.containsKey(table)) {
                throw ResourceNotFoundException.builder()
                        .message("Requested resource not found: Table: " + table + " is being created (status"
                                + " CREATING); wait until it is ACTIVE before you use it")
                        .statusCode(400)
                        .awsErrorDetails(
                                details("ResourceNotFoundException", "Requested resource not found", 400, "DynamoDb"))
                        .build();
            }
        }
    }

    @Override
    public SdkResponse modifyResponse(Context.ModifyResponse context, ExecutionAttributes attributes) {
        SdkResponse response = context.response();
        rememberTemporaryKey(response);
        rememberIndexKeys(response, attributes);
        if (attributes.getAttribute(ApiCallRecorder.CALL) == null) {
            return response;
        }
        if (response instanceof CreateTableResponse created && created.tableDescription() != null) {
            JvmState.realism().creating.put(created.tableDescription().tableName(), CREATING_POLLS);
            return created.toBuilder()
                    .tableDescription(creating(created.tableDescription()))
                    .build();
        }
        if (response instanceof DescribeTableResponse described && described.table() != null) {
            return describe(context.request(), described);
        }
        return urlEncodeIamDocuments(response);
    }

    private static DescribeTableResponse describe(SdkRequest request, DescribeTableResponse described) {
        Map<String, Integer> creating = JvmState.realism().creating;
        String table = ((DescribeTableRequest) request).tableName();
        Integer left = creating.get(table);
        if (left == null) {
            return described;
        }
        if (fromWaiter(request) || left <= 0) {
            creating.remove(table);
            return described;
        }
        if (left == 1) {
            creating.put(table, 0);
        } else {
            creating.put(table, left - 1);
        }
        return described.toBuilder().table(creating(described.table())).build();
    }

    /** The table as it looks while it is created: CREATING, and so is every index. */
    private static TableDescription creating(TableDescription t) {
        List<GlobalSecondaryIndexDescription> indexes = t.globalSecondaryIndexes().stream()
                .map(g -> g.toBuilder().indexStatus(IndexStatus.CREATING).build())
                .toList();
        TableDescription.Builder b = t.toBuilder().tableStatus(TableStatus.CREATING);
        if (t.hasGlobalSecondaryIndexes()) {
            b.globalSecondaryIndexes(indexes);
        }
        return b.build();
    }

    /** Whether an SDK waiter sent this request (waiters mark their requests with the WAITER feature id). */
    static boolean fromWaiter(SdkRequest request) {
        return request instanceof AwsRequest r
                && r.overrideConfiguration()
                        .map(o -> o.apiNames().stream()
                                .anyMatch(n -> n.version().contains(BusinessMetricFeatureId.WAITER.value())
                                        && n.name().equals("sdk-metrics")))
                        .orElse(false);
    }

    /** The table an item operation reads or writes, or null for anything else. */
    private static String itemTable(SdkRequest request) {
        if (request instanceof PutItemRequest r) return r.tableName();
        if (request instanceof GetItemRequest r) return r.tableName();
        if (request instanceof UpdateItemRequest r) return r.tableName();
        if (request instanceof DeleteItemRequest r) return r.tableName();
        if (request instanceof QueryRequest r) return r.tableName();
        if (request instanceof ScanRequest r) return r.tableName();
        if (request instanceof BatchWriteItemRequest r)
            return r.requestItems().keySet().stream().findFirst().orElse(null);
        if (request instanceof BatchGetItemRequest r)
            return r.requestItems().keySet().stream().findFirst().orElse(null);
        return null;
    }

    private static String tableKey(ExecutionAttributes attributes, String table) {
        Object region = attributes.getAttribute(AwsExecutionAttribute.AWS_REGION);
        return region + "/" + table;
    }

    /** Remembers the key attributes of a new table's indexes; forgets them when the table is deleted. */
    private static void rememberIndexKeys(SdkResponse response, ExecutionAttributes attributes) {
        if (response instanceof DeleteTableResponse deleted && deleted.tableDescription() != null) {
            JvmState.realism()
                    .indexKeys
                    .remove(tableKey(attributes, deleted.tableDescription().tableName()));
            return;
        }
        if (!(response instanceof CreateTableResponse created) || created.tableDescription() == null) {
            return;
        }
        TableDescription t = created.tableDescription();
        Map<String, String> types = new HashMap<>();
        t.attributeDefinitions().forEach(a -> types.put(a.attributeName(), a.attributeTypeAsString()));
        List<IndexKey> keys = new ArrayList<>();
        for (GlobalSecondaryIndexDescription g : t.globalSecondaryIndexes()) {
            addKeys(keys, g.indexName(), g.keySchema(), types);
        }
        for (LocalSecondaryIndexDescription l : t.localSecondaryIndexes()) {
            addKeys(keys, l.indexName(), l.keySchema(), types);
        }
        JvmState.realism().indexKeys.put(tableKey(attributes, t.tableName()), List.copyOf(keys));
    }

    private static void addKeys(
            List<IndexKey> keys, String index, List<KeySchemaElement> schema, Map<String, String> types) {
        for (KeySchemaElement k : schema) {
            String type = types.get(k.attributeName());
            if (type != null) {
                keys.add(new IndexKey(index, k.attributeName(), type));
            }
        }
    }

    private static void refuseIndexKeyTypeMismatch(SdkRequest request, ExecutionAttributes attributes) {
        if (request instanceof PutItemRequest r) {
            checkIndexKeys(attributes, r.tableName(), r.item());
        } else if (request instanceof BatchWriteItemRequest r) {
            r.requestItems()
                    .forEach((table, writes) -> writes.stream()
                            .filter(w -> w.putRequest() != null)
                            .forEach(w -> checkIndexKeys(
                                    attributes, table, w.putRequest().item())));
        } else if (request instanceof TransactWriteItemsRequest r) {
            r.transactItems().stream()
                    .filter(t -> t.put() != null)
                    .forEach(t -> checkIndexKeys(
                            attributes, t.put().tableName(), t.put().item()));
        }
    }

    private static void checkIndexKeys(ExecutionAttributes attributes, String table, Map<String, AttributeValue> item) {
        List<IndexKey> keys = JvmState.realism().indexKeys.get(tableKey(attributes, table));
        if (keys == null || item == null) {
            return;
        }
        for (IndexKey key : keys) {
            AttributeValue value = item.get(key.attribute());
            if (value == null) {
                continue; // an item without the index key is simply not in the index (a sparse index)
            }
            String actual = typeOf(value);
            if (!key.type().equals(actual)) {
                String message = "One or more parameter values were invalid: Type mismatch for Index Key "
                        + key.attribute() + " Expected: " + key.type() + " Actual: " + actual + " IndexName: "
                        + key.index();
                throw DynamoDbException.builder()
                        .message(message)
                        .statusCode(400)
                        .awsErrorDetails(details("ValidationException", message, 400, "DynamoDb"))
                        .build();
            }
        }
    }

    /** The DynamoDB type descriptor of a value: S, N, B, BOOL, NULL, M, L, SS, NS or BS. */
    private static String typeOf(AttributeValue value) {
        AttributeValue.Type type = value.type();
        if (type == null || type == AttributeValue.Type.UNKNOWN_TO_SDK_VERSION) {
            return "unknown";
        }
        return type == AttributeValue.Type.NUL ? "NULL" : type.name();
    }

    private static void rememberTemporaryKey(SdkResponse response) {
        Credentials c = null;
        if (response instanceof AssumeRoleResponse r) c = r.credentials();
        if (response instanceof GetSessionTokenResponse r) c = r.credentials();
        if (response instanceof GetFederationTokenResponse r) c = r.credentials();
        if (c != null && c.accessKeyId() != null) {
            JvmState.realism().temporaryKeys.add(c.accessKeyId());
        }
    }

    private static void refuseMissingSessionToken(SdkHttpRequest http, ExecutionAttributes attributes) {
        String accessKey = accessKeyOf(http.firstMatchingHeader("Authorization").orElse(""));
        if (accessKey == null
                || !JvmState.realism().temporaryKeys.contains(accessKey)
                || http.firstMatchingHeader("X-Amz-Security-Token").isPresent()) {
            return;
        }
        String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
        String message = INVALID_TOKEN + " (The workshop kit checks this as AWS does: the access key " + accessKey
                + " is a temporary one, and a request signed with it needs its session token too:"
                + " AwsSessionCredentials.create(accessKeyId, secretAccessKey, sessionToken).)";
        throw invalidToken(service, message);
    }

    /** The access key id of a SigV4 {@code Authorization} header, or null. */
    static String accessKeyOf(String authorization) {
        int at = authorization.indexOf("Credential=");
        if (at < 0) {
            return null;
        }
        int end = authorization.indexOf('/', at);
        return end < 0 ? null : authorization.substring(at + "Credential=".length(), end);
    }

    /** The exception each service sends for an invalid security token, with its code and HTTP status. */
    private static AwsServiceException invalidToken(String service, String message) {
        AwsServiceException.Builder b = switch (service == null ? "" : service) {
            case "DynamoDb" ->
                DynamoDbException.builder()
                        .statusCode(400)
                        .awsErrorDetails(details("UnrecognizedClientException", message, 400, service));
            case "CloudWatchLogs" ->
                CloudWatchLogsException.builder()
                        .statusCode(400)
                        .awsErrorDetails(details("UnrecognizedClientException", message, 400, service));
            case "Lambda" ->
                LambdaException.builder()
                        .statusCode(403)
                        .awsErrorDetails(details("UnrecognizedClientException", message, 403, service));
            case "XRay" ->
                XRayException.builder()
                        .statusCode(403)
                        .awsErrorDetails(details("UnrecognizedClientException", message, 403, service));
            case "Iam" ->
                IamException.builder()
                        .statusCode(403)
                        .awsErrorDetails(details("InvalidClientTokenId", message, 403, service));
            case "CloudWatch" ->
                CloudWatchException.builder()
                        .statusCode(403)
                        .awsErrorDetails(details("InvalidClientTokenId", message, 403, service));
            default ->
                StsException.builder()
                        .statusCode(403)
                        .awsErrorDetails(details("InvalidClientTokenId", message, 403, service));
        };
        return b.message(message).build();
    }

    private static AwsErrorDetails details(String code, String message, int status, String service) {
        return AwsErrorDetails.builder()
                .errorCode(code)
                .errorMessage(message)
                .serviceName(service)
                .sdkHttpResponse(SdkHttpResponse.builder().statusCode(status).build())
                .build();
    }

    /** IAM's documents as AWS returns them: URL-encoded, whatever the emulator did. */
    private static SdkResponse urlEncodeIamDocuments(SdkResponse response) {
        if (response instanceof GetRoleResponse r && r.role() != null) {
            return r.toBuilder().role(encoded(r.role())).build();
        }
        if (response instanceof ListRolesResponse r && r.hasRoles()) {
            return r.toBuilder()
                    .roles(r.roles().stream().map(AwsRealism::encoded).toList())
                    .build();
        }
        if (response instanceof GetRolePolicyResponse r) {
            return r.toBuilder().policyDocument(urlEncoded(r.policyDocument())).build();
        }
        if (response instanceof GetUserPolicyResponse r) {
            return r.toBuilder().policyDocument(urlEncoded(r.policyDocument())).build();
        }
        if (response instanceof GetGroupPolicyResponse r) {
            return r.toBuilder().policyDocument(urlEncoded(r.policyDocument())).build();
        }
        if (response instanceof GetPolicyVersionResponse r && r.policyVersion() != null) {
            return r.toBuilder()
                    .policyVersion(r.policyVersion().toBuilder()
                            .document(urlEncoded(r.policyVersion().document()))
                            .build())
                    .build();
        }
        return response;
    }

    private static Role encoded(Role role) {
        return role.toBuilder()
                .assumeRolePolicyDocument(urlEncoded(role.assumeRolePolicyDocument()))
                .build();
    }

    /**
     * {@code document} URL-encoded as AWS encodes it (RFC 3986: letters, digits and {@code -_.~} stay,
     * every other byte of its UTF-8 is {@code %XX}); unchanged if it is null or already encoded.
     */
    static String urlEncoded(String document) {
        if (document == null || document.indexOf('{') < 0) {
            return document;
        }
        StringBuilder sb = new StringBuilder(document.length() * 2);
        for (byte b : document.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'A' && c <= 'Z')
                    || (c >= 'a' && c <= 'z')
                    || (c >= '0' && c <= '9')
                    || c == '-'
                    || c == '_'
                    || c == '.'
                    || c == '~') {
                sb.append((char) c);
            } else {
                sb.append('%')
                        .append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return sb.toString();
    }
}
