package dev.arcade.lambda.streams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arcade.lambda.streams.DeliveryRecord.Kind;
import dev.arcade.lambda.streams.StreamReader.IteratorType;
import dev.arcade.lambda.streams.StreamReader.Shard;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Polls one DynamoDB stream for one event source mapping and invokes the function with batches of
 * its records, following the Lambda Developer Guide: "Using AWS Lambda with Amazon DynamoDB"
 * (polling, starting positions, the event), "Configuring partial batch response with DynamoDB and
 * Lambda", "Retain discarded records for a DynamoDB event source in Lambda" (retries, bisection,
 * maximum record age, the invocation record) and "Lambda event filtering".
 *
 * <p>In: the mapping (read afresh from {@link StreamMappings} before every batch, so an Update
 * takes effect at the next batch; a deleted or disabled mapping stops the poller), the stream
 * through {@link StreamReader}, the function through {@link Invoker}, the destination through
 * {@link OnFailureSink}, the execution role through {@link Authorizer}, and a compiler from one
 * filter pattern (a JSON string) to a {@code Predicate<JsonNode>} over the Lambda-shaped record
 * (the integrator supplies EventBridge-pattern matching). Out: the {@link DeliveryRecord}s of
 * {@link #drain()}, LastProcessingResult and StateTransitionReason reported to the store, and
 * invocation records sent to the destination.
 *
 * <p>The rules, and where this class chooses where the guide is silent:
 *
 * <ul>
 *   <li>Shards are read parents first; a child waits until its parent is read to the end and
 *       processed. Within a shard, batches are in SequenceNumber order, at most BatchSize records.
 *   <li>StartingPosition LATEST: {@link #start()} (or the first drain) takes LATEST iterators for
 *       the open shards and skips the closed ones, so only records written after the mapping
 *       became enabled reach the function. TRIM_HORIZON starts at the oldest record. A shard that
 *       appears after the start is read from its beginning (all its records are newer).
 *   <li>Filters: a record that matches no filter is dropped and counts as processed; with no
 *       filters every record is kept. Records are filtered before batching, so a batch holds up
 *       to BatchSize matching records.
 *   <li>A function error fails the whole batch. Without bisection, the same batch is retried; once
 *       MaximumRetryAttempts retries have failed (-1: never), the batch is discarded. So
 *       MaximumRetryAttempts 2 means at most 3 invocations.
 *   <li>BisectBatchOnFunctionError: a failed batch of more than one record is split in two (the
 *       first half the smaller when the size is odd) and each half is processed in turn. "Splitting
 *       batches doesn't consume the retry quota": the halves carry the retries already used, and
 *       only a failure of a single record (which cannot be split) uses a retry.
 *   <li>ReportBatchItemFailures: an empty or null batchItemFailures list, an empty or null
 *       response, or a response without batchItemFailures means success. An item with an empty
 *       or null itemIdentifier, an item without the itemIdentifier key, or (choice) an identifier
 *       that is not a SequenceNumber of the batch fails the whole batch. Otherwise the checkpoint
 *       moves to just before the lowest failed sequence number and the records from there are
 *       retried; that retry uses one retry of the quota (with bisection too: "the batch is
 *       bisected at the returned sequence number and Lambda retries only the remaining records").
 *   <li>MaximumRecordAgeInSeconds: before each invocation, the leading records older than that
 *       (by ApproximateCreationDateTime) are discarded with condition {@code RecordAgeExceeded}.
 *   <li>A discarded batch goes to the OnFailure destination as the documented invocation record
 *       (condition {@code RetryAttemptsExhausted} or {@code RecordAgeExceeded},
 *       approximateInvokeCount, DDBStreamBatchInfo); without a destination it is dropped. Either
 *       way the poller moves past it.
 *   <li>Execution role: before reading, dynamodb:DescribeStream, GetShardIterator, GetRecords and
 *       ListStreams must be allowed on the stream ARN. When one is not, nothing is read,
 *       LastProcessingResult becomes {@code PROBLEM: Function call failed} and
 *       StateTransitionReason the message Lambda gives for this ("Cannot access stream ... Please
 *       ensure the role can perform the GetRecords, GetShardIterator, DescribeStream, and
 *       ListStreams Actions on your stream in IAM."); State stays Enabled, as the mapping keeps
 *       trying (choice). Once allowed again, StateTransitionReason returns to {@code User
 *       action}.
 *   <li>LastProcessingResult is {@code OK} after a successful invocation and {@code PROBLEM:
 *       Function call failed} after a failed one.
 * </ul>
 *
 * <p>Not thread-safe: one thread drives a poller.
 */
public final class StreamPoller {

    /** The actions the execution role needs ("Using AWS Lambda with Amazon DynamoDB", "Execution role permissions"). */
    public static final List<String> REQUIRED_ACTIONS = List.of(
            "dynamodb:DescribeStream", "dynamodb:GetShardIterator", "dynamodb:GetRecords", "dynamodb:ListStreams");

    /** What {@link #drain()} allows itself, so that a function that always fails under infinite retries ends. */
    public static final int DEFAULT_DRAIN_INVOCATIONS = 1000;

    /** GetRecords returns at most 1000 records ("GetRecords", Limit). */
    static final int GET_RECORDS_LIMIT = 1000;

    static final String OK = "OK";
    static final String PROBLEM = "PROBLEM: Function call failed";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final StreamMappings mappings;
    private final String uuid;
    private final StreamReader reader;
    private final Invoker invoker;
    private final OnFailureSink sink;
    private final Authorizer authorizer;
    private final Function<String, Predicate<JsonNode>> filterCompiler;
    private final Clock clock;
    private final Map<String, ShardState> shards = new LinkedHashMap<>();
    private final Map<String, Predicate<JsonNode>> compiled = new HashMap<>();
    private boolean started;
    private List<DeliveryRecord> log;
    private int invocations;
    private int invocationLimit;

    /**
     * A poller for one mapping.
     *
     * @param mappings the store the mapping lives in (read before each batch, told the results)
     * @param uuid the mapping's UUID
     * @param reader the stream
     * @param invoker the function
     * @param sink the on-failure destination
     * @param authorizer the execution role's permissions
     * @param filterCompiler one filter Pattern (JSON text) to a matcher of Lambda-shaped records
     * @param clock the clock for record age and the invocation record's timestamp
     */
    public StreamPoller(
            StreamMappings mappings,
            String uuid,
            StreamReader reader,
            Invoker invoker,
            OnFailureSink sink,
            Authorizer authorizer,
            Function<String, Predicate<JsonNode>> filterCompiler,
            Clock clock) {
        this.mappings = Objects.requireNonNull(mappings, "mappings");
        this.uuid = Objects.requireNonNull(uuid, "uuid");
        this.reader = Objects.requireNonNull(reader, "reader");
        this.invoker = Objects.requireNonNull(invoker, "invoker");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.authorizer = Objects.requireNonNull(authorizer, "authorizer");
        this.filterCompiler = Objects.requireNonNull(filterCompiler, "filterCompiler");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Takes the starting positions, as when the mapping becomes enabled: for LATEST this is the
     * moment after which records reach the function. Does nothing the second time, or while the
     * role may not read the stream, or for a deleted or disabled mapping.
     *
     * @return true when the poller has its positions
     */
    public boolean start() {
        if (started) {
            return true;
        }
        Optional<MappingConfig> cfg = mappings.mapping(uuid);
        if (cfg.isEmpty() || !cfg.get().enabled() || deniedAndReported(cfg.get(), null)) {
            return false;
        }
        boolean latest = cfg.get().startingPosition().equals("LATEST");
        for (Shard shard : reader.describeStream(cfg.get().eventSourceArn())) {
            ShardState s = new ShardState(shard);
            if (latest && shard.closed()) {
                s.ended = true;
            } else {
                s.iterator = reader.getShardIterator(
                        cfg.get().eventSourceArn(),
                        shard.shardId(),
                        latest ? IteratorType.LATEST : IteratorType.TRIM_HORIZON,
                        null);
                s.ended = s.iterator == null;
            }
            shards.put(shard.shardId(), s);
        }
        started = true;
        return true;
    }

    /**
     * Runs until the stream is caught up, at most {@link #DEFAULT_DRAIN_INVOCATIONS} invocations.
     *
     * @return what happened, in order
     */
    public List<DeliveryRecord> drain() {
        return drain(DEFAULT_DRAIN_INVOCATIONS);
    }

    /**
     * Runs until the stream is caught up (every shard read and every record processed, filtered
     * out or discarded) or {@code maxInvocations} invocations have run. A batch cut short by the
     * limit stays at the head of its shard and starts afresh (retry count 0) at the next drain.
     *
     * @param maxInvocations the most invocations to make
     * @return what happened, in order
     */
    public List<DeliveryRecord> drain(int maxInvocations) {
        log = new ArrayList<>();
        invocations = 0;
        invocationLimit = maxInvocations;
        Optional<MappingConfig> first = mappings.mapping(uuid);
        if (first.isEmpty() || !first.get().enabled()) {
            return List.copyOf(log);
        }
        if (started && deniedAndReported(first.get(), log)) {
            return List.copyOf(log);
        }
        if (!started && !start()) {
            deniedAndReported(first.get(), log);
            return List.copyOf(log);
        }
        discoverShards(first.get());
        boolean progress = true;
        while (progress) {
            progress = false;
            for (ShardState s : shards.values()) {
                if (!parentDone(s)) {
                    continue;
                }
                progress |= read(s);
                while (!s.buffer.isEmpty()) {
                    Optional<MappingConfig> cfg = mappings.mapping(uuid);
                    if (cfg.isEmpty() || !cfg.get().enabled()) {
                        return List.copyOf(log);
                    }
                    List<JsonNode> batch = nextBatch(s, cfg.get());
                    if (batch.isEmpty()) {
                        progress = true;
                        continue;
                    }
                    if (!run(s, batch, 0, 0, cfg.get(), null)) {
                        return List.copyOf(log);
                    }
                    progress = true;
                }
            }
        }
        return List.copyOf(log);
    }

    /**
     * Tells whether every shard has been read and processed as far as it goes.
     *
     * @return true when no record is waiting
     */
    public boolean caughtUp() {
        return shards.values().stream().allMatch(s -> s.buffer.isEmpty());
    }

    // ---------------------------------------------------------------------------------------

    private boolean deniedAndReported(MappingConfig cfg, List<DeliveryRecord> into) {
        String stream = cfg.eventSourceArn();
        for (String action : REQUIRED_ACTIONS) {
            Optional<String> denial = authorizer.denial(action, stream);
            if (denial.isPresent()) {
                mappings.recordProcessingResult(uuid, PROBLEM, cannotAccess(stream));
                if (into != null) {
                    into.add(new DeliveryRecord(null, List.of(), 0, Kind.ACCESS_DENIED, action + ": " + denial.get()));
                }
                return true;
            }
        }
        if (cfg.stateTransitionReason().equals(cannotAccess(stream))) {
            mappings.recordProcessingResult(uuid, cfg.lastProcessingResult(), StreamMappings.USER_ACTION);
        }
        return false;
    }

    /** The wording Lambda uses when the role cannot read the stream (CreateEventSourceMapping's InvalidParameterValueException). */
    static String cannotAccess(String streamArn) {
        return "Cannot access stream " + streamArn + ". Please ensure the role can perform the GetRecords, "
                + "GetShardIterator, DescribeStream, and ListStreams Actions on your stream in IAM.";
    }

    private void discoverShards(MappingConfig cfg) {
        for (Shard shard : reader.describeStream(cfg.eventSourceArn())) {
            if (!shards.containsKey(shard.shardId())) {
                ShardState s = new ShardState(shard);
                s.iterator =
                        reader.getShardIterator(cfg.eventSourceArn(), shard.shardId(), IteratorType.TRIM_HORIZON, null);
                s.ended = s.iterator == null;
                shards.put(shard.shardId(), s);
            }
        }
    }

    private boolean parentDone(ShardState s) {
        String parent = s.shard.parentShardId();
        if (parent == null || !shards.containsKey(parent)) {
            return true;
        }
        ShardState p = shards.get(parent);
        return p.ended && p.buffer.isEmpty() && parentDone(p);
    }

    private boolean read(ShardState s) {
        boolean any = false;
        while (!s.ended && s.iterator != null) {
            StreamReader.Page page = reader.getRecords(s.iterator, GET_RECORDS_LIMIT);
            s.buffer.addAll(page.records());
            s.iterator = page.nextShardIterator();
            if (s.iterator == null) {
                s.ended = true;
            }
            if (page.records().isEmpty()) {
                break;
            }
            any = true;
        }
        return any;
    }

    /** Up to BatchSize matching records from the head; the non-matching ones met on the way are dropped. */
    private List<JsonNode> nextBatch(ShardState s, MappingConfig cfg) {
        List<Predicate<JsonNode>> filters = new ArrayList<>();
        for (String p : cfg.filterPatterns()) {
            filters.add(compiled.computeIfAbsent(p, filterCompiler));
        }
        List<JsonNode> batch = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        Iterator<JsonNode> it = s.buffer.iterator();
        while (it.hasNext() && batch.size() < cfg.batchSize()) {
            JsonNode r = it.next();
            ObjectNode shaped = StreamEvents.lambdaRecord(r, cfg.eventSourceArn());
            if (filters.isEmpty() || filters.stream().anyMatch(f -> f.test(shaped))) {
                batch.add(r);
            } else {
                // dropped at once: a filtered-out record counts as processed ("Lambda event filtering")
                it.remove();
                dropped.add(StreamEvents.sequenceNumber(r));
            }
        }
        if (!dropped.isEmpty()) {
            log.add(new DeliveryRecord(s.shard.shardId(), dropped, 0, Kind.FILTERED_OUT, ""));
        }
        return batch;
    }

    /**
     * Processes one batch (a prefix of the shard's buffer) until it is done, discarded or the
     * invocation limit stops it; removes what is done from the buffer.
     *
     * @return false when the invocation limit stopped it
     */
    private boolean run(
            ShardState s,
            List<JsonNode> batch,
            int retries,
            int invokes,
            MappingConfig cfg,
            Invoker.Outcome lastOutcome) {
        List<JsonNode> current = batch;
        int retriesUsed = retries;
        int invoked = invokes;
        Invoker.Outcome last = lastOutcome;
        while (!current.isEmpty()) {
            int expired = expiredPrefix(current, cfg);
            if (expired > 0) {
                discard(s, current.subList(0, expired), "RecordAgeExceeded", invoked, cfg, last);
                current = List.copyOf(current.subList(expired, current.size()));
                continue;
            }
            if (invocations >= invocationLimit) {
                return false;
            }
            invocations++;
            invoked++;
            List<ObjectNode> shaped = new ArrayList<>();
            current.forEach(r -> shaped.add(StreamEvents.lambdaRecord(r, cfg.eventSourceArn())));
            byte[] event = StreamEvents.event(shaped).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            Invoker.Outcome outcome = invoker.invoke(cfg.functionArn(), event);
            last = outcome;
            List<String> seqs = sequenceNumbers(current);
            String failureDetail;
            if (outcome instanceof Invoker.Success success) {
                if (!cfg.reportsBatchItemFailures()) {
                    succeed(s, current, retriesUsed);
                    return true;
                }
                PartialResponse partial = PartialResponse.parse(success.payload(), seqs);
                if (partial.lowestFailed() < 0 && partial.invalid() == null) {
                    succeed(s, current, retriesUsed);
                    return true;
                }
                if (partial.invalid() == null) {
                    int k = partial.lowestFailed();
                    log.add(new DeliveryRecord(
                            s.shard.shardId(),
                            seqs,
                            retriesUsed + 1,
                            Kind.PARTIAL_FAILURE,
                            "batchItemFailures: " + partial.identifiers()));
                    mappings.recordProcessingResult(uuid, OK, null);
                    remove(s, k);
                    current = List.copyOf(current.subList(k, current.size()));
                    retriesUsed++;
                    if (exhausted(retriesUsed, cfg)) {
                        discard(s, current, "RetryAttemptsExhausted", invoked, cfg, last);
                        return true;
                    }
                    continue;
                }
                failureDetail = "invalid batchItemFailures (whole batch failed): " + partial.invalid();
            } else {
                Invoker.FunctionError error = (Invoker.FunctionError) outcome;
                failureDetail = error.errorType() + ": " + error.errorMessage();
            }
            log.add(new DeliveryRecord(s.shard.shardId(), seqs, retriesUsed + 1, Kind.FUNCTION_ERROR, failureDetail));
            mappings.recordProcessingResult(uuid, PROBLEM, null);
            if (cfg.bisectBatchOnFunctionError() && current.size() > 1) {
                int mid = current.size() / 2;
                List<JsonNode> firstHalf = List.copyOf(current.subList(0, mid));
                List<JsonNode> secondHalf = List.copyOf(current.subList(mid, current.size()));
                if (!run(s, firstHalf, retriesUsed, invoked, cfg, last)) {
                    return false;
                }
                MappingConfig now = mappings.mapping(uuid).orElse(cfg);
                return run(s, secondHalf, retriesUsed, invoked, now, last);
            }
            retriesUsed++;
            if (exhausted(retriesUsed, cfg)) {
                discard(s, current, "RetryAttemptsExhausted", invoked, cfg, last);
                return true;
            }
        }
        return true;
    }

    private static boolean exhausted(int retriesUsed, MappingConfig cfg) {
        return cfg.maximumRetryAttempts() >= 0 && retriesUsed > cfg.maximumRetryAttempts();
    }

    private int expiredPrefix(List<JsonNode> batch, MappingConfig cfg) {
        if (cfg.maximumRecordAgeInSeconds() < 0) {
            return 0;
        }
        Instant oldest = clock.instant().minusSeconds(cfg.maximumRecordAgeInSeconds());
        int n = 0;
        for (JsonNode r : batch) {
            Instant created = StreamEvents.creationTime(r);
            if (created == null || !created.isBefore(oldest)) {
                break;
            }
            n++;
        }
        return n;
    }

    private void succeed(ShardState s, List<JsonNode> batch, int retriesUsed) {
        log.add(new DeliveryRecord(s.shard.shardId(), sequenceNumbers(batch), retriesUsed + 1, Kind.SUCCEEDED, ""));
        mappings.recordProcessingResult(uuid, OK, null);
        remove(s, batch.size());
    }

    private void discard(
            ShardState s,
            List<JsonNode> records,
            String condition,
            int invoked,
            MappingConfig cfg,
            Invoker.Outcome last) {
        String destination = cfg.onFailureDestination();
        if (destination != null) {
            sink.send(destination, invocationRecord(s, records, condition, invoked, cfg, last));
            log.add(new DeliveryRecord(
                    s.shard.shardId(),
                    sequenceNumbers(records),
                    0,
                    Kind.SENT_TO_DESTINATION,
                    condition + " -> " + destination));
        } else {
            log.add(new DeliveryRecord(s.shard.shardId(), sequenceNumbers(records), 0, Kind.DISCARDED, condition));
        }
        remove(s, records.size());
    }

    /** The invocation record of "Retain discarded records for a DynamoDB event source in Lambda". */
    private ObjectNode invocationRecord(
            ShardState s,
            List<JsonNode> records,
            String condition,
            int invoked,
            MappingConfig cfg,
            Invoker.Outcome last) {
        ObjectNode o = NODES.objectNode();
        ObjectNode request = o.putObject("requestContext");
        request.put("requestId", UUID.randomUUID().toString());
        request.put("functionArn", cfg.functionArn());
        request.put("condition", condition);
        request.put("approximateInvokeCount", invoked);
        if (last != null) {
            // Choice: no responseContext when the records were never sent to the function.
            ObjectNode response = o.putObject("responseContext");
            response.put("statusCode", 200);
            response.put("executedVersion", executedVersion(cfg.functionArn()));
            if (last instanceof Invoker.FunctionError) {
                response.put("functionError", "Unhandled");
            }
        }
        o.put("version", "1.0");
        o.put("timestamp", clock.instant().truncatedTo(ChronoUnit.MILLIS).toString());
        ObjectNode info = o.putObject("DDBStreamBatchInfo");
        info.put("shardId", s.shard.shardId());
        info.put("startSequenceNumber", StreamEvents.sequenceNumber(records.get(0)));
        info.put("endSequenceNumber", StreamEvents.sequenceNumber(records.get(records.size() - 1)));
        info.put("approximateArrivalOfFirstRecord", arrival(records.get(0)));
        info.put("approximateArrivalOfLastRecord", arrival(records.get(records.size() - 1)));
        info.put("batchSize", records.size());
        info.put("streamArn", cfg.eventSourceArn());
        return o;
    }

    private static String arrival(JsonNode record) {
        Instant t = StreamEvents.creationTime(record);
        return t == null ? null : t.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** A numeric qualifier is the version that ran; otherwise $LATEST (choice: an alias's version is not known here). */
    private static String executedVersion(String functionArn) {
        String[] parts = functionArn.split(":");
        if (parts.length > 7 && parts[7].matches("\\d+")) {
            return parts[7];
        }
        return "$LATEST";
    }

    private static void remove(ShardState s, int n) {
        for (int i = 0; i < n; i++) {
            s.buffer.removeFirst();
        }
    }

    private static List<String> sequenceNumbers(List<JsonNode> records) {
        List<String> out = new ArrayList<>();
        records.forEach(r -> out.add(StreamEvents.sequenceNumber(r)));
        return out;
    }

    private static final class ShardState {
        final Shard shard;
        final Deque<JsonNode> buffer = new ArrayDeque<>();
        String iterator;
        boolean ended;

        ShardState(Shard shard) {
            this.shard = shard;
        }
    }

    /**
     * A partial batch response read against the batch ("Configuring partial batch response with
     * DynamoDB and Lambda", "Success and failure conditions").
     *
     * @param lowestFailed the index in the batch of the lowest failed record, or -1
     * @param identifiers the failed identifiers as given
     * @param invalid why the response fails the whole batch, or null
     */
    record PartialResponse(int lowestFailed, List<String> identifiers, String invalid) {

        static PartialResponse parse(byte[] payload, List<String> batchSequenceNumbers) {
            JsonNode root;
            try {
                root = payload.length == 0 ? null : JSON.readTree(payload);
            } catch (IOException e) {
                root = null; // not JSON: an EventResponse Lambda cannot read, taken as empty (choice)
            }
            if (root == null || root.isNull() || !root.isObject()) {
                return new PartialResponse(-1, List.of(), null);
            }
            JsonNode failures = root.get("batchItemFailures");
            if (failures == null || failures.isNull()) {
                return new PartialResponse(-1, List.of(), null);
            }
            if (!failures.isArray()) {
                return new PartialResponse(-1, List.of(), "batchItemFailures is not a list: " + failures);
            }
            int lowest = Integer.MAX_VALUE;
            List<String> ids = new ArrayList<>();
            for (JsonNode item : failures) {
                JsonNode id = item.get("itemIdentifier");
                if (id == null) {
                    return new PartialResponse(-1, ids, "an item has no itemIdentifier key: " + item);
                }
                if (id.isNull() || !id.isTextual() || id.asText().isEmpty()) {
                    return new PartialResponse(-1, ids, "an itemIdentifier is null or empty: " + item);
                }
                int index = batchSequenceNumbers.indexOf(id.asText());
                if (index < 0) {
                    return new PartialResponse(
                            -1,
                            ids,
                            "itemIdentifier " + id.asText() + " is not the SequenceNumber of a record of the batch");
                }
                ids.add(id.asText());
                lowest = Math.min(lowest, index);
            }
            return new PartialResponse(ids.isEmpty() ? -1 : lowest, ids, null);
        }
    }
}
