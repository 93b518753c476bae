package dev.arcade.lambda.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arcade.evaluators.events.EventPattern;
import dev.arcade.lambda.streams.ApiResponse;
import dev.arcade.lambda.streams.DeliveryRecord;
import dev.arcade.lambda.streams.Invoker;
import dev.arcade.lambda.streams.StreamMappings;
import dev.arcade.lambda.streams.StreamPoller;
import dev.arcade.lambda.streams.StreamReader;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Event source mappings of DynamoDB streams, kept by the kit ({@link StreamMappings}) because an
 * emulator that stores one empties the stream and runs nothing; each mapping's {@link StreamPoller}
 * reads the backend's stream (DynamoDB Streams, JSON as the service returns it) as the function's
 * role, and invokes the function through the runtime. Mappings of other sources (SQS, Kinesis) go to
 * the backend unchanged.
 */
final class StreamSources {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PATH = "/2015-03-31/event-source-mappings";

    private final LambdaApi api;
    private final CallAuthorizer authorizer;
    private final BackendJson backend;
    private final StreamMappings mappings;
    private final Map<String, StreamPoller> pollers = new ConcurrentHashMap<>();

    StreamSources(LambdaApi api, CallAuthorizer authorizer, BackendJson backend) {
        this.api = api;
        this.authorizer = authorizer;
        this.backend = backend;
        this.mappings = new StreamMappings(
                this::functionArn,
                this::tableOf,
                Clock.systemUTC(),
                () -> UUID.randomUUID().toString(),
                this::roleDenial);
    }

    /** Whether this request is for a mapping the kit keeps; otherwise the backend answers it. */
    boolean handles(HttpCall call) {
        if (!call.path().startsWith(PATH)) {
            return false;
        }
        String rest = call.path().substring(PATH.length()).replaceAll("^/|/$", "");
        if (rest.isEmpty()) {
            if (call.method().equals("POST")) {
                return StreamMappings.isDynamoDbStreamArn(
                        body(call).path("EventSourceArn").asText(null));
            }
            String source = call.queryParameter("EventSourceArn");
            return call.method().equals("GET") && source != null && StreamMappings.isDynamoDbStreamArn(source);
        }
        return mappings.owns(rest);
    }

    /** Whether this is a ListEventSourceMappings whose answer needs the kit's mappings added. */
    boolean isMergedList(HttpCall call) {
        String rest = call.path().startsWith(PATH)
                ? call.path().substring(PATH.length()).replaceAll("^/|/$", "")
                : "x";
        return rest.isEmpty() && call.method().equals("GET");
    }

    HttpReply handle(HttpCall call) {
        Map<String, String> query = new LinkedHashMap<>();
        for (String name : List.of("FunctionName", "EventSourceArn", "Marker", "MaxItems")) {
            String value = call.queryParameter(name);
            if (value != null) {
                query.put(name, value);
            }
        }
        String path = call.path().length() > PATH.length() + 1 ? call.path().replaceAll("/$", "") : call.path();
        ApiResponse response = mappings.handle(call.method(), path, query, call.body().length == 0 ? null : body(call));
        if (call.method().equals("POST") && response.status() / 100 == 2) {
            String uuid = response.body().path("UUID").asText();
            pollers.computeIfAbsent(uuid, this::poller).start();
        }
        return reply(response);
    }

    /** The backend's list with the kit's mappings in front. */
    HttpReply merge(HttpCall call, HttpReply backendList) {
        ApiResponse ours = mappings.handle("GET", PATH + "/", Map.of(), null);
        if (call.queryParameter("FunctionName") != null) {
            ours = mappings.list(call.queryParameter("FunctionName"), null, null, null);
        }
        try {
            ObjectNode merged = backendList.status() == 200 && backendList.body().length > 0
                    ? (ObjectNode) JSON.readTree(backendList.body())
                    : JSON.createObjectNode();
            ArrayNode all = JSON.createArrayNode();
            ours.body().path("EventSourceMappings").forEach(all::add);
            merged.path("EventSourceMappings").forEach(all::add);
            merged.set("EventSourceMappings", all);
            return HttpReply.json(200, merged.toString());
        } catch (java.io.IOException e) {
            return backendList;
        }
    }

