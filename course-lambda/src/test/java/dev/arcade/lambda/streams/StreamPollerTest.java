package dev.arcade.lambda.streams;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arcade.lambda.streams.DeliveryRecord.Kind;
import dev.arcade.lambda.streams.Invoker.FunctionError;
import dev.arcade.lambda.streams.Invoker.Outcome;
import dev.arcade.lambda.streams.Invoker.Success;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The poller, after the Lambda Developer Guide: "Using AWS Lambda with Amazon DynamoDB" (polling,
 * starting positions, the example event), "Configuring partial batch response with DynamoDB and
 * Lambda" (success and failure conditions, bisecting), "Retain discarded records for a DynamoDB
 * event source in Lambda" (retries, "Splitting batches doesn't consume the retry quota", the
 * invocation record) and "Lambda event filtering". In-memory fakes stand for the stream, the
 * function, the destination and the role.
 */
class StreamPollerTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String STREAM = StreamMappingsTest.STREAM;
    static final String FN = StreamMappingsTest.FN;
    static final String DLQ = "arn:aws:sqs:eu-west-1:210987654321:stream-failures";
    static final Instant NOW = Instant.parse("2024-06-10T20:00:00Z");

    final FakeStream stream = new FakeStream();
    final FakeFunction function = new FakeFunction();
    final List<Map.Entry<String, JsonNode>> sent = new ArrayList<>();
    final Set<String> denied = new HashSet<>();
    int mappingIds;
    final StreamMappings mappings = new StreamMappings(
            StreamMappingsTest::lookup,
            arn -> arn.equals(STREAM) ? Optional.of("my-table") : Optional.empty(),
            Clock.fixed(NOW, ZoneOffset.UTC),
            () -> "uuid-" + ++mappingIds);

    StreamPoller poller(String settings) {
        ObjectNode body = StreamMappingsTest.body("{\"FunctionName\":\"my-function\",\"EventSourceArn\":\"" + STREAM
                + "\"" + (settings.isEmpty() ? "" : "," + settings) + "}");
        if (!body.has("StartingPosition")) {
            body.put("StartingPosition", "TRIM_HORIZON");
        }
        ApiResponse r = mappings.create(body);
        assertThat(r.status()).as(r.body().toString()).isEqualTo(202);
        return new StreamPoller(
                mappings,
                r.body().path("UUID").asText(),
                stream,
                function,
                (arn, record) -> sent.add(Map.entry(arn, record)),
                (action, resource) -> denied.contains(action)
                        ? Optional.of("no identity-based policy allows " + action)
                        : Optional.empty(),
                StreamPollerTest::compile,
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    MappingConfig mapping() {
        return mappings.mapping("uuid-1").orElseThrow();
    }

    /** A tiny matcher for the tests: top-level keys with lists of accepted strings, as {"eventName":["INSERT"]}. */
    static Predicate<JsonNode> compile(String pattern) {
        try {
            JsonNode p = JSON.readTree(pattern);
            return record -> {
                for (Map.Entry<String, JsonNode> f : p.properties()) {
                    boolean any = false;
                    for (JsonNode v : f.getValue()) {
                        any |= v.asText().equals(record.path(f.getKey()).asText());
                    }
                    if (!any) {
                        return false;
                    }
                }
                return true;
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<List<String>> seqs(List<DeliveryRecord> log, Kind kind) {
        List<List<String>> out = new ArrayList<>();
        log.stream().filter(d -> d.kind() == kind).forEach(d -> out.add(d.sequenceNumbers()));
        return out;
    }

    @Test
    @DisplayName("records reach the function in shard order, in batches of at most BatchSize")
    void orderAndBatchSize() {
        StreamPoller p = poller("\"BatchSize\":2");
        stream.write("shardId-1", 5);
        List<DeliveryRecord> log = p.drain();
        assertThat(function.calls).containsExactly(List.of("s1-1", "s1-2"), List.of("s1-3", "s1-4"), List.of("s1-5"));
        assertThat(seqs(log, Kind.SUCCEEDED)).hasSize(3);
        assertThat(log).allMatch(d -> d.attempt() == 1);
        assertThat(p.caughtUp()).isTrue();
        assertThat(mapping().lastProcessingResult()).isEqualTo("OK");
        assertThat(p.drain()).isEmpty();
        stream.write("shardId-1", 1);
        p.drain();
        assertThat(function.calls).last().isEqualTo(List.of("s1-6"));
    }

    @Test
    @DisplayName("more records than GetRecords returns at once are all read, BatchSize 10000 included")
    void manyRecords() {
        StreamPoller p = poller("\"BatchSize\":10000");
        stream.write("shardId-1", 1500);
        p.drain();
        assertThat(function.calls).hasSize(1);
        assertThat(function.calls.get(0)).hasSize(1500);
    }

    @Test
    @DisplayName("a child shard is read only after its parent, whatever order DescribeStream lists them in")
    void parentFirst() {
        stream.shard("shardId-child", "shardId-parent");
        stream.write("shardId-child", 2);
        stream.write("shardId-parent", 2);
        stream.close("shardId-parent");
        poller("").drain();
        assertThat(function.calls).containsExactly(List.of("sp-1", "sp-2"), List.of("sc-1", "sc-2"));
    }

    @Test
    @DisplayName("the event has the documented shape and the Java events library reads it")
    void eventShape(@TempDir Path dir) throws IOException {
        StreamPoller p = poller("");
        stream.write("shardId-1", 1);
        p.drain();
        JsonNode event = JSON.readTree(function.events.get(0));
        JsonNode r = event.path("Records").get(0);
        assertThat(r.path("eventID").asText()).isEqualTo("id-s1-1");
        assertThat(r.path("eventName").asText()).isEqualTo("INSERT");
        assertThat(r.path("eventVersion").asText()).isEqualTo("1.1");
        assertThat(r.path("eventSource").asText()).isEqualTo("aws:dynamodb");
        assertThat(r.path("awsRegion").asText()).isEqualTo("us-east-2");
        assertThat(r.path("eventSourceARN").asText()).isEqualTo(STREAM);
        JsonNode d = r.path("dynamodb");
        assertThat(d.path("ApproximateCreationDateTime").isIntegralNumber()).isTrue();
        assertThat(d.path("ApproximateCreationDateTime").asLong())
                .isEqualTo(NOW.minusSeconds(10).getEpochSecond());
        assertThat(d.path("Keys").path("Id").path("N").asText()).isEqualTo("1");
        assertThat(d.path("NewImage").path("Message").path("S").asText()).isEqualTo("New item!");
        assertThat(d.has("OldImage")).isFalse();
        assertThat(d.path("SequenceNumber").asText()).isEqualTo("s1-1");
        assertThat(d.path("SizeBytes").asInt()).isEqualTo(26);
        assertThat(d.path("StreamViewType").asText()).isEqualTo("NEW_AND_OLD_IMAGES");

        Path file = dir.resolve("event.json");
        Files.write(file, function.events.get(0));
        DynamodbEvent loaded = EventLoader.loadDynamoDbEvent(file.toString());
        assertThat(loaded.getRecords()).hasSize(1);
        assertThat(loaded.getRecords().get(0).getEventSourceARN()).isEqualTo(STREAM);
        assertThat(loaded.getRecords().get(0).getDynamodb().getSequenceNumber()).isEqualTo("s1-1");
        assertThat(loaded.getRecords()
                        .get(0)
                        .getDynamodb()
                        .getNewImage()
                        .get("Message")
                        .getS())
                .isEqualTo("New item!");
    }

    @Test
    @DisplayName(
            "a record that matches no filter is dropped and counts as processed; batches fill with matching records")
    void filters() {
        StreamPoller p = poller(
                "\"BatchSize\":2,\"FilterCriteria\":{\"Filters\":[{\"Pattern\":\"{\\\"eventName\\\":[\\\"INSERT\\\"]}\"},"
                        + "{\"Pattern\":\"{\\\"eventName\\\":[\\\"REMOVE\\\"]}\"}]}");
        stream.write("shardId-1", "s-1", "INSERT");
        stream.write("shardId-1", "s-2", "MODIFY");
        stream.write("shardId-1", "s-3", "REMOVE");
        stream.write("shardId-1", "s-4", "MODIFY");
        stream.write("shardId-1", "s-5", "INSERT");
        List<DeliveryRecord> log = p.drain();
        assertThat(function.calls).containsExactly(List.of("s-1", "s-3"), List.of("s-5"));
        assertThat(seqs(log, Kind.FILTERED_OUT).stream().flatMap(List::stream)).containsExactly("s-2", "s-4");
        assertThat(p.caughtUp()).isTrue();
    }

    @Test
    @DisplayName("when nothing matches, the function is not invoked at all")
    void allFiltered() {
        StreamPoller p =
                poller("\"FilterCriteria\":{\"Filters\":[{\"Pattern\":\"{\\\"eventName\\\":[\\\"insert\\\"]}\"}]}");
        stream.write("shardId-1", 3);
        List<DeliveryRecord> log = p.drain();
        assertThat(function.calls).isEmpty();
        assertThat(seqs(log, Kind.FILTERED_OUT).stream().flatMap(List::stream)).hasSize(3);
        assertThat(p.caughtUp()).isTrue();
    }

    @Test
    @DisplayName(
            "a failing batch is retried MaximumRetryAttempts times, then its invocation record goes to the destination")
    void retriesThenDestination() {
        StreamPoller p = poller(
                "\"BatchSize\":2,\"MaximumRetryAttempts\":2,\"DestinationConfig\":{\"OnFailure\":{\"Destination\":\""
                        + DLQ + "\"}}");
        stream.write("shardId-1", 3);
        function.failing.add("s1-2");
        List<DeliveryRecord> log = p.drain();
        assertThat(function.calls)
                .containsExactly(
                        List.of("s1-1", "s1-2"), List.of("s1-1", "s1-2"), List.of("s1-1", "s1-2"), List.of("s1-3"));
        assertThat(log.stream().filter(d -> d.kind() == Kind.FUNCTION_ERROR).map(DeliveryRecord::attempt))
                .containsExactly(1, 2, 3);
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).getKey()).isEqualTo(DLQ);
        JsonNode record = sent.get(0).getValue();
        assertThat(record.path("requestContext").path("condition").asText()).isEqualTo("RetryAttemptsExhausted");
        assertThat(record.path("requestContext").path("approximateInvokeCount").asInt())
                .isEqualTo(3);
        assertThat(record.path("requestContext").path("functionArn").asText()).isEqualTo(FN);
        assertThat(record.path("requestContext").path("requestId").asText()).isNotEmpty();
        assertThat(record.path("responseContext").path("statusCode").asInt()).isEqualTo(200);
        assertThat(record.path("responseContext").path("executedVersion").asText())
                .isEqualTo("$LATEST");
        assertThat(record.path("responseContext").path("functionError").asText())
                .isEqualTo("Unhandled");
        assertThat(record.path("version").asText()).isEqualTo("1.0");
        assertThat(record.path("timestamp").asText()).isEqualTo("2024-06-10T20:00:00Z");
        JsonNode info = record.path("DDBStreamBatchInfo");
        assertThat(info.path("shardId").asText()).isEqualTo("shardId-1");
        assertThat(info.path("startSequenceNumber").asText()).isEqualTo("s1-1");
        assertThat(info.path("endSequenceNumber").asText()).isEqualTo("s1-2");
        assertThat(info.path("batchSize").asInt()).isEqualTo(2);
        assertThat(info.path("streamArn").asText()).isEqualTo(STREAM);
        assertThat(info.path("approximateArrivalOfFirstRecord").asText()).isEqualTo("2024-06-10T19:59:50Z");
        assertThat(info.path("approximateArrivalOfLastRecord").asText()).isEqualTo("2024-06-10T19:59:50Z");
        assertThat(seqs(log, Kind.SENT_TO_DESTINATION)).containsExactly(List.of("s1-1", "s1-2"));
        assertThat(p.caughtUp()).isTrue();
    }

    @Test
    @DisplayName(
            "MaximumRetryAttempts 0 means one invocation; without a destination the batch is dropped and the poller moves on")
    void zeroRetriesNoDestination() {
        StreamPoller p = poller("\"BatchSize\":1,\"MaximumRetryAttempts\":0");
        stream.write("shardId-1", 2);
        function.failing.add("s1-1");
        List<DeliveryRecord> log = p.drain();
        assertThat(function.calls).containsExactly(List.of("s1-1"), List.of("s1-2"));
        assertThat(seqs(log, Kind.DISCARDED)).containsExactly(List.of("s1-1"));
        assertThat(sent).isEmpty();
        assertThat(mapping().lastProcessingResult()).isEqualTo("OK");
    }

    @Test
    @DisplayName("after a failed invocation LastProcessingResult says PROBLEM: Function call failed")
    void problemResult() {
        StreamPoller p = poller("\"MaximumRetryAttempts\":0");
        stream.write("shardId-1", 1);
        function.failing.add("s1-1");
        p.drain();
        assertThat(mapping().lastProcessingResult()).isEqualTo("PROBLEM: Function call failed");
        assertThat(mappings.get("uuid-1").body().path("LastProcessingResult").asText())
                .isEqualTo("PROBLEM: Function call failed");
    }

    @Test
    @DisplayName(
            "with infinite retries a function that always fails holds the shard: drain stops at its limit, not caught up")
    void infiniteRetries() {
        StreamPoller p = poller("");
        stream.write("shardId-1", 2);
        function.failing.add("s1-1");
        List<DeliveryRecord> log = p.drain(7);
        assertThat(function.calls).hasSize(7).allMatch(c -> c.equals(List.of("s1-1", "s1-2")));
        assertThat(log).extracting(DeliveryRecord::attempt).containsExactly(1, 2, 3, 4, 5, 6, 7);
        assertThat(p.caughtUp()).isFalse();
        function.failing.clear();
        p.drain();
        assertThat(p.caughtUp()).isTrue();
    }

    @Test
    @DisplayName("BisectBatchOnFunctionError splits a failed batch in two, and splitting consumes no retry")
    void bisect() {
        StreamPoller p = poller("\"BatchSize\":4,\"BisectBatchOnFunctionError\":true,\"MaximumRetryAttempts\":0,"
                + "\"DestinationConfig\":{\"OnFailure\":{\"Destination\":\"" + DLQ + "\"}}");
        stream.write("shardId-1", 4);
        function.failing.add("s1-3");
        p.drain();
        assertThat(function.calls)
                .containsExactly(
                        List.of("s1-1", "s1-2", "s1-3", "s1-4"),
                        List.of("s1-1", "s1-2"),
                        List.of("s1-3", "s1-4"),
                        List.of("s1-3"),
                        List.of("s1-4"));
        assertThat(sent).hasSize(1);
        JsonNode info = sent.get(0).getValue().path("DDBStreamBatchInfo");
        assertThat(info.path("startSequenceNumber").asText()).isEqualTo("s1-3");
        assertThat(info.path("endSequenceNumber").asText()).isEqualTo("s1-3");
        assertThat(info.path("batchSize").asInt()).isEqualTo(1);
        assertThat(sent.get(0)
                        .getValue()
                        .path("requestContext")
                        .path("approximateInvokeCount")
                        .asInt())
                .isEqualTo(3);
    }

    @Test
    @DisplayName("with bisection, retries are used only by a record that cannot be split further")
    void bisectWithRetries() {
        StreamPoller p = poller("\"BatchSize\":2,\"BisectBatchOnFunctionError\":true,\"MaximumRetryAttempts\":1");
        stream.write("shardId-1", 2);
        function.failing.add("s1-1");
        List<DeliveryRecord> log = p.drain();
        assertThat(function.calls)
                .containsExactly(List.of("s1-1", "s1-2"), List.of("s1-1"), List.of("s1-1"), List.of("s1-2"));
        assertThat(log.stream().filter(d -> d.kind() == Kind.FUNCTION_ERROR).map(DeliveryRecord::attempt))
                .containsExactly(1, 1, 2);
        assertThat(seqs(log, Kind.DISCARDED)).containsExactly(List.of("s1-1"));
    }

    @Test
    @DisplayName("without bisection the same whole batch is retried")
    void noBisect() {
        StreamPoller p = poller("\"BatchSize\":4,\"MaximumRetryAttempts\":1");
        stream.write("shardId-1", 4);
        function.failing.add("s1-3");
        p.drain();
        assertThat(function.calls).hasSize(2).allMatch(c -> c.size() == 4);
    }

    @Test
    @DisplayName("a partial batch response checkpoints before the lowest failed record and retries from it")
    void partialBatch() {
        StreamPoller p = poller("\"BatchSize\":5,\"FunctionResponseTypes\":[\"ReportBatchItemFailures\"]");
        stream.write("shardId-1", 5);
        function.reportOnce.add("s1-4");
        function.reportOnce.add("s1-3");
        List<DeliveryRecord> log = p.drain();
        assertThat(function.calls)
                .containsExactly(List.of("s1-1", "s1-2", "s1-3", "s1-4", "s1-5"), List.of("s1-3", "s1-4", "s1-5"));
        assertThat(log).extracting(DeliveryRecord::kind).containsExactly(Kind.PARTIAL_FAILURE, Kind.SUCCEEDED);
        assertThat(log.get(1).attempt()).isEqualTo(2);
        assertThat(p.caughtUp()).isTrue();
    }

    @Test
    @DisplayName("without ReportBatchItemFailures a batchItemFailures response is an ordinary success")
    void partialIgnoredWhenOff() {
        StreamPoller p = poller("\"BatchSize\":5");
        stream.write("shardId-1", 3);
        function.reportOnce.add("s1-2");
        p.drain();
        assertThat(function.calls).hasSize(1);
    }

    /** A poller of a fresh mapping over its own stream of {@code records} records, with a function that answers {@code response}. */
    StreamPoller isolated(String settings, FakeFunction f, int records) {
        poller(settings);
        FakeStream own = new FakeStream();
        own.write("shardId-1", records);
        return new StreamPoller(
                mappings,
                "uuid-" + mappingIds,
                own,
                f,
                (a, r) -> {},
                (a, r) -> Optional.empty(),
                StreamPollerTest::compile,
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    @DisplayName(
            "an empty or null batchItemFailures list, or a null or empty response, means the whole batch succeeded")
    void partialSuccessForms() {
        for (String response :
                List.of("{\"batchItemFailures\":[]}", "{\"batchItemFailures\":null}", "null", "", "{}")) {
            FakeFunction f = new FakeFunction();
            f.fixedResponse = response;
            List<DeliveryRecord> log = isolated("\"FunctionResponseTypes\":[\"ReportBatchItemFailures\"]", f, 2)
                    .drain();
            assertThat(f.calls).as(response).hasSize(1);
            assertThat(log).as(response).extracting(DeliveryRecord::kind).containsExactly(Kind.SUCCEEDED);
            mappings.delete("uuid-" + mappingIds);
        }
    }

    @Test
    @DisplayName("an empty or null itemIdentifier, a wrong key or an unknown sequence number fails the whole batch")
    void partialInvalidForms() {
        List<String> invalid = List.of(
                "{\"batchItemFailures\":[{\"itemIdentifier\":\"\"}]}",
                "{\"batchItemFailures\":[{\"itemIdentifier\":null}]}",
                "{\"batchItemFailures\":[{\"ItemIdentifier\":\"s1-1\"}]}",
                "{\"batchItemFailures\":[{\"itemIdentifier\":\"no-such-record\"}]}",
                "{\"batchItemFailures\":[{\"itemIdentifier\":\"s1-2\"},{\"itemIdentifier\":\"\"}]}");
        for (String response : invalid) {
            FakeFunction f = new FakeFunction();
            f.fixedResponse = response;
            List<DeliveryRecord> log = isolated(
                            "\"BatchSize\":2,\"MaximumRetryAttempts\":1,\"FunctionResponseTypes\":[\"ReportBatchItemFailures\"]",
                            f,
                            2)
                    .drain();
            assertThat(f.calls).as(response).containsExactly(List.of("s1-1", "s1-2"), List.of("s1-1", "s1-2"));
            assertThat(log)
                    .as(response)
                    .extracting(DeliveryRecord::kind)
                    .containsExactly(Kind.FUNCTION_ERROR, Kind.FUNCTION_ERROR, Kind.DISCARDED);
            mappings.delete("uuid-" + mappingIds);
        }
    }

    @Test
    @DisplayName("a partial failure retried until exhausted sends the remaining records, without a functionError")
    void partialExhausted() {
        StreamPoller p = poller(
                "\"BatchSize\":3,\"MaximumRetryAttempts\":1,\"FunctionResponseTypes\":[\"ReportBatchItemFailures\"],"
                        + "\"DestinationConfig\":{\"OnFailure\":{\"Destination\":\"" + DLQ + "\"}}");
        stream.write("shardId-1", 3);
        function.fixedResponse = "{\"batchItemFailures\":[{\"itemIdentifier\":\"s1-2\"}]}";
        p.drain();
        assertThat(function.calls).containsExactly(List.of("s1-1", "s1-2", "s1-3"), List.of("s1-2", "s1-3"));
        assertThat(sent).hasSize(1);
        JsonNode record = sent.get(0).getValue();
        assertThat(record.path("DDBStreamBatchInfo").path("startSequenceNumber").asText())
                .isEqualTo("s1-2");
        assertThat(record.path("DDBStreamBatchInfo").path("batchSize").asInt()).isEqualTo(2);
        assertThat(record.path("responseContext").has("functionError")).isFalse();
        assertThat(record.path("requestContext").path("approximateInvokeCount").asInt())
                .isEqualTo(2);
    }

    @Test
    @DisplayName(
            "TRIM_HORIZON delivers the records written before the mapping; LATEST only those after it became enabled")
    void startingPositions() {
        stream.write("shardId-1", 2);
        StreamPoller horizon = poller("\"StartingPosition\":\"TRIM_HORIZON\"");
        StreamPoller latest = new StreamPoller(
                mappings,
                mappings.create(StreamMappingsTest.body("{\"FunctionName\":\"other-function\",\"EventSourceArn\":\""
                                + STREAM + "\",\"StartingPosition\":\"LATEST\"}"))
                        .body()
                        .path("UUID")
                        .asText(),
                stream,
                function,
                (a, r) -> {},
                (a, r) -> Optional.empty(),
                StreamPollerTest::compile,
                Clock.fixed(NOW, ZoneOffset.UTC));
        assertThat(latest.start()).isTrue();
        stream.write("shardId-1", 1);
        latest.drain();
        assertThat(function.calls).containsExactly(List.of("s1-3"));
        function.calls.clear();
        horizon.drain();
        assertThat(function.calls).containsExactly(List.of("s1-1", "s1-2", "s1-3"));
    }

    @Test
    @DisplayName("with LATEST, a shard that opens after the start is read from its beginning")
    void latestNewShard() {
        stream.write("shardId-1", 2);
        StreamPoller p = poller("\"StartingPosition\":\"LATEST\"");
        p.start();
        stream.shard("shardId-2", "shardId-1");
        stream.close("shardId-1");
        stream.write("shardId-2", 2);
        p.drain();
        assertThat(function.calls).containsExactly(List.of("s2-1", "s2-2"));
    }

    @Test
    @DisplayName("records older than MaximumRecordAgeInSeconds are not sent to the function but to the destination")
    void recordAge() {
        StreamPoller p =
                poller("\"MaximumRecordAgeInSeconds\":60,\"DestinationConfig\":{\"OnFailure\":{\"Destination\":\"" + DLQ
                        + "\"}}");
        stream.write("shardId-1", "old-1", "INSERT", NOW.minusSeconds(61));
        stream.write("shardId-1", "edge", "INSERT", NOW.minusSeconds(60));
        stream.write("shardId-1", "new-1", "INSERT", NOW.minusSeconds(1));
        p.drain();
        assertThat(function.calls).containsExactly(List.of("edge", "new-1"));
        assertThat(sent).hasSize(1);
        JsonNode record = sent.get(0).getValue();
        assertThat(record.path("requestContext").path("condition").asText()).isEqualTo("RecordAgeExceeded");
        assertThat(record.path("requestContext").path("approximateInvokeCount").asInt())
                .isZero();
        assertThat(record.path("DDBStreamBatchInfo").path("startSequenceNumber").asText())
                .isEqualTo("old-1");
    }

    @Test
    @DisplayName("when the role may not read the stream nothing is read, and the mapping says why as Lambda does")
    void roleDenied() {
        StreamPoller p = poller("");
        stream.write("shardId-1", 2);
        denied.add("dynamodb:GetRecords");
        List<DeliveryRecord> log = p.drain();
        assertThat(log).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(Kind.ACCESS_DENIED);
            assertThat(d.detail()).startsWith("dynamodb:GetRecords: ");
        });
        assertThat(stream.getRecordsCalls).isZero();
        assertThat(function.calls).isEmpty();
        JsonNode m = mappings.get("uuid-1").body();
        assertThat(m.path("LastProcessingResult").asText()).isEqualTo("PROBLEM: Function call failed");
        assertThat(m.path("StateTransitionReason").asText())
                .isEqualTo("Cannot access stream " + STREAM
                        + ". Please ensure the role can perform the GetRecords, GetShardIterator, DescribeStream, and ListStreams"
                        + " Actions on your stream in IAM.");
        assertThat(m.path("State").asText()).isEqualTo("Enabled");

        denied.clear();
        p.drain();
        assertThat(function.calls).hasSize(1);
        assertThat(mappings.get("uuid-1").body().path("StateTransitionReason").asText())
                .isEqualTo("User action");
        assertThat(mapping().lastProcessingResult()).isEqualTo("OK");
    }

    @Test
    @DisplayName("each of the four actions is needed: ListStreams alone denied stops the poller too")
    void eachActionNeeded() {
        for (String action : StreamPoller.REQUIRED_ACTIONS) {
            denied.clear();
            denied.add(action);
            StreamPoller p = poller("");
            stream.write("shardId-1", 1);
            assertThat(p.drain()).as(action).extracting(DeliveryRecord::kind).containsExactly(Kind.ACCESS_DENIED);
            mappings.delete("uuid-" + mappingIds);
        }
        assertThat(function.calls).isEmpty();
    }

    @Test
    @DisplayName("a disabled or deleted mapping does not poll; an update takes effect at the next batch")
    void disabledDeletedUpdated() {
        StreamPoller p = poller("\"BatchSize\":1");
        stream.write("shardId-1", 3);
        mappings.update("uuid-1", StreamMappingsTest.body("{\"Enabled\":false}"));
        assertThat(p.drain()).isEmpty();
        mappings.update("uuid-1", StreamMappingsTest.body("{\"Enabled\":true,\"BatchSize\":3}"));
        p.drain();
        assertThat(function.calls).containsExactly(List.of("s1-1", "s1-2", "s1-3"));
        mappings.delete("uuid-1");
        stream.write("shardId-1", 1);
        assertThat(p.drain()).isEmpty();
    }

    @Test
    @DisplayName("a mapping of a version reports that version as executedVersion")
    void executedVersion() {
        StreamMappings versioned = new StreamMappings(
                n -> Optional.of(FN + ":7"),
                arn -> Optional.of("my-table"),
                Clock.fixed(NOW, ZoneOffset.UTC),
                () -> "v");
        versioned.create(StreamMappingsTest.body("{\"FunctionName\":\"my-function:7\",\"EventSourceArn\":\"" + STREAM
                + "\",\"StartingPosition\":\"TRIM_HORIZON\",\"MaximumRetryAttempts\":0,"
                + "\"DestinationConfig\":{\"OnFailure\":{\"Destination\":\"" + DLQ + "\"}}}"));
        StreamPoller p = new StreamPoller(
                versioned,
                "v",
                stream,
                function,
                (a, r) -> sent.add(Map.entry(a, r)),
                (a, r) -> Optional.empty(),
                StreamPollerTest::compile,
                Clock.fixed(NOW, ZoneOffset.UTC));
        stream.write("shardId-1", 1);
        function.failing.add("s1-1");
        p.drain();
        assertThat(sent.get(0)
                        .getValue()
                        .path("responseContext")
                        .path("executedVersion")
                        .asText())
                .isEqualTo("7");
    }

    // ---------------------------------------------------------------------------------------

    /** An in-memory DynamoDB stream: shards of records, iterators "shard|position". */
    static final class FakeStream implements StreamReader {
        final Map<String, List<JsonNode>> records = new LinkedHashMap<>();
        final Map<String, Shard> shards = new LinkedHashMap<>();
        int getRecordsCalls;

        void shard(String id, String parent) {
            shards.put(id, new Shard(id, parent, "0", null));
            records.putIfAbsent(id, new ArrayList<>());
        }

        void close(String id) {
            Shard s = shards.get(id);
            shards.put(id, new Shard(id, s.parentShardId(), "0", "999"));
        }

        void write(String shard, int n) {
            String prefix = "s" + shard.substring(shard.lastIndexOf('-') + 1).charAt(0);
            for (int i = 0; i < n; i++) {
                int next = records.getOrDefault(shard, List.of()).size() + 1;
                write(shard, prefix + "-" + next, "INSERT", NOW.minusSeconds(10));
            }
        }

        void write(String shard, String seq, String eventName) {
            write(shard, seq, eventName, NOW.minusSeconds(10));
        }

        void write(String shard, String seq, String eventName, Instant created) {
            if (!shards.containsKey(shard)) {
                shard(shard, null);
            }
            ObjectNode r = JSON.createObjectNode();
            r.put("eventID", "id-" + seq);
            r.put("eventName", eventName);
            r.put("eventVersion", "1.1");
            r.put("eventSource", "aws:dynamodb");
            r.put("awsRegion", "us-east-2");
            ObjectNode d = r.putObject("dynamodb");
            d.put("ApproximateCreationDateTime", created.toEpochMilli() / 1000.0);
            d.putObject("Keys")
                    .putObject("Id")
                    .put("N", Integer.toString(records.get(shard).size() + 1));
            ObjectNode image = d.putObject("NewImage");
            image.putObject("Message").put("S", "New item!");
            image.putObject("Id").put("N", Integer.toString(records.get(shard).size() + 1));
            d.put("SequenceNumber", seq);
            d.put("SizeBytes", 26);
            d.put("StreamViewType", "NEW_AND_OLD_IMAGES");
            records.get(shard).add(r);
        }

        @Override
        public List<Shard> describeStream(String streamArn) {
            return new ArrayList<>(shards.values()); // creation order: a child made first is listed first
        }

        @Override
        public String getShardIterator(String streamArn, String shardId, IteratorType type, String sequenceNumber) {
            int pos = type == IteratorType.LATEST ? records.get(shardId).size() : 0;
            return shardId + "|" + pos;
        }

        @Override
        public Page getRecords(String shardIterator, int limit) {
            getRecordsCalls++;
            String shard = shardIterator.substring(0, shardIterator.indexOf('|'));
            int pos = Integer.parseInt(shardIterator.substring(shardIterator.indexOf('|') + 1));
            List<JsonNode> all = records.get(shard);
            int end = Math.min(all.size(), pos + limit);
            boolean closedAndDone = shards.get(shard).closed() && end == all.size();
            return new Page(all.subList(pos, end), closedAndDone ? null : shard + "|" + end);
        }
    }

    /** A function that fails while a batch holds a record of {@code failing}, and reports {@code reportOnce} once. */
    static final class FakeFunction implements Invoker {
        final List<List<String>> calls = new ArrayList<>();
        final List<byte[]> events = new ArrayList<>();
        final Set<String> failing = new HashSet<>();
        final List<String> reportOnce = new ArrayList<>();
        String fixedResponse;

        @Override
        public Outcome invoke(String functionArn, byte[] event) {
            events.add(event);
            List<String> seqs = new ArrayList<>();
            try {
                JSON.readTree(event)
                        .path("Records")
                        .forEach(r -> seqs.add(
                                r.path("dynamodb").path("SequenceNumber").asText()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            calls.add(seqs);
            for (String s : seqs) {
                if (failing.contains(s)) {
                    return new FunctionError("java.lang.IllegalStateException", "bad record " + s);
                }
            }
            if (fixedResponse != null) {
                return new Success(fixedResponse.getBytes(StandardCharsets.UTF_8));
            }
            if (!reportOnce.isEmpty()) {
                StringBuilder b = new StringBuilder("{\"batchItemFailures\":[");
                for (int i = 0; i < reportOnce.size(); i++) {
                    b.append(i == 0 ? "" : ",")
                            .append("{\"itemIdentifier\":\"")
                            .append(reportOnce.get(i))
                            .append("\"}");
                }
                reportOnce.clear();
                return Success.of(b.append("]}").toString());
            }
            return Success.of("null");
        }
    }
}
