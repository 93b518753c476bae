package dev.arcade.lambda.streams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The control plane of DynamoDB stream mappings, after the AWS Lambda API Reference
 * ("CreateEventSourceMapping", "GetEventSourceMapping", "UpdateEventSourceMapping",
 * "DeleteEventSourceMapping", "ListEventSourceMappings") and the Lambda Developer Guide's "Lambda
 * parameters for Amazon DynamoDB event source mappings". Names and ARNs are the guide's
 * (my-function, 123456789012, us-east-2).
 */
class StreamMappingsTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String FN = "arn:aws:lambda:us-east-2:123456789012:function:my-function";
    static final String STREAM =
            "arn:aws:dynamodb:us-east-2:123456789012:table/my-table/stream/2024-06-10T19:26:16.525";
    /** The same table name in another region: another stream. */
    static final String OTHER_REGION_STREAM =
            "arn:aws:dynamodb:eu-central-1:123456789012:table/my-table/stream/2024-06-10T19:26:16.525";

    final AtomicInteger ids = new AtomicInteger();
    final StreamMappings mappings = new StreamMappings(
            StreamMappingsTest::lookup,
            arn -> arn.equals(STREAM) || arn.equals(OTHER_REGION_STREAM) ? Optional.of("my-table") : Optional.empty(),
            Clock.fixed(Instant.parse("2024-06-10T19:30:00.250Z"), ZoneOffset.UTC),
            () -> "uuid-" + ids.incrementAndGet());

    static Optional<String> lookup(String name) {
        switch (name) {
            case "my-function":
            case FN:
            case "123456789012:function:my-function":
                return Optional.of(FN);
            case "my-function:PROD":
                return Optional.of(FN + ":PROD");
            case "other-function":
                return Optional.of("arn:aws:lambda:us-east-2:123456789012:function:other-function");
            default:
                return Optional.empty();
        }
    }

    static ObjectNode body(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    static ObjectNode minimal() {
        return body("{\"FunctionName\":\"my-function\",\"EventSourceArn\":\"" + STREAM
                + "\",\"StartingPosition\":\"LATEST\"}");
    }

    static ObjectNode with(String member, JsonNode value) {
        ObjectNode b = minimal();
        b.set(member, value);
        return b;
    }

    static ObjectNode with(String member, int value) {
        ObjectNode b = minimal();
        b.put(member, value);
        return b;
    }

    static void assertError(ApiResponse r, int status, String type) {
        assertThat(r.status()).as(r.body().toString()).isEqualTo(status);
        assertThat(r.headers()).containsEntry("x-amzn-ErrorType", type);
        assertThat(r.body().path("Type").asText()).isEqualTo("User");
        assertThat(r.body().path("message").asText()).isNotEmpty();
    }

    @Test
    @DisplayName("Create answers 202 with State Creating and Lambda's defaults, and a Get afterwards says Enabled")
    void createDefaults() {
        ApiResponse r = mappings.create(minimal());
        assertThat(r.status()).isEqualTo(202);
        JsonNode m = r.body();
        assertThat(m.path("UUID").asText()).isEqualTo("uuid-1");
        assertThat(m.path("State").asText()).isEqualTo("Creating");
        assertThat(m.path("BatchSize").asInt()).isEqualTo(100);
        assertThat(m.path("MaximumRetryAttempts").asInt()).isEqualTo(-1);
        assertThat(m.path("MaximumRecordAgeInSeconds").asInt()).isEqualTo(-1);
        assertThat(m.path("MaximumBatchingWindowInSeconds").asInt()).isZero();
        assertThat(m.path("ParallelizationFactor").asInt()).isEqualTo(1);
        assertThat(m.path("BisectBatchOnFunctionError").asBoolean(true)).isFalse();
        assertThat(m.path("TumblingWindowInSeconds").asInt()).isZero();
        assertThat(m.path("FunctionResponseTypes").isArray()).isTrue();
        assertThat(m.path("FunctionResponseTypes")).isEmpty();
        assertThat(m.path("DestinationConfig").path("OnFailure").isObject()).isTrue();
        assertThat(m.path("LastProcessingResult").asText()).isEqualTo("No records processed");
        assertThat(m.path("StateTransitionReason").asText()).isEqualTo("User action");
        assertThat(m.path("StartingPosition").asText()).isEqualTo("LATEST");
        assertThat(m.path("FunctionArn").asText()).isEqualTo(FN);
        assertThat(m.path("EventSourceArn").asText()).isEqualTo(STREAM);
        assertThat(m.path("LastModified").isNumber()).isTrue();
        assertThat(m.path("LastModified").asDouble()).isEqualTo(1718047800.25);
        assertThat(m.path("EventSourceMappingArn").asText())
                .isEqualTo("arn:aws:lambda:us-east-2:123456789012:event-source-mapping:uuid-1");
        assertThat(m.has("FilterCriteria")).isFalse();

        ApiResponse got = mappings.get("uuid-1");
        assertThat(got.status()).isEqualTo(200);
        assertThat(got.body().path("State").asText()).isEqualTo("Enabled");
    }

    @Test
    @DisplayName("a mapping created with Enabled false is Disabled once created")
    void createdDisabled() {
        ObjectNode b = minimal();
        b.put("Enabled", false);
        mappings.create(b);
        assertThat(mappings.get("uuid-1").body().path("State").asText()).isEqualTo("Disabled");
        assertThat(mappings.mapping("uuid-1").orElseThrow().enabled()).isFalse();
    }

    @Test
    @DisplayName("a full ARN or a partial ARN names the same function as its name")
    void functionNameForms() {
        ObjectNode b = minimal();
        b.put("FunctionName", "123456789012:function:my-function");
        assertThat(mappings.create(b).body().path("FunctionArn").asText()).isEqualTo(FN);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 10_001})
    @DisplayName("BatchSize outside 1..10000 is a ValidationException")
    void batchSizeRange(int size) {
        ApiResponse r = mappings.create(with("BatchSize", size));
        assertError(r, 400, "ValidationException");
        assertThat(r.message()).contains("batchSize").contains("'" + size + "'");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 10_000})
    @DisplayName("BatchSize 1 and 10000, the bounds, are accepted")
    void batchSizeBounds(int size) {
        ApiResponse r = mappings.create(with("BatchSize", size));
        assertThat(r.status()).isEqualTo(202);
        assertThat(r.body().path("BatchSize").asInt()).isEqualTo(size);
    }

    @Test
    @DisplayName("two constraint violations are reported together, counted")
    void twoViolations() {
        ObjectNode b = with("BatchSize", 0);
        b.put("MaximumRetryAttempts", 10_001);
        ApiResponse r = mappings.create(b);
        assertError(r, 400, "ValidationException");
        assertThat(r.message()).startsWith("2 validation errors detected: ").contains("maximumRetryAttempts");
    }

    @Test
    @DisplayName("a DynamoDB stream mapping without StartingPosition is refused")
    void startingPositionRequired() {
        ObjectNode b = minimal();
        b.remove("StartingPosition");
        ApiResponse r = mappings.create(b);
        assertError(r, 400, "InvalidParameterValueException");
        assertThat(r.message()).contains("StartingPosition");
    }

    @Test
    @DisplayName("AT_TIMESTAMP is for Kinesis only: refused for a DynamoDB stream")
    void atTimestampRefused() {
        ObjectNode b = minimal();
        b.put("StartingPosition", "AT_TIMESTAMP");
        b.put("StartingPositionTimestamp", 1718047800);
        ApiResponse r = mappings.create(b);
        assertError(r, 400, "InvalidParameterValueException");
        assertThat(r.message()).contains("AT_TIMESTAMP");
    }

    @Test
    @DisplayName("StartingPosition is case-sensitive: 'latest' is not an enum value")
    void startingPositionCase() {
        ObjectNode b = minimal();
        b.put("StartingPosition", "latest");
        assertError(mappings.create(b), 400, "ValidationException");
        b.put("StartingPosition", "TRIM_HORIZON");
        assertThat(mappings.create(b).body().path("StartingPosition").asText()).isEqualTo("TRIM_HORIZON");
    }

    @ParameterizedTest
    @ValueSource(ints = {-2, 10_001})
    @DisplayName("MaximumRetryAttempts outside -1..10000 is a ValidationException")
    void retryRange(int n) {
        assertError(mappings.create(with("MaximumRetryAttempts", n)), 400, "ValidationException");
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 0, 10_000})
    @DisplayName("MaximumRetryAttempts -1 (infinite), 0 and 10000 are accepted")
    void retryBounds(int n) {
        assertThat(mappings.create(with("MaximumRetryAttempts", n))
                        .body()
                        .path("MaximumRetryAttempts")
                        .asInt())
                .isEqualTo(n);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 59})
    @DisplayName("MaximumRecordAgeInSeconds between 0 and 59 is refused: -1 or at least 60")
    void recordAgeTooSmall(int age) {
        ApiResponse r = mappings.create(with("MaximumRecordAgeInSeconds", age));
        assertError(r, 400, "InvalidParameterValueException");
        assertThat(r.message()).contains("MaximumRecordAgeInSeconds");
    }

    @ParameterizedTest
    @ValueSource(ints = {-2, 604_801})
    @DisplayName("MaximumRecordAgeInSeconds outside -1..604800 is a ValidationException")
    void recordAgeRange(int age) {
        assertError(mappings.create(with("MaximumRecordAgeInSeconds", age)), 400, "ValidationException");
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 60, 604_800})
    @DisplayName("MaximumRecordAgeInSeconds -1, 60 and 604800 are accepted")
    void recordAgeBounds(int age) {
        assertThat(mappings.create(with("MaximumRecordAgeInSeconds", age)).status())
                .isEqualTo(202);
    }

    @Test
    @DisplayName("MaximumBatchingWindowInSeconds goes from 0 to 300")
    void batchingWindow() {
        assertError(mappings.create(with("MaximumBatchingWindowInSeconds", 301)), 400, "ValidationException");
        assertError(mappings.create(with("MaximumBatchingWindowInSeconds", -1)), 400, "ValidationException");
        assertThat(mappings.create(with("MaximumBatchingWindowInSeconds", 300)).status())
                .isEqualTo(202);
    }

    @Test
    @DisplayName("FunctionResponseTypes accepts only ReportBatchItemFailures, spelled exactly")
    void responseTypes() {
        assertError(
                mappings.create(
                        with("FunctionResponseTypes", JSON.createArrayNode().add("reportBatchItemFailures"))),
                400,
                "ValidationException");
        assertError(
                mappings.create(
                        with("FunctionResponseTypes", JSON.createArrayNode().add("BisectBatch"))),
                400,
                "ValidationException");
        ApiResponse ok = mappings.create(
                with("FunctionResponseTypes", JSON.createArrayNode().add("ReportBatchItemFailures")));
        assertThat(ok.body().path("FunctionResponseTypes").get(0).asText()).isEqualTo("ReportBatchItemFailures");
        assertThat(mappings.mapping(ok.body().path("UUID").asText())
                        .orElseThrow()
                        .reportsBatchItemFailures())
                .isTrue();
    }

    static JsonNode filters(int n, String pattern) {
        ObjectNode criteria = JSON.createObjectNode();
        var list = criteria.putArray("Filters");
        for (int i = 0; i < n; i++) {
            list.addObject().put("Pattern", pattern);
        }
        return criteria;
    }

    @Test
    @DisplayName("at most 5 filters: 5 are kept and returned, 6 are refused")
    void filterCount() {
        String p = "{\"eventName\":[\"INSERT\"]}";
        assertError(mappings.create(with("FilterCriteria", filters(6, p))), 400, "InvalidParameterValueException");
        ApiResponse ok = mappings.create(with("FilterCriteria", filters(5, p)));
        assertThat(ok.status()).isEqualTo(202);
        assertThat(ok.body().path("FilterCriteria").path("Filters")).hasSize(5);
        assertThat(ok.body()
                        .path("FilterCriteria")
                        .path("Filters")
                        .get(0)
                        .path("Pattern")
                        .asText())
                .isEqualTo(p);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"eventName\":[\"INSERT\"]", "[\"INSERT\"]", "INSERT"})
    @DisplayName("a filter pattern must be a JSON object")
    void filterPatternJson(String pattern) {
        ApiResponse r = mappings.create(with("FilterCriteria", filters(1, pattern)));
        assertError(r, 400, "InvalidParameterValueException");
        assertThat(r.message()).contains("filter pattern");
    }

    static JsonNode onFailure(String arn) {
        ObjectNode d = JSON.createObjectNode();
        d.putObject("OnFailure").put("Destination", arn);
        return d;
    }

    @ParameterizedTest
    @ValueSource(strings = {"arn:aws:sqs:us-east-2:123456789012:dlq", "arn:aws:sns:eu-west-1:210987654321:failures"})
    @DisplayName("an SQS queue or an SNS topic, of any region or account, is an on-failure destination")
    void destinations(String arn) {
        ApiResponse r = mappings.create(with("DestinationConfig", onFailure(arn)));
        assertThat(r.status()).isEqualTo(202);
        assertThat(r.body()
                        .path("DestinationConfig")
                        .path("OnFailure")
                        .path("Destination")
                        .asText())
                .isEqualTo(arn);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "arn:aws:lambda:us-east-2:123456789012:function:other-function",
                "arn:aws:events:us-east-2:123456789012:event-bus/default",
                "dlq"
            })
    @DisplayName("any other on-failure destination is refused")
    void badDestinations(String arn) {
        assertError(mappings.create(with("DestinationConfig", onFailure(arn))), 400, "InvalidParameterValueException");
    }

    @Test
    @DisplayName("an OnSuccess destination is refused for a stream source")
    void onSuccessRefused() {
        ObjectNode d = JSON.createObjectNode();
        d.putObject("OnSuccess").put("Destination", "arn:aws:sqs:us-east-2:123456789012:done");
        assertError(mappings.create(with("DestinationConfig", d)), 400, "InvalidParameterValueException");
    }

    @Test
    @DisplayName("a second mapping of the same function and stream is a 409 ResourceConflictException naming the first")
    void conflict() {
        mappings.create(minimal());
        ObjectNode again = minimal();
        again.put("FunctionName", FN);
        again.put("StartingPosition", "TRIM_HORIZON");
        ApiResponse r = mappings.create(again);
        assertError(r, 409, "ResourceConflictException");
        assertThat(r.message())
                .contains("The event source arn (\" " + STREAM + " \")")
                .contains("provided mapping already exists")
                .endsWith("UUID uuid-1");
        assertThat(mappings.mappings()).hasSize(1);
    }

    @Test
    @DisplayName("the same table name in another region, another function, or an alias is no conflict")
    void noConflict() {
        mappings.create(minimal());
        ObjectNode otherRegion = minimal();
        otherRegion.put("EventSourceArn", OTHER_REGION_STREAM);
        assertThat(mappings.create(otherRegion).status()).isEqualTo(202);
        ObjectNode otherFunction = minimal();
        otherFunction.put("FunctionName", "other-function");
        assertThat(mappings.create(otherFunction).status()).isEqualTo(202);
        ObjectNode alias = minimal();
        alias.put("FunctionName", "my-function:PROD");
        ApiResponse r = mappings.create(alias);
        assertThat(r.status()).isEqualTo(202);
        assertThat(r.body().path("FunctionArn").asText()).isEqualTo(FN + ":PROD");
    }

    @Test
    @DisplayName("a function or a stream that does not exist is a 404 ResourceNotFoundException")
    void notFound() {
        ObjectNode b = minimal();
        b.put("FunctionName", "My-Function");
        assertError(mappings.create(b), 404, "ResourceNotFoundException");
        ObjectNode s = minimal();
        s.put("EventSourceArn", STREAM.replace("my-table", "My-Table"));
        assertError(mappings.create(s), 404, "ResourceNotFoundException");
    }

    @Test
    @DisplayName("FunctionName is required, and a source that is not a DynamoDB stream is refused")
    void requiredAndSource() {
        ObjectNode b = minimal();
        b.remove("FunctionName");
        assertError(mappings.create(b), 400, "ValidationException");
        ObjectNode table = minimal();
        table.put("EventSourceArn", "arn:aws:dynamodb:us-east-2:123456789012:table/my-table");
        assertError(mappings.create(table), 400, "InvalidParameterValueException");
    }

    @Test
    @DisplayName("only DynamoDB stream ARNs are this store's sources")
    void streamArns() {
        assertThat(StreamMappings.isDynamoDbStreamArn(STREAM)).isTrue();
        assertThat(StreamMappings.isDynamoDbStreamArn(
                        "arn:aws-cn:dynamodb:cn-north-1:123456789012:table/t_1.x/stream/2024-01-01T00:00:00.000"))
                .isTrue();
        assertThat(StreamMappings.isDynamoDbStreamArn("arn:aws:dynamodb:us-east-2:123456789012:table/my-table"))
                .isFalse();
        assertThat(StreamMappings.isDynamoDbStreamArn("arn:aws:kinesis:us-east-2:123456789012:stream/my-stream"))
                .isFalse();
        assertThat(StreamMappings.isDynamoDbStreamArn("arn:aws:sqs:us-east-2:123456789012:my-queue"))
                .isFalse();
        assertThat(StreamMappings.isDynamoDbStreamArn(null)).isFalse();
    }

    @Test
    @DisplayName("Update changes what it names, keeps the rest, and answers 202 Updating")
    void update() {
        ObjectNode b = minimal();
        b.put("MaximumRetryAttempts", 3);
        mappings.create(b);
        ApiResponse r = mappings.update("uuid-1", body("{\"BatchSize\":10,\"BisectBatchOnFunctionError\":true}"));
        assertThat(r.status()).isEqualTo(202);
        assertThat(r.body().path("State").asText()).isEqualTo("Updating");
        assertThat(r.body().path("BatchSize").asInt()).isEqualTo(10);
        assertThat(r.body().path("BisectBatchOnFunctionError").asBoolean()).isTrue();
        assertThat(r.body().path("MaximumRetryAttempts").asInt()).isEqualTo(3);
        assertThat(r.body().path("StartingPosition").asText()).isEqualTo("LATEST");
        assertThat(mappings.get("uuid-1").body().path("State").asText()).isEqualTo("Enabled");
    }

    @Test
    @DisplayName("Update with Enabled false answers Disabling, then the mapping is Disabled; true again Enabling")
    void disable() {
        mappings.create(minimal());
        assertThat(mappings.update("uuid-1", body("{\"Enabled\":false}"))
                        .body()
                        .path("State")
                        .asText())
                .isEqualTo("Disabling");
        assertThat(mappings.get("uuid-1").body().path("State").asText()).isEqualTo("Disabled");
        assertThat(mappings.update("uuid-1", body("{\"Enabled\":true}"))
                        .body()
                        .path("State")
                        .asText())
                .isEqualTo("Enabling");
    }

    @Test
    @DisplayName("Update validates as Create does, and removes filters or the destination when given empty")
    void updateValidatesAndClears() {
        ObjectNode b = with("FilterCriteria", filters(1, "{\"eventName\":[\"INSERT\"]}"));
        b.set("DestinationConfig", onFailure("arn:aws:sqs:us-east-2:123456789012:dlq"));
        mappings.create(b);
        assertError(mappings.update("uuid-1", body("{\"BatchSize\":10001}")), 400, "ValidationException");
        assertError(
                mappings.update("uuid-1", body("{\"MaximumRecordAgeInSeconds\":30}")),
                400,
                "InvalidParameterValueException");
        ApiResponse r =
                mappings.update("uuid-1", body("{\"FilterCriteria\":{},\"DestinationConfig\":{\"OnFailure\":{}}}"));
        assertThat(r.body().has("FilterCriteria")).isFalse();
        assertThat(r.body().path("DestinationConfig").path("OnFailure").has("Destination"))
                .isFalse();
    }

    @Test
    @DisplayName("Update to a function that already has a mapping of the stream is a conflict; to an unknown one, 404")
    void updateFunction() {
        mappings.create(minimal());
        ObjectNode other = minimal();
        other.put("FunctionName", "other-function");
        mappings.create(other);
        assertError(
                mappings.update("uuid-2", body("{\"FunctionName\":\"my-function\"}")),
                409,
                "ResourceConflictException");
        assertError(
                mappings.update("uuid-2", body("{\"FunctionName\":\"missing\"}")), 404, "ResourceNotFoundException");
        assertThat(mappings.update("uuid-2", body("{\"FunctionName\":\"my-function:PROD\"}"))
                        .body()
                        .path("FunctionArn")
                        .asText())
                .isEqualTo(FN + ":PROD");
    }

    @Test
    @DisplayName("Delete answers 202 Deleting; afterwards Get, Update and Delete answer 404")
    void delete() {
        mappings.create(minimal());
        ApiResponse r = mappings.delete("uuid-1");
        assertThat(r.status()).isEqualTo(202);
        assertThat(r.body().path("State").asText()).isEqualTo("Deleting");
        assertError(mappings.get("uuid-1"), 404, "ResourceNotFoundException");
        assertError(mappings.update("uuid-1", body("{}")), 404, "ResourceNotFoundException");
        assertError(mappings.delete("uuid-1"), 404, "ResourceNotFoundException");
        assertThat(mappings.owns("uuid-1")).isFalse();
    }

    @Test
    @DisplayName("List filters by function (unqualified covers its aliases) and by stream, and pages with NextMarker")
    void list() {
        mappings.create(minimal());
        ObjectNode alias = minimal();
        alias.put("FunctionName", "my-function:PROD");
        mappings.create(alias);
        ObjectNode other = minimal();
        other.put("FunctionName", "other-function");
        other.put("EventSourceArn", OTHER_REGION_STREAM);
        mappings.create(other);

        assertThat(mappings.list(null, null, null, null).body().path("EventSourceMappings"))
                .hasSize(3);
        assertThat(mappings.list("my-function", null, null, null).body().path("EventSourceMappings"))
                .hasSize(2);
        assertThat(mappings.list("my-function:PROD", null, null, null).body().path("EventSourceMappings"))
                .hasSize(1);
        assertThat(mappings.list(null, OTHER_REGION_STREAM, null, null).body().path("EventSourceMappings"))
                .hasSize(1);
        assertThat(mappings.list("nobody", null, null, null).body().path("EventSourceMappings"))
                .isEmpty();

        JsonNode page1 = mappings.list(null, null, null, "2").body();
        assertThat(page1.path("EventSourceMappings")).hasSize(2);
        String marker = page1.path("NextMarker").asText();
        JsonNode page2 = mappings.list(null, null, marker, "2").body();
        assertThat(page2.path("EventSourceMappings")).hasSize(1);
        assertThat(page2.path("EventSourceMappings").get(0).path("UUID").asText())
                .isEqualTo("uuid-3");
        assertThat(page2.has("NextMarker")).isFalse();
        assertError(mappings.list(null, null, null, "0"), 400, "ValidationException");
        assertError(mappings.list(null, null, "not-a-marker", null), 400, "InvalidParameterValueException");
    }

    @Test
    @DisplayName("handle routes the REST paths and methods to the operations")
    void routes() {
        ApiResponse created = mappings.handle("POST", "/2015-03-31/event-source-mappings/", Map.of(), minimal());
        assertThat(created.status()).isEqualTo(202);
        assertThat(mappings.handle("GET", "/2015-03-31/event-source-mappings/uuid-1", Map.of(), null)
                        .status())
                .isEqualTo(200);
        assertThat(mappings.handle(
                                "get",
                                "/2015-03-31/event-source-mappings/",
                                Map.of("FunctionName", "my-function"),
                                null)
                        .body()
                        .path("EventSourceMappings"))
                .hasSize(1);
        assertThat(mappings.handle(
                                "PUT", "/2015-03-31/event-source-mappings/uuid-1", Map.of(), body("{\"BatchSize\":5}"))
                        .body()
                        .path("BatchSize")
                        .asInt())
                .isEqualTo(5);
        assertThat(mappings.handle("DELETE", "/2015-03-31/event-source-mappings/uuid-1", Map.of(), null)
                        .status())
                .isEqualTo(202);
        assertError(
                mappings.handle("GET", "/2015-03-31/event-source-mappings/uuid-1", Map.of(), null),
                404,
                "ResourceNotFoundException");
    }

    @Test
    @DisplayName("a poller's result shows in Get without changing LastModified")
    void processingResult() {
        mappings.create(minimal());
        mappings.recordProcessingResult("uuid-1", "OK", null);
        JsonNode m = mappings.get("uuid-1").body();
        assertThat(m.path("LastProcessingResult").asText()).isEqualTo("OK");
        assertThat(m.path("StateTransitionReason").asText()).isEqualTo("User action");
        assertThat(m.path("LastModified").asDouble()).isEqualTo(1718047800.25);
    }

    @Test
    @DisplayName("with a role check, Create and a FunctionName change need the four stream actions on the stream")
    void roleCheckOnCreate() {
        java.util.Set<String> allowedFunctions = new java.util.HashSet<>(java.util.Set.of(FN));
        StreamMappings checked = new StreamMappings(
                StreamMappingsTest::lookup,
                arn -> Optional.of("my-table"),
                Clock.fixed(Instant.parse("2024-06-10T19:30:00Z"), ZoneOffset.UTC),
                () -> "c-" + ids.incrementAndGet(),
                (function, action, resource) -> allowedFunctions.contains(function)
                                && !(action.equals("dynamodb:ListStreams") && resource.equals(OTHER_REGION_STREAM))
                        ? Optional.empty()
                        : Optional.of("denied " + action));
        ObjectNode other = minimal();
        other.put("FunctionName", "other-function");
        ApiResponse r = checked.create(other);
        assertError(r, 400, "InvalidParameterValueException");
        assertThat(r.message())
                .isEqualTo(
                        "Cannot access stream " + STREAM + ". Please ensure the role can perform the"
                                + " GetRecords, GetShardIterator, DescribeStream, and ListStreams Actions on your stream in IAM.");
        assertThat(checked.mappings()).isEmpty();

        ObjectNode otherRegion = minimal();
        otherRegion.put("EventSourceArn", OTHER_REGION_STREAM);
        assertError(checked.create(otherRegion), 400, "InvalidParameterValueException");

        ApiResponse ok = checked.create(minimal());
        assertThat(ok.status()).isEqualTo(202);
        String uuid = ok.body().path("UUID").asText();
        assertError(
                checked.update(uuid, body("{\"FunctionName\":\"other-function\"}")),
                400,
                "InvalidParameterValueException");
        assertThat(checked.mapping(uuid).orElseThrow().functionArn()).isEqualTo(FN);
        assertThat(checked.update(uuid, body("{\"BatchSize\":7}")).status()).isEqualTo(202);
    }
}