    private static JsonNode body(HttpCall call) {
        try {
            return call.body().length == 0 ? JSON.createObjectNode() : JSON.readTree(call.body());
        } catch (java.io.IOException e) {
            return JSON.createObjectNode();
        }
    }

    private static HttpReply reply(ApiResponse response) {
        HttpReply reply = HttpReply.json(
                response.status(),
                response.body() == null ? "{}" : response.body().toString());
        for (Map.Entry<String, String> header : response.headers().entrySet()) {
            reply = reply.with(header.getKey(), header.getValue());
        }
        return reply;
    }

    /**
     * Polls every enabled mapping until its stream is caught up (synchronously: tests call this after
     * writing to a table).
     *
     * @return what was delivered, mapping by mapping
     */
    Map<String, List<DeliveryRecord>> drain() {
        Map<String, List<DeliveryRecord>> delivered = new LinkedHashMap<>();
        for (var mapping : mappings.mappings()) {
            StreamPoller poller = pollers.computeIfAbsent(mapping.uuid(), this::poller);
            poller.start();
            delivered.put(mapping.uuid(), poller.drain(200));
        }
        return delivered;
    }

    private StreamPoller poller(String uuid) {
        String functionArn = mappings.mapping(uuid).map(m -> m.functionArn()).orElse("");
        return new StreamPoller(
                mappings,
                uuid,
                new Reader(),
                this::invoke,
                this::sendToDestination,
                (action, resource) -> roleDenial(
                        mappings.mapping(uuid).map(m -> m.functionArn()).orElse(functionArn), action, resource),
                StreamSources::filter,
                Clock.systemUTC());
    }

    private static Predicate<JsonNode> filter(String pattern) {
        EventPattern compiled = EventPattern.parse(pattern);
        return compiled::matches;
    }

