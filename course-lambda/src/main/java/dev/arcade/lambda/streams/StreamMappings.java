package dev.arcade.lambda.streams;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The store and control plane of DynamoDB stream event source mappings, answering the Lambda REST
 * API's operations in its JSON shapes: CreateEventSourceMapping ({@code POST
 * /2015-03-31/event-source-mappings/}, 202), GetEventSourceMapping ({@code GET .../{UUID}}, 200),
 * UpdateEventSourceMapping ({@code PUT .../{UUID}}, 202), DeleteEventSourceMapping ({@code DELETE
 * .../{UUID}}, 202) and ListEventSourceMappings ({@code GET ...} with FunctionName,
 * EventSourceArn, Marker, MaxItems, 200). Each follows the page of that name in the AWS Lambda API
 * Reference, and the DynamoDB rules of the Lambda Developer Guide's "Lambda parameters for Amazon
 * DynamoDB event source mappings".
 *
 * <p>In: the request body as a Jackson tree, the path's UUID, the query parameters; what the
 * integrator looks up through {@link FunctionLookup} and {@link StreamLookup}. Out: an {@link
 * ApiResponse} with the status, the {@code x-amzn-ErrorType} header for errors and the body.
 *
 * <p>Errors, by the "Errors" section of CreateEventSourceMapping: a modelled constraint (a range,
 * an enum, a required member) is a {@code ValidationException} (400) with the "1 validation error
 * detected: Value ... at ... failed to satisfy constraint: ..." wording the Lambda API uses for its
 * model constraints; a rule of the service (AT_TIMESTAMP on DynamoDB, a missing StartingPosition,
 * MaximumRecordAgeInSeconds between 0 and 59, a bad filter, an unsupported destination) is an
 * {@code InvalidParameterValueException} (400); a missing function, stream or mapping is a {@code
 * ResourceNotFoundException} (404); a second mapping of the same function and stream is a {@code
 * ResourceConflictException} (409) with the message Lambda sends ("The event source arn (" ... ")
 * and function (" ... ") provided mapping already exists. Please update or delete the existing
 * mapping with UUID ..."). The exact messages of the InvalidParameterValueException cases are not
 * documented; the wording here is this class's choice.
 *
 * <p>States, this class's reading of "GetEventSourceMapping" State: the response to Create says
 * {@code Creating}, to Update {@code Updating} (or {@code Enabling} / {@code Disabling} when
 * Enabled changes), to Delete {@code Deleting}; the mapping then settles at once, so every later
 * Get or List says {@code Enabled} or {@code Disabled} (AWS takes a few seconds; a test cannot
 * tell the difference except by polling, which then succeeds at once). StateTransitionReason is
 * {@code User action} and LastProcessingResult {@code No records processed} until a poller
 * reports otherwise through {@link #recordProcessingResult}.
 *
 * <p>Thread-safe: every operation is synchronized on the instance.
 */
public final class StreamMappings {

    /** The REST path of the operations ("CreateEventSourceMapping", Request Syntax). */
    public static final String PATH = "/2015-03-31/event-source-mappings/";

    // Ranges from "CreateEventSourceMapping", request parameters, and "Lambda parameters for
    // Amazon DynamoDB event source mappings".
    static final int BATCH_SIZE_MIN = 1;
    static final int BATCH_SIZE_MAX = 10_000;
    static final int BATCH_SIZE_DEFAULT = 100;
    static final int BATCHING_WINDOW_MAX = 300;
    static final int PARALLELIZATION_MIN = 1;
    static final int PARALLELIZATION_MAX = 10;
    static final int RETRY_ATTEMPTS_MIN = -1;
    static final int RETRY_ATTEMPTS_MAX = 10_000;
    static final int RECORD_AGE_MIN = -1;
    static final int RECORD_AGE_MAX = 604_800;
    /** Below this, except -1, Lambda refuses MaximumRecordAgeInSeconds (DynamoDB parameters page). */
    static final int RECORD_AGE_LOWEST_FINITE = 60;

    static final int TUMBLING_WINDOW_MAX = 900;
    /** "Lambda quotas": filters per event source mapping, 5 by default. */
    static final int MAX_FILTERS = 5;
    /** "FilterCriteria" / "Filter": Pattern, at most 4096 characters. */
    static final int MAX_PATTERN_LENGTH = 4096;

    static final int MAX_ITEMS_MIN = 1;
    static final int MAX_ITEMS_MAX = 10_000;
    /** ListEventSourceMappings returns at most 100 items when MaxItems is absent (this class's choice). */
    static final int MAX_ITEMS_DEFAULT = 100;

    static final String NO_RECORDS_PROCESSED = "No records processed";
    static final String USER_ACTION = "User action";

    private static final Pattern STREAM_ARN =
            Pattern.compile("arn:aws[a-z-]*:dynamodb:[a-z0-9-]+:\\d{12}:table/[A-Za-z0-9_.-]{3,255}/stream/.+");
    private static final Pattern FUNCTION_ARN =
            Pattern.compile("arn:(aws[a-z-]*):lambda:([a-z0-9-]+):(\\d{12}):function:.+");
    private static final Pattern QUEUE_OR_TOPIC_ARN = Pattern.compile("arn:aws[a-z-]*:(sqs|sns):[a-z0-9-]+:\\d{12}:.+");
    private static final Pattern UUID_PATH = Pattern.compile(Pattern.quote(PATH) + "([^/?]+)/?");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final FunctionLookup functions;
    private final StreamLookup streams;
    private final Clock clock;
    private final Supplier<String> uuids;
    private final RoleAccess roleAccess;
    private final Map<String, MappingConfig> store = new LinkedHashMap<>();

    /**
     * A store with the system clock and random UUIDs.
     *
     * @param functions resolves FunctionName
     * @param streams tells whether an EventSourceArn exists
     */
    public StreamMappings(FunctionLookup functions, StreamLookup streams) {
        this(functions, streams, Clock.systemUTC(), () -> UUID.randomUUID().toString());
    }

    /**
     * A store with a given clock (for LastModified) and UUID source.
     *
     * @param functions resolves FunctionName
     * @param streams tells whether an EventSourceArn exists
     * @param clock the clock LastModified reads
     * @param uuids the source of new mapping UUIDs
     */
    public StreamMappings(FunctionLookup functions, StreamLookup streams, Clock clock, Supplier<String> uuids) {
        this(functions, streams, clock, uuids, null);
    }

    /**
     * A store that also checks, as Lambda does on Create (and on an Update that changes
     * FunctionName), that the function's role may read the stream: dynamodb:DescribeStream,
     * GetShardIterator, GetRecords and ListStreams on the stream ARN ({@link
     * StreamPoller#REQUIRED_ACTIONS}); when not, the answer is a 400 InvalidParameterValueException
     * "Cannot access stream ...".
     *
     * @param functions resolves FunctionName
     * @param streams tells whether an EventSourceArn exists
     * @param clock the clock LastModified reads
     * @param uuids the source of new mapping UUIDs
     * @param roleAccess the role check, or null for none (the pollers still check before reading)
     */
    public StreamMappings(
            FunctionLookup functions,
            StreamLookup streams,
            Clock clock,
            Supplier<String> uuids,
            RoleAccess roleAccess) {
        this.roleAccess = roleAccess;
        this.functions = Objects.requireNonNull(functions, "functions");
        this.streams = Objects.requireNonNull(streams, "streams");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.uuids = Objects.requireNonNull(uuids, "uuids");
    }

    /**
     * Tells whether an event source ARN is a DynamoDB stream, the sources this class answers for
     * (the loopback front forwards every other source to the backend).
     *
     * @param eventSourceArn an EventSourceArn, may be null
     * @return true for {@code arn:<partition>:dynamodb:<region>:<account>:table/<name>/stream/<label>}
     */
    public static boolean isDynamoDbStreamArn(String eventSourceArn) {
        return eventSourceArn != null && STREAM_ARN.matcher(eventSourceArn).matches();
    }

    /**
     * Tells whether a mapping UUID is one of this store's (so that Get, Update and Delete of other
     * UUIDs can be forwarded to the backend).
     *
     * @param uuid a mapping UUID
     * @return true when this store holds it
     */
    public synchronized boolean owns(String uuid) {
        return store.containsKey(uuid);
    }

    /**
     * Routes one REST request to its operation.
     *
     * @param method the HTTP method
     * @param path the request path, without the query string
     * @param query the decoded query parameters (for List)
     * @param body the request body, or null / missing for GET and DELETE
     * @return the answer; a 404 ResourceNotFoundException for a path that is not an operation
     */
    public ApiResponse handle(String method, String path, Map<String, String> query, JsonNode body) {
        String m = method.toUpperCase(Locale.ROOT);
        if (path.equals(PATH) || path.equals(PATH.substring(0, PATH.length() - 1))) {
            if (m.equals("POST")) {
                return create(body);
            }
            if (m.equals("GET")) {
                return list(
                        query.get("FunctionName"),
                        query.get("EventSourceArn"),
                        query.get("Marker"),
                        query.get("MaxItems"));
            }
        }
        Matcher uuid = UUID_PATH.matcher(path);
        if (uuid.matches()) {
            switch (m) {
                case "GET":
                    return get(uuid.group(1));
                case "PUT":
                    return update(uuid.group(1), body);
                case "DELETE":
                    return delete(uuid.group(1));
                default:
                    break;
            }
        }
        return ApiResponse.error(404, "ResourceNotFoundException", "The resource you requested does not exist.");
    }

    /**
     * CreateEventSourceMapping for a DynamoDB stream.
     *
     * @param body the request body (FunctionName, EventSourceArn, StartingPosition, ...)
     * @return 202 with the mapping, State {@code Creating}; or an error
     */
    public synchronized ApiResponse create(JsonNode body) {
        JsonNode in = body == null ? NODES.objectNode() : body;
        Errors errors = new Errors();
        String functionName = text(in, "FunctionName", "functionName", errors, true);
        String sourceArn = text(in, "EventSourceArn", "eventSourceArn", errors, false);
        String position = text(in, "StartingPosition", "startingPosition", errors, false);
        if (position != null
                && !List.of("TRIM_HORIZON", "LATEST", "AT_TIMESTAMP").contains(position)) {
            errors.add(
                    position,
                    "startingPosition",
                    "Member must satisfy enum value set: [TRIM_HORIZON, LATEST, AT_TIMESTAMP]");
        }
        Settings s = Settings.defaults();
        s.read(in, errors);
        if (!errors.isEmpty()) {
            return errors.response();
        }
        if (sourceArn == null) {
            return invalid("Unrecognized event source, must be kinesis, dynamodb stream or sqs.");
        }
        if (!isDynamoDbStreamArn(sourceArn)) {
            return invalid("Unrecognized event source, must be kinesis, dynamodb stream or sqs.");
        }
        if (position == null) {
            return invalid("StartingPosition is required for a DynamoDB stream event source.");
        }
        if (position.equals("AT_TIMESTAMP")) {
            return invalid("Unsupported starting position for a DynamoDB stream event source: AT_TIMESTAMP. "
                    + "Use TRIM_HORIZON or LATEST.");
        }
        ApiResponse rule = s.checkRules();
        if (rule != null) {
            return rule;
        }
        Optional<String> functionArn = functions.functionArn(functionName);
        if (functionArn.isEmpty()) {
            return notFound("Function not found: " + functionName);
        }
        if (streams.tableName(sourceArn).isEmpty()) {
            return notFound("Stream not found: " + sourceArn);
        }
        ApiResponse conflict = conflict(functionArn.get(), sourceArn, null, functionName);
        if (conflict != null) {
            return conflict;
        }
        ApiResponse access = access(functionArn.get(), sourceArn);
        if (access == null) {
            access = destinationAccess(functionArn.get(), s.destination);
        }
        if (access != null) {
            return access;
        }
        String uuid = uuids.get();
        MappingConfig created = s.toConfig(
                uuid, functionArn.get(), sourceArn, position, USER_ACTION, NO_RECORDS_PROCESSED, clock.instant());
        store.put(uuid, created);
        return ApiResponse.ok(202, json(created, "Creating"));
    }

    /**
     * GetEventSourceMapping.
     *
     * @param uuid the mapping UUID
     * @return 200 with the mapping, or 404 ResourceNotFoundException
     */
    public synchronized ApiResponse get(String uuid) {
        MappingConfig c = store.get(uuid);
        return c == null ? missingMapping() : ApiResponse.ok(200, json(c, null));
    }

    /**
     * UpdateEventSourceMapping: FunctionName, Enabled, BatchSize, FilterCriteria,
     * MaximumBatchingWindowInSeconds, DestinationConfig, MaximumRecordAgeInSeconds,
     * BisectBatchOnFunctionError, MaximumRetryAttempts, ParallelizationFactor,
     * TumblingWindowInSeconds, FunctionResponseTypes; members left out keep their value. An
     * empty {@code FilterCriteria} (or an empty Filters list) removes the filters; an OnFailure
     * without Destination removes the destination.
     *
     * @param uuid the mapping UUID
     * @param body the request body
     * @return 202 with the mapping, State {@code Updating} (or {@code Enabling} / {@code
     *     Disabling}); or an error
     */
    public synchronized ApiResponse update(String uuid, JsonNode body) {
        MappingConfig old = store.get(uuid);
        if (old == null) {
            return missingMapping();
        }
        JsonNode in = body == null ? NODES.objectNode() : body;
        Errors errors = new Errors();
        String functionName = text(in, "FunctionName", "functionName", errors, false);
        Settings s = Settings.of(old);
        s.read(in, errors);
        if (!errors.isEmpty()) {
            return errors.response();
        }
        ApiResponse rule = s.checkRules();
        if (rule != null) {
            return rule;
        }
        String functionArn = old.functionArn();
        if (functionName != null) {
            Optional<String> resolved = functions.functionArn(functionName);
            if (resolved.isEmpty()) {
                return notFound("Function not found: " + functionName);
            }
            functionArn = resolved.get();
            ApiResponse conflict = conflict(functionArn, old.eventSourceArn(), uuid, functionName);
            if (conflict != null) {
                return conflict;
            }
            ApiResponse access = access(functionArn, old.eventSourceArn());
            if (access != null) {
                return access;
            }
        }
        if (s.destination != null && !s.destination.equals(old.onFailureDestination()) || functionName != null) {
            ApiResponse access = destinationAccess(functionArn, s.destination);
            if (access != null) {
                return access;
            }
        }
        String shown = s.enabled == old.enabled() ? "Updating" : s.enabled ? "Enabling" : "Disabling";
        MappingConfig updated = s.toConfig(
                uuid,
                functionArn,
                old.eventSourceArn(),
                old.startingPosition(),
                USER_ACTION,
                old.lastProcessingResult(),
                clock.instant());
        store.put(uuid, updated);
        return ApiResponse.ok(202, json(updated, shown));
    }

    /**
     * DeleteEventSourceMapping.
     *
     * @param uuid the mapping UUID
     * @return 202 with the mapping as it was, State {@code Deleting}; or 404
     */
    public synchronized ApiResponse delete(String uuid) {
        MappingConfig c = store.remove(uuid);
        return c == null ? missingMapping() : ApiResponse.ok(202, json(c, "Deleting"));
    }

    /**
     * ListEventSourceMappings over this store's mappings, in creation order. The integrator, when
     * the request names no DynamoDB stream, also lists the backend's mappings and joins the two.
     *
     * @param functionName only mappings of this function (name, ARN or partial ARN; a qualified
     *     name lists only that qualifier's mappings, an unqualified one all of the function's), or
     *     null
     * @param eventSourceArn only mappings of this stream, or null
     * @param marker the NextMarker of a previous page, or null
     * @param maxItems the page size as the query string gives it (1..10000), or null
     * @return 200 with {@code EventSourceMappings} and, when more remain, {@code NextMarker}
     */
    public synchronized ApiResponse list(String functionName, String eventSourceArn, String marker, String maxItems) {
        int size = MAX_ITEMS_DEFAULT;
        if (maxItems != null) {
            Errors errors = new Errors();
            try {
                size = Integer.parseInt(maxItems);
                errors.range(size, "maxItems", MAX_ITEMS_MIN, MAX_ITEMS_MAX);
            } catch (NumberFormatException e) {
                errors.add(maxItems, "maxItems", "Member must be an integer");
            }
            if (!errors.isEmpty()) {
                return errors.response();
            }
        }
        int start = 0;
        if (marker != null && !marker.isEmpty()) {
            try {
                start = Integer.parseInt(marker);
            } catch (NumberFormatException e) {
                start = -1;
            }
            if (start < 0) {
                return invalid("Invalid marker: " + marker);
            }
        }
        String functionArn = null;
        if (functionName != null) {
            Optional<String> resolved = functions.functionArn(functionName);
            if (resolved.isEmpty()) {
                // Choice: Lambda answers an unknown function with an empty list, not an error.
                return ApiResponse.ok(200, page(List.of(), null));
            }
            functionArn = resolved.get();
        }
        List<MappingConfig> matching = new ArrayList<>();
        for (MappingConfig c : store.values()) {
            if (eventSourceArn != null && !c.eventSourceArn().equals(eventSourceArn)) {
                continue;
            }
            if (functionArn != null && !sameFunction(functionArn, c.functionArn())) {
                continue;
            }
            matching.add(c);
        }
        int end = Math.min(matching.size(), start + size);
        List<MappingConfig> slice = start >= matching.size() ? List.of() : matching.subList(start, end);
        return ApiResponse.ok(200, page(slice, end < matching.size() ? Integer.toString(end) : null));
    }

    /**
     * The current snapshot of one mapping.
     *
     * @param uuid the mapping UUID
     * @return the mapping, or empty once deleted
     */
    public synchronized Optional<MappingConfig> mapping(String uuid) {
        return Optional.ofNullable(store.get(uuid));
    }

    /**
     * Every mapping, in creation order.
     *
     * @return snapshots of all mappings
     */
    public synchronized List<MappingConfig> mappings() {
        return List.copyOf(store.values());
    }

    /**
     * What a poller reports after a poll: the LastProcessingResult ({@code OK}, {@code PROBLEM:
     * Function call failed}) and, when not null, a StateTransitionReason. Does nothing for a
     * deleted mapping. LastModified does not change (it records the user's changes).
     *
     * @param uuid the mapping UUID
     * @param lastProcessingResult the new LastProcessingResult
     * @param stateTransitionReason the new StateTransitionReason, or null to keep it
     */
    public synchronized void recordProcessingResult(
            String uuid, String lastProcessingResult, String stateTransitionReason) {
        MappingConfig c = store.get(uuid);
        if (c == null) {
            return;
        }
        store.put(
                uuid,
                new MappingConfig(
                        c.uuid(),
                        c.functionArn(),
                        c.eventSourceArn(),
                        c.batchSize(),
                        c.startingPosition(),
                        c.maximumBatchingWindowInSeconds(),
                        c.parallelizationFactor(),
                        c.filterPatterns(),
                        c.functionResponseTypes(),
                        c.bisectBatchOnFunctionError(),
                        c.maximumRetryAttempts(),
                        c.maximumRecordAgeInSeconds(),
                        c.onFailureDestination(),
                        c.tumblingWindowInSeconds(),
                        c.enabled(),
                        c.state(),
                        stateTransitionReason == null ? c.stateTransitionReason() : stateTransitionReason,
                        lastProcessingResult,
                        c.lastModified()));
    }

    /**
     * The JSON Lambda returns for a mapping (EventSourceMappingConfiguration).
     *
     * @param c the mapping
     * @return the object, with the settled State
     */
    public static ObjectNode toJson(MappingConfig c) {
        return json(c, null);
    }

    // ---------------------------------------------------------------------------------------

    private ApiResponse conflict(String functionArn, String sourceArn, String exceptUuid, String functionName) {
        for (MappingConfig c : store.values()) {
            if (!c.uuid().equals(exceptUuid)
                    && c.functionArn().equals(functionArn)
                    && c.eventSourceArn().equals(sourceArn)) {
                return ApiResponse.error(
                        409,
                        "ResourceConflictException",
                        "The event source arn (\" " + sourceArn
                                + " \") and function (\" " + functionName + " \") provided mapping already exists. "
                                + "Please update or delete the existing mapping with UUID " + c.uuid());
            }
        }
        return null;
    }

    private ApiResponse access(String functionArn, String streamArn) {
        if (roleAccess == null) {
            return null;
        }
        for (String action : StreamPoller.REQUIRED_ACTIONS) {
            if (roleAccess.denial(functionArn, action, streamArn).isPresent()) {
                return invalid(StreamPoller.cannotAccess(streamArn));
            }
        }
        return null;
    }

    /**
     * The execution role must be able to send to the on-failure destination: Lambda checks it when the
     * mapping is created or its destination or function changes, and refuses the request with
     * InvalidParameterValueException (the message is Lambda's for SQS; for SNS the same words with
     * Publish).
     */
    private ApiResponse destinationAccess(String functionArn, String destination) {
        if (roleAccess == null || destination == null) {
            return null;
        }
        String[] parts = destination.split(":");
        if (parts.length < 6) {
            return null;
        }
        String service = parts[2];
        String action = service.equals("sqs") ? "sqs:SendMessage" : service.equals("sns") ? "sns:Publish" : null;
        if (action == null
                || roleAccess.denial(functionArn, action, destination).isEmpty()) {
            return null;
        }
        return invalid("The provided execution role does not have permissions to call "
                + action.substring(action.indexOf(':') + 1) + " on " + service.toUpperCase(Locale.ROOT));
    }

    /** An unqualified filter lists every qualifier's mappings; a qualified one only its own (choice). */
    private static boolean sameFunction(String filterArn, String mappingArn) {
        if (filterArn.equals(mappingArn)) {
            return true;
        }
        return unqualified(filterArn).equals(filterArn)
                && unqualified(mappingArn).equals(filterArn);
    }

    private static String unqualified(String functionArn) {
        String[] parts = functionArn.split(":", -1);
        return parts.length > 7 ? String.join(":", List.of(parts).subList(0, 7)) : functionArn;
    }

    private static ObjectNode page(List<MappingConfig> items, String nextMarker) {
        ObjectNode out = NODES.objectNode();
        if (nextMarker != null) {
            out.put("NextMarker", nextMarker);
        }
        ArrayNode array = out.putArray("EventSourceMappings");
        items.forEach(c -> array.add(json(c, null)));
        return out;
    }

    private static ObjectNode json(MappingConfig c, String shownState) {
        ObjectNode o = NODES.objectNode();
        o.put("UUID", c.uuid());
        o.put("StartingPosition", c.startingPosition());
        o.put("BatchSize", c.batchSize());
        o.put("MaximumBatchingWindowInSeconds", c.maximumBatchingWindowInSeconds());
        o.put("ParallelizationFactor", c.parallelizationFactor());
        o.put("EventSourceArn", c.eventSourceArn());
        if (!c.filterPatterns().isEmpty()) {
            ArrayNode filters = o.putObject("FilterCriteria").putArray("Filters");
            c.filterPatterns().forEach(p -> filters.addObject().put("Pattern", p));
        }
        o.put("FunctionArn", c.functionArn());
        o.put("LastModified", c.lastModified().toEpochMilli() / 1000.0);
        o.put("LastProcessingResult", c.lastProcessingResult());
        o.put("State", shownState != null ? shownState : c.state());
        o.put("StateTransitionReason", c.stateTransitionReason());
        ObjectNode onFailure = o.putObject("DestinationConfig").putObject("OnFailure");
        if (c.onFailureDestination() != null) {
            onFailure.put("Destination", c.onFailureDestination());
        }
        o.put("MaximumRecordAgeInSeconds", c.maximumRecordAgeInSeconds());
        o.put("BisectBatchOnFunctionError", c.bisectBatchOnFunctionError());
        o.put("MaximumRetryAttempts", c.maximumRetryAttempts());
        o.put("TumblingWindowInSeconds", c.tumblingWindowInSeconds());
        ArrayNode types = o.putArray("FunctionResponseTypes");
        c.functionResponseTypes().forEach(types::add);
        Matcher f = FUNCTION_ARN.matcher(c.functionArn());
        if (f.matches()) {
            o.put(
                    "EventSourceMappingArn",
                    "arn:" + f.group(1) + ":lambda:" + f.group(2) + ":" + f.group(3) + ":event-source-mapping:"
                            + c.uuid());
        }
        return o;
    }

    private static ApiResponse invalid(String message) {
        return ApiResponse.error(400, "InvalidParameterValueException", message);
    }

    private static ApiResponse notFound(String message) {
        return ApiResponse.error(404, "ResourceNotFoundException", message);
    }

    private static ApiResponse missingMapping() {
        return notFound("The resource you requested does not exist.");
    }

    private static String text(JsonNode in, String member, String modelName, Errors errors, boolean required) {
        JsonNode v = in.get(member);
        if (v == null || v.isNull()) {
            if (required) {
                errors.add(null, modelName, "Member must not be null");
            }
            return null;
        }
        if (!v.isTextual()) {
            errors.add(v.toString(), modelName, "Member must be a string");
            return null;
        }
        return v.asText();
    }

    /** The settings Create and Update share, read over defaults or over the old mapping. */
    private static final class Settings {
        int batchSize = BATCH_SIZE_DEFAULT;
        int batchingWindow;
        int parallelization = PARALLELIZATION_MIN;
        List<String> filters = List.of();
        List<String> responseTypes = List.of();
        boolean bisect;
        int retries = -1;
        int recordAge = -1;
        String destination;
        int tumbling;
        boolean enabled = true;
        String badDestination;
        String badFilter;
        int filterCount;

        static Settings defaults() {
            return new Settings();
        }

        static Settings of(MappingConfig c) {
            Settings s = new Settings();
            s.batchSize = c.batchSize();
            s.batchingWindow = c.maximumBatchingWindowInSeconds();
            s.parallelization = c.parallelizationFactor();
            s.filters = c.filterPatterns();
            s.filterCount = s.filters.size();
            s.responseTypes = c.functionResponseTypes();
            s.bisect = c.bisectBatchOnFunctionError();
            s.retries = c.maximumRetryAttempts();
            s.recordAge = c.maximumRecordAgeInSeconds();
            s.destination = c.onFailureDestination();
            s.tumbling = c.tumblingWindowInSeconds();
            s.enabled = c.enabled();
            return s;
        }

        void read(JsonNode in, Errors errors) {
            batchSize = integer(in, "BatchSize", "batchSize", batchSize, BATCH_SIZE_MIN, BATCH_SIZE_MAX, errors);
            batchingWindow = integer(
                    in,
                    "MaximumBatchingWindowInSeconds",
                    "maximumBatchingWindowInSeconds",
                    batchingWindow,
                    0,
                    BATCHING_WINDOW_MAX,
                    errors);
            parallelization = integer(
                    in,
                    "ParallelizationFactor",
                    "parallelizationFactor",
                    parallelization,
                    PARALLELIZATION_MIN,
                    PARALLELIZATION_MAX,
                    errors);
            retries = integer(
                    in,
                    "MaximumRetryAttempts",
                    "maximumRetryAttempts",
                    retries,
                    RETRY_ATTEMPTS_MIN,
                    RETRY_ATTEMPTS_MAX,
                    errors);
            recordAge = integer(
                    in,
                    "MaximumRecordAgeInSeconds",
                    "maximumRecordAgeInSeconds",
                    recordAge,
                    RECORD_AGE_MIN,
                    RECORD_AGE_MAX,
                    errors);
            tumbling = integer(
                    in, "TumblingWindowInSeconds", "tumblingWindowInSeconds", tumbling, 0, TUMBLING_WINDOW_MAX, errors);
            bisect = bool(in, "BisectBatchOnFunctionError", "bisectBatchOnFunctionError", bisect, errors);
            enabled = bool(in, "Enabled", "enabled", enabled, errors);
            JsonNode types = in.get("FunctionResponseTypes");
            if (types != null && !types.isNull()) {
                List<String> read = new ArrayList<>();
                if (!types.isArray()) {
                    errors.add(types.toString(), "functionResponseTypes", "Member must be a list");
                } else {
                    for (JsonNode t : types) {
                        // Case matters: the enum is exactly ReportBatchItemFailures.
                        if (!t.isTextual() || !t.asText().equals(MappingConfig.REPORT_BATCH_ITEM_FAILURES)) {
                            errors.add(
                                    types.toString(),
                                    "functionResponseTypes",
                                    "Member must satisfy constraint: [Member must satisfy enum value set: [ReportBatchItemFailures]]");
                            break;
                        }
                        if (!read.contains(t.asText())) {
                            read.add(t.asText());
                        }
                    }
                    responseTypes = read;
                }
            }
            JsonNode criteria = in.get("FilterCriteria");
            if (criteria != null && !criteria.isNull()) {
                JsonNode list = criteria.get("Filters");
                List<String> read = new ArrayList<>();
                filterCount = 0;
                if (list != null && !list.isNull()) {
                    if (!list.isArray()) {
                        badFilter = list.toString();
                    } else {
                        filterCount = list.size();
                        for (JsonNode f : list) {
                            JsonNode p = f.get("Pattern");
                            if (p == null || p.isNull()) {
                                continue; // a Filter without Pattern matches nothing and is dropped (choice)
                            }
                            if (!p.isTextual()) {
                                badFilter = p.toString();
                                continue;
                            }
                            if (p.asText().length() > MAX_PATTERN_LENGTH) {
                                errors.add(
                                        p.asText(),
                                        "filterCriteria.filters.member.pattern",
                                        "Member must have length less than or equal to " + MAX_PATTERN_LENGTH);
                            }
                            read.add(p.asText());
                        }
                    }
                }
                filters = read;
            }
            JsonNode config = in.get("DestinationConfig");
            if (config != null && !config.isNull()) {
                JsonNode onSuccess = config.path("OnSuccess").path("Destination");
                if (onSuccess.isTextual() && !onSuccess.asText().isEmpty()) {
                    badDestination = onSuccess.asText();
                }
                JsonNode onFailure = config.get("OnFailure");
                if (onFailure != null && !onFailure.isNull()) {
                    JsonNode d = onFailure.get("Destination");
                    destination = d == null || d.isNull() || d.asText().isEmpty() ? null : d.asText();
                    if (destination != null
                            && !QUEUE_OR_TOPIC_ARN.matcher(destination).matches()) {
                        badDestination = destination;
                    }
                }
            }
        }

        ApiResponse checkRules() {
            if (recordAge >= 0 && recordAge < RECORD_AGE_LOWEST_FINITE) {
                return invalid("MaximumRecordAgeInSeconds must be -1 (infinite) or between " + RECORD_AGE_LOWEST_FINITE
                        + " and " + RECORD_AGE_MAX + ", but was " + recordAge + ".");
            }
            if (filterCount > MAX_FILTERS) {
                return invalid("The FilterCriteria has " + filterCount
                        + " filters; an event source mapping can have at most " + MAX_FILTERS + ".");
            }
            if (badFilter != null) {
                return invalid("Invalid filter pattern definition: " + badFilter);
            }
            for (String p : filters) {
                try {
                    JsonNode parsed = JSON.readTree(p);
                    if (parsed == null || !parsed.isObject()) {
                        return invalid("Invalid filter pattern definition: " + p + " (a pattern is a JSON object).");
                    }
                } catch (JsonProcessingException e) {
                    return invalid("Invalid filter pattern definition: " + p + " (not valid JSON).");
                }
            }
            if (badDestination != null) {
                return invalid("Unsupported DestinationConfig parameter for a DynamoDB stream event source: "
                        + badDestination + ". The OnFailure destination must be an Amazon SQS queue or Amazon SNS "
                        + "topic ARN, and OnSuccess is not supported.");
            }
            return null;
        }

        MappingConfig toConfig(
                String uuid,
                String functionArn,
                String sourceArn,
                String position,
                String reason,
                String lastResult,
                Instant now) {
            return new MappingConfig(
                    uuid,
                    functionArn,
                    sourceArn,
                    batchSize,
                    position,
                    batchingWindow,
                    parallelization,
                    filters,
                    responseTypes,
                    bisect,
                    retries,
                    recordAge,
                    destination,
                    tumbling,
                    enabled,
                    enabled ? "Enabled" : "Disabled",
                    reason,
                    lastResult,
                    now);
        }

        private static int integer(
                JsonNode in, String member, String model, int current, int min, int max, Errors errors) {
            JsonNode v = in.get(member);
            if (v == null || v.isNull()) {
                return current;
            }
            if (!v.isIntegralNumber() || !v.canConvertToInt()) {
                errors.add(v.toString(), model, "Member must be an integer");
                return current;
            }
            errors.range(v.intValue(), model, min, max);
            return v.intValue();
        }

        private static boolean bool(JsonNode in, String member, String model, boolean current, Errors errors) {
            JsonNode v = in.get(member);
            if (v == null || v.isNull()) {
                return current;
            }
            if (!v.isBoolean()) {
                errors.add(v.toString(), model, "Member must be a boolean");
                return current;
            }
            return v.booleanValue();
        }
    }

    /** Model-constraint violations, worded as the Lambda API's ValidationException. */
    private static final class Errors {
        private final List<String> messages = new ArrayList<>();

        void add(String value, String member, String constraint) {
            messages.add("Value " + (value == null ? "null" : "'" + value + "'") + " at '" + member
                    + "' failed to satisfy constraint: " + constraint);
        }

        void range(int value, String member, int min, int max) {
            if (value < min) {
                add(Integer.toString(value), member, "Member must have value greater than or equal to " + min);
            } else if (value > max) {
                add(Integer.toString(value), member, "Member must have value less than or equal to " + max);
            }
        }

        boolean isEmpty() {
            return messages.isEmpty();
        }

        ApiResponse response() {
            int n = messages.size();
            String head = n + " validation error" + (n == 1 ? "" : "s") + " detected: ";
            return ApiResponse.error(400, "ValidationException", head + String.join("; ", messages));
        }
    }
}