    private Optional<String> functionArn(String name) {
        try {
            LambdaApi.Resolved resolved = api.resolve(FunctionRef.parse(name, null));
            return Optional.of(resolved.invokedArn());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private Optional<String> tableOf(String streamArn) {
        try {
            JsonNode description = backend.call(
                    "dynamodb",
                    "DynamoDBStreams_20120810.DescribeStream",
                    "1.0",
                    JSON.createObjectNode().put("StreamArn", streamArn));
            return Optional.ofNullable(
                    description.path("StreamDescription").path("TableName").asText(null));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private Optional<String> roleDenial(String functionArn, String action, String resource) {
        try {
            FunctionSnapshot function =
                    api.resolve(FunctionRef.parse(functionArn, null)).function();
            CallAuthorizer.Verdict verdict = authorizer.allows(function, action, resource);
            return verdict.allowed() ? Optional.empty() : Optional.of(verdict.explanation());
        } catch (RuntimeException e) {
            return Optional.of("the function " + functionArn + " could not be read: " + e.getMessage());
        }
    }

    private Invoker.Outcome invoke(String functionArn, byte[] event) {
        try {
            LambdaApi.Resolved resolved = api.resolve(FunctionRef.parse(functionArn, null));
            Invocation invocation =
                    api.run(resolved, event, UUID.randomUUID().toString(), "RequestResponse", "dynamodb.amazonaws.com");
            if (!invocation.failed()) {
                return new Invoker.Success(invocation.payload());
            }
            JsonNode error = JSON.readTree(invocation.payload());
            return new Invoker.FunctionError(
                    Optional.ofNullable(invocation.errorType()).orElse("Unhandled"),
                    error.path("errorMessage").asText(""));
        } catch (java.io.IOException e) {
            return new Invoker.FunctionError("Runtime.Unknown", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Invoker.FunctionError("Runtime.Unknown", "interrupted");
        }
    }

    private void sendToDestination(String destinationArn, JsonNode record) {
        String[] parts = destinationArn.split(":");
        if (parts.length < 6) {
            return;
        }
        if (parts[2].equals("sqs")) {
            JsonNode url = backend.call(
                    "sqs",
                    "AmazonSQS.GetQueueUrl",
                    "1.0",
                    JSON.createObjectNode().put("QueueName", parts[5]).put("QueueOwnerAWSAccountId", parts[4]));
            backend.call(
                    "sqs",
                    "AmazonSQS.SendMessage",
                    "1.0",
                    JSON.createObjectNode()
                            .put("QueueUrl", url.path("QueueUrl").asText())
                            .put("MessageBody", record.toString()));
        }
    }

    /** DynamoDB Streams on the backend. */
    private final class Reader implements StreamReader {
        @Override
        public List<Shard> describeStream(String streamArn) {
            JsonNode description = backend.call(
                    "dynamodb",
                    "DynamoDBStreams_20120810.DescribeStream",
                    "1.0",
                    JSON.createObjectNode().put("StreamArn", streamArn));
            List<Shard> shards = new ArrayList<>();
            for (JsonNode shard : description.path("StreamDescription").path("Shards")) {
                JsonNode range = shard.path("SequenceNumberRange");
                shards.add(new Shard(
                        shard.path("ShardId").asText(),
                        shard.path("ParentShardId").asText(null),
                        range.path("StartingSequenceNumber").asText(null),
                        range.path("EndingSequenceNumber").asText(null)));
            }
            return shards;
        }

        @Override
        public String getShardIterator(String streamArn, String shardId, IteratorType type, String sequenceNumber) {
            ObjectNode request = JSON.createObjectNode()
                    .put("StreamArn", streamArn)
                    .put("ShardId", shardId)
                    .put("ShardIteratorType", type.name());
            if (sequenceNumber != null) {
                request.put("SequenceNumber", sequenceNumber);
            }
            return backend.call("dynamodb", "DynamoDBStreams_20120810.GetShardIterator", "1.0", request)
                    .path("ShardIterator")
                    .asText(null);
        }

        @Override
        public Page getRecords(String shardIterator, int limit) {
            JsonNode page = backend.call(
                    "dynamodb",
                    "DynamoDBStreams_20120810.GetRecords",
                    "1.0",
                    JSON.createObjectNode().put("ShardIterator", shardIterator).put("Limit", limit));
            List<JsonNode> records = new ArrayList<>();
            page.path("Records").forEach(records::add);
            return new Page(
                    withoutDoubleInserts(records),
                    page.path("NextShardIterator").asText(null));
        }
    }

    /**
     * Drops moto's extra record: an UpdateItem that creates an item writes two INSERT records there, the
     * first with the key attributes only, where DynamoDB writes one INSERT with the whole new image. An
     * INSERT followed by another INSERT of the same key, with no record of that key between them, cannot
     * happen in DynamoDB (the second write of an item is a MODIFY), so the first of the two is dropped.
     * A pair split across two GetRecords pages is not seen.
     */
    static List<JsonNode> withoutDoubleInserts(List<JsonNode> records) {
        List<JsonNode> kept = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            JsonNode record = records.get(i);
            boolean superseded = false;
            if ("INSERT".equals(record.path("eventName").asText())) {
                JsonNode keys = record.path("dynamodb").path("Keys");
                for (int j = i + 1; j < records.size(); j++) {
                    JsonNode later = records.get(j);
                    if (later.path("dynamodb").path("Keys").equals(keys)) {
                        superseded = "INSERT".equals(later.path("eventName").asText());
                        break;
                    }
                }
            }
            if (!superseded) {
                kept.add(record);
            }
        }
        return kept;
    }
}
