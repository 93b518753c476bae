package dev.arcade.lambda.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.GetAliasResponse;
import software.amazon.awssdk.services.lambda.model.GetFunctionConfigurationResponse;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/**
 * The Lambda API as the front answers it. Control-plane requests go to the backend, which checks
 * and stores them; on the way the front keeps the deployment packages of CreateFunction and
 * UpdateFunctionCode, refuses what AWS refuses and the backend accepts (reserved environment
 * variables, a role Lambda cannot assume), and makes a new or updated function {@code Pending} /
 * {@code InProgress} until a GetFunction or GetFunctionConfiguration has seen that state. Invoke is
 * run here, on the deployed package, with the configuration the backend stores.
 */
final class LambdaApi {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern FUNCTIONS = Pattern.compile("^/2015-03-31/functions/?$");
    private static final Pattern FUNCTION = Pattern.compile("^/2015-03-31/functions/([^/]+)(/[a-z-]+)?/?$");
    /** Invoke's payload quotas ("Lambda quotas"): 6 MB for a synchronous request and response. */
    static final int REQUEST_LIMIT_BYTES = 6_291_456;

    static final int RESPONSE_LIMIT_BYTES = 6_291_556;

    private final java.util.function.Supplier<LambdaClient> backend;
    private final Forwarder forwarder;
    private final CodeStore code;
    private final EnvironmentPool pool;
    private final FunctionLogs logs;
    private final CallAuthorizer authorizer;
    private final ExecutorService async;
    private final String region;
    private final Map<String, String> pendingCreate = new ConcurrentHashMap<>();
    /** LoggingConfig by unqualified ARN and version: the backend (moto) does not store it. */
    private final Map<String, ObjectNode> loggingConfigs = new ConcurrentHashMap<>();

    private final Map<String, String> pendingUpdate = new ConcurrentHashMap<>();
    private final List<Invocation> invocations = new CopyOnWriteArrayList<>();

    LambdaApi(
            java.util.function.Supplier<LambdaClient> backend,
            Forwarder forwarder,
            CodeStore code,
            EnvironmentPool pool,
            FunctionLogs logs,
            CallAuthorizer authorizer,
            ExecutorService async,
            String region) {
        this.backend = backend;
        this.forwarder = forwarder;
        this.code = code;
        this.pool = pool;
        this.logs = logs;
        this.authorizer = authorizer;
        this.async = async;
        this.region = region;
    }

    List<Invocation> invocations() {
        return invocations;
    }

    private StreamSources streams;

    void streams(StreamSources streams) {
        this.streams = streams;
    }

    HttpReply handle(HttpCall call) throws IOException, InterruptedException {
        return withLambdaErrorTypes(route(qualifierOutOfName(call)));
    }

    /**
     * AddPermission and GetPolicy take the qualifier in FunctionName too ({@code NAME:live}, or a
     * qualified ARN), as the Lambda API Reference says; moto reads only the Qualifier parameter and
     * files the statement under the unqualified function, so the front moves it there.
     */
    private static HttpCall qualifierOutOfName(HttpCall call) {
        Matcher function = FUNCTION.matcher(call.path());
        if (!function.matches() || !"/policy".equals(function.group(2)) || call.queryParameter("Qualifier") != null) {
            return call;
        }
        String name = URLDecoder.decode(function.group(1), StandardCharsets.UTF_8);
        FunctionRef ref = FunctionRef.parse(name, null);
        if (ref.qualifier() == null) {
            return call;
        }
        String query = (call.query() == null || call.query().isEmpty() ? "" : call.query() + "&") + "Qualifier="
                + java.net.URLEncoder.encode(ref.qualifier(), StandardCharsets.UTF_8);
        return new HttpCall(
                call.method(), "/2015-03-31/functions/" + ref.name() + "/policy", query, call.headers(), call.body());
    }

    /** moto answers a conflict (CreateAlias of an alias that exists) as ConflictException; Lambda's type is ResourceConflictException. */
    private static HttpReply withLambdaErrorTypes(HttpReply reply) {
        for (Map.Entry<String, List<String>> header : reply.headers().entrySet()) {
            if (header.getKey().equalsIgnoreCase("x-amzn-ErrorType")
                    && !header.getValue().isEmpty()
                    && header.getValue().get(0).startsWith("ConflictException")) {
                Map<String, List<String>> headers = new java.util.LinkedHashMap<>(reply.headers());
                headers.put(header.getKey(), List.of("ResourceConflictException"));
                headers.keySet().removeIf(k -> k.equalsIgnoreCase("content-length"));
                String body = new String(reply.body(), StandardCharsets.UTF_8)
                        .replace("\"ConflictException\"", "\"ResourceConflictException\"");
                return new HttpReply(reply.status(), headers, body.getBytes(StandardCharsets.UTF_8));
            }
        }
        return reply;
    }

    private HttpReply route(HttpCall call) throws IOException, InterruptedException {
        if (streams != null && streams.handles(call)) {
            return streams.handle(call);
        }
        if (streams != null && streams.isMergedList(call)) {
            return streams.merge(call, forwarder.forward(call));
        }
        if (FUNCTIONS.matcher(call.path()).matches() && call.method().equals("POST")) {
            return create(call);
        }
        Matcher function = FUNCTION.matcher(call.path());
        if (function.matches()) {
            String name = URLDecoder.decode(function.group(1), StandardCharsets.UTF_8);
            String sub = function.group(2) == null ? "" : function.group(2);
            switch (call.method() + " " + sub) {
                case "POST /invocations":
                    return invoke(call, name);
                case "PUT /code":
                    return updateCode(call, name);
                case "PUT /configuration":
                    return updateConfiguration(call, name);
                case "GET /configuration":
                case "GET ":
                    return get(call, name, sub.isEmpty());
                case "POST /versions":
                    return publish(call, name);
                case "DELETE ":
                    HttpReply deleted = forwarder.forward(call);
                    FunctionRef ref = FunctionRef.parse(name, call.queryParameter("Qualifier"));
                    pool.retireFunction(arn(ref.name()), ref.qualifier());
                    return deleted;
                default:
                    break;
            }
        }
        return forwarder.forward(call);
    }

    private String arn(String name) {
        return "arn:aws:lambda:" + region + ":" + account() + ":function:" + name;
    }

    private String account() {
        return accountHolder;
    }

    private String accountHolder = "123456789012";

    void account(String account) {
        this.accountHolder = account;
    }

    private HttpReply create(HttpCall call) throws IOException, InterruptedException {
        ObjectNode body = (ObjectNode) JSON.readTree(call.body());
        Optional<HttpReply> refused =
                checkConfiguration(body, body.path("FunctionName").asText());
        if (refused.isPresent()) {
            return refused.get();
        }
        JsonNode zip = body.path("Code").path("ZipFile");
        if (zip.isTextual()) {
            try {
                code.put(Base64.getDecoder().decode(zip.asText()));
            } catch (IllegalArgumentException e) {
                return HttpReply.lambdaError(400, "InvalidParameterValueException", e.getMessage());
            }
        }
        HttpReply reply = forwarder.forward(call);
        if (reply.status() / 100 == 2) {
            JsonNode created = JSON.readTree(reply.body());
            String arn = created.path("FunctionArn").asText();
            pendingCreate.put(arn, "create");
            loggingConfigs.put(
                    arn + "|$LATEST",
                    loggingConfig(
                            body.path("LoggingConfig"),
                            null,
                            created.path("FunctionName").asText()));
            ((ObjectNode) created).set("LoggingConfig", loggingConfigs.get(arn + "|$LATEST"));
            return rewrite(reply, (ObjectNode) created, true, false);
        }
        return reply;
    }

    private Optional<HttpReply> checkConfiguration(JsonNode body, String name) {
        JsonNode variables = body.path("Environment").path("Variables");
        List<String> reserved = new ArrayList<>();
        variables.fieldNames().forEachRemaining(key -> {
            if (LambdaEnvironmentVariables.RESERVED.contains(key)) {
                reserved.add(key);
            }
        });
        if (!reserved.isEmpty()) {
            return Optional.of(HttpReply.lambdaError(
                    400,
                    "InvalidParameterValueException",
                    "Lambda was unable to configure your environment variables because the environment variables you have"
                            + " provided contains reserved keys that are currently not supported for modification. Reserved"
                            + " keys used in this request: " + String.join(", ", reserved)));
        }
        if (body.hasNonNull("Role")) {
            Optional<String> problem = authorizer.trustProblem(
                    body.get("Role").asText(), arn(FunctionRef.parse(name, null).name()));
            if (problem.isPresent()) {
                return Optional.of(HttpReply.lambdaError(400, "InvalidParameterValueException", problem.get()));
            }
        }
        return Optional.empty();
    }

    private HttpReply updateCode(HttpCall call, String name) throws IOException, InterruptedException {
        JsonNode body = JSON.readTree(call.body());
        JsonNode zip = body.path("ZipFile");
        if (zip.isTextual()) {
            try {
                code.put(Base64.getDecoder().decode(zip.asText()));
            } catch (IllegalArgumentException e) {
                return HttpReply.lambdaError(400, "InvalidParameterValueException", e.getMessage());
            }
        }
        return updated(call, name);
    }

    private HttpReply updateConfiguration(HttpCall call, String name) throws IOException, InterruptedException {
        JsonNode body = JSON.readTree(call.body());
        Optional<HttpReply> refused = checkConfiguration(body, name);
        if (refused.isPresent()) {
            return refused.get();
        }
        if (body.has("LoggingConfig")) {
            String key = arn(FunctionRef.parse(name, null).name()) + "|$LATEST";
            loggingConfigs.put(
                    key,
                    loggingConfig(
                            body.get("LoggingConfig"),
                            loggingConfigs.get(key),
                            FunctionRef.parse(name, null).name()));
        }
        return updated(call, name);
    }

    /**
     * A function's LoggingConfig as Lambda keeps it: LogFormat {@code Text} unless JSON is asked for,
     * LogGroup {@code /aws/lambda/NAME} unless another is named; log levels only with JSON.
     */
    private static ObjectNode loggingConfig(JsonNode asked, ObjectNode before, String name) {
        ObjectNode config = before == null ? JSON.createObjectNode() : before.deepCopy();
        if (asked != null && asked.isObject()) {
            asked.fields().forEachRemaining(field -> config.set(field.getKey(), field.getValue()));
        }
        if (!config.has("LogFormat")) {
            config.put("LogFormat", "Text");
        }
        if (!config.hasNonNull("LogGroup")) {
            config.put("LogGroup", "/aws/lambda/" + name);
        }
        if (config.path("LogFormat").asText().equals("JSON")) {
            if (!config.has("ApplicationLogLevel")) {
                config.put("ApplicationLogLevel", "INFO");
            }
            if (!config.has("SystemLogLevel")) {
                config.put("SystemLogLevel", "INFO");
            }
        } else {
            config.remove("ApplicationLogLevel");
            config.remove("SystemLogLevel");
        }
        return config;
    }

    private ObjectNode loggingConfigOf(String unqualifiedArn, String version, String name) {
        ObjectNode config = loggingConfigs.get(unqualifiedArn + "|" + version);
        return config != null ? config : loggingConfig(null, null, name);
    }

    private HttpReply updated(HttpCall call, String name) throws IOException, InterruptedException {
        HttpReply reply = forwarder.forward(call);
        if (reply.status() / 100 == 2) {
            JsonNode updated = JSON.readTree(reply.body());
            String arn = updated.path("FunctionArn").asText();
            pool.retireFunction(arn, "$LATEST");
            pendingUpdate.put(arn, "update");
            return rewrite(reply, (ObjectNode) updated, false, true);
        }
        return reply;
    }

    private HttpReply publish(HttpCall call, String name) throws IOException, InterruptedException {
        String pending = arn(FunctionRef.parse(name, null).name());
        if (pendingUpdate.containsKey(pending)) {
            // PublishVersion: "ResourceConflictException ... The operation cannot be performed at this time"
            return HttpReply.lambdaError(
                    409,
                    "ResourceConflictException",
                    "The operation cannot be performed at this time. An update is in progress for resource: "
                            + pending);
        }
        HttpReply reply = forwarder.forward(call);
        if (reply.status() / 100 == 2) {
            ObjectNode published = (ObjectNode) JSON.readTree(reply.body());
            String arn = unqualified(published.path("FunctionArn").asText());
            String version = published.path("Version").asText();
            ObjectNode config = loggingConfigOf(
                    arn, "$LATEST", published.path("FunctionName").asText());
            loggingConfigs.put(arn + "|" + version, config);
            published.set("LoggingConfig", config);
            return new HttpReply(
                    reply.status(),
                    withoutLength(reply.headers()),
                    published.toString().getBytes(StandardCharsets.UTF_8));
        }
        return reply;
    }

    private HttpReply get(HttpCall call, String name, boolean whole) throws IOException, InterruptedException {
        HttpReply reply = forwarder.forward(call);
        if (reply.status() != 200) {
            return reply;
        }
        ObjectNode body = (ObjectNode) JSON.readTree(reply.body());
        ObjectNode configuration = whole ? (ObjectNode) body.path("Configuration") : body;
        String arn = unqualified(configuration.path("FunctionArn").asText());
        boolean creating = pendingCreate.remove(arn) != null;
        boolean updating = pendingUpdate.remove(arn) != null;
        String version = configuration.path("Version").asText("$LATEST");
        configuration.set(
                "LoggingConfig",
                loggingConfigOf(arn, version, configuration.path("FunctionName").asText()));
        rewriteConfiguration(configuration, creating, updating);
        return new HttpReply(
                reply.status(), withoutLength(reply.headers()), body.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String unqualified(String arn) {
        String[] parts = arn.split(":");
        return parts.length > 7 ? String.join(":", java.util.Arrays.copyOf(parts, 7)) : arn;
    }

    private HttpReply rewrite(HttpReply reply, ObjectNode configuration, boolean creating, boolean updating) {
        rewriteConfiguration(configuration, creating, updating);
        return new HttpReply(
                reply.status(),
                withoutLength(reply.headers()),
                configuration.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, List<String>> withoutLength(Map<String, List<String>> headers) {
        Map<String, List<String>> copy = new java.util.LinkedHashMap<>(headers);
        copy.keySet().removeIf(key -> key.equalsIgnoreCase("content-length") || key.equalsIgnoreCase("x-amz-crc32"));
        return copy;
    }

    private static void rewriteConfiguration(ObjectNode configuration, boolean creating, boolean updating) {
        if (creating) {
            configuration.put("State", "Pending");
            configuration.put("StateReason", "The function is being created.");
            configuration.put("StateReasonCode", "Creating");
        }
        if (updating) {
            configuration.put("LastUpdateStatus", "InProgress");
            configuration.put("LastUpdateStatusReason", "The function is being updated.");
            configuration.put("LastUpdateStatusReasonCode", "InProgress");
        }
    }

    private HttpReply invoke(HttpCall call, String name) throws IOException, InterruptedException {
        FunctionRef ref = FunctionRef.parse(name, call.queryParameter("Qualifier"));
        String type = Optional.ofNullable(call.header("x-amz-invocation-type")).orElse("RequestResponse");
        boolean tail = "Tail".equalsIgnoreCase(call.header("x-amz-log-type"));
        Resolved resolved;
        try {
            resolved = resolve(ref);
        } catch (ResourceNotFoundException e) {
            return HttpReply.lambdaError(
                    404,
                    "ResourceNotFoundException",
                    "Function not found: " + arn(ref.name()) + (ref.qualifier() == null ? "" : ":" + ref.qualifier()));
        }
        if (pendingCreate.containsKey(resolved.function().functionArn())) {
            return HttpReply.lambdaError(
                    409,
                    "ResourceConflictException",
                    "The operation cannot be performed at this time. The function is currently in the following state: Pending");
        }
        byte[] payload = call.body().length == 0 ? "{}".getBytes(StandardCharsets.UTF_8) : call.body();
        if (payload.length > REQUEST_LIMIT_BYTES) {
            return HttpReply.lambdaError(
                    413,
                    "RequestTooLargeException",
                    "Request must be smaller than " + REQUEST_LIMIT_BYTES + " bytes for the InvokeFunction operation");
        }
        try {
            JSON.readTree(payload);
        } catch (IOException e) {
            String reason = e.getMessage() == null ? "" : e.getMessage().split("\n")[0];
            return HttpReply.lambdaError(
                    400,
                    "InvalidRequestContentException",
                    "Could not parse request body into json: Could not parse payload into json: " + reason);
        }
        if (type.equals("DryRun")) {
            return new HttpReply(204, new java.util.LinkedHashMap<>(), new byte[0]);
        }
        String requestId = UUID.randomUUID().toString();
        if (type.equals("Event")) {
            async.submit(() -> {
                run(resolved, payload, requestId, "Event", "api");
                return null;
            });
            return new HttpReply(202, new java.util.LinkedHashMap<>(), new byte[0]).with("x-amzn-RequestId", requestId);
        }
        Invocation invocation = run(resolved, payload, requestId, "RequestResponse", "api");
        HttpReply reply = new HttpReply(200, new java.util.LinkedHashMap<>(), invocation.payload())
                .with("Content-Type", "application/json")
                .with("x-amzn-RequestId", requestId)
                .with("X-Amz-Executed-Version", invocation.executedVersion());
        if (invocation.failed()) {
            reply = reply.with("X-Amz-Function-Error", invocation.functionError());
        }
        if (tail) {
            reply = reply.with("X-Amz-Log-Result", tail(invocation));
        }
        return reply;
    }

    /** The last 4 KB of an invocation's log, base64, as {@code LogType=Tail} returns it. */
    static String tail(Invocation invocation) {
        byte[] text = (String.join("\n", invocation.log()) + "\n").getBytes(StandardCharsets.UTF_8);
        int from = Math.max(0, text.length - 4096);
        return Base64.getEncoder().encodeToString(java.util.Arrays.copyOfRange(text, from, text.length));
    }

    /** A function version found in the backend, and the ARN the caller invoked. */
    record Resolved(FunctionSnapshot function, String invokedArn) {}

    Resolved resolve(FunctionRef ref) {
        String version = ref.qualifier() == null ? "$LATEST" : ref.qualifier();
        if (ref.alias()) {
            GetAliasResponse alias =
                    backend.get().getAlias(b -> b.functionName(ref.name()).name(ref.qualifier()));
            version = pickVersion(alias);
        }
        String qualifier = version;
        GetFunctionConfigurationResponse configuration = backend.get()
                .getFunctionConfiguration(b -> b.functionName(ref.name()).qualifier(qualifier));
        String unqualified = arn(configuration.functionName());
        String invoked = ref.qualifier() == null ? unqualified : unqualified + ":" + ref.qualifier();
        return new Resolved(
                snapshot(
                        configuration,
                        unqualified,
                        version,
                        loggingConfigOf(
                                unqualified,
                                configuration.version() == null ? version : configuration.version(),
                                configuration.functionName())),
                invoked);
    }

    private static String pickVersion(GetAliasResponse alias) {
        if (alias.routingConfig() != null && alias.routingConfig().hasAdditionalVersionWeights()) {
            double draw = ThreadLocalRandom.current().nextDouble();
            double sum = 0;
            for (Map.Entry<String, Double> weight :
                    alias.routingConfig().additionalVersionWeights().entrySet()) {
                sum += weight.getValue();
                if (draw < sum) {
                    return weight.getKey();
                }
            }
        }
        return alias.functionVersion();
    }

    private static FunctionSnapshot snapshot(
            GetFunctionConfigurationResponse c, String unqualifiedArn, String version, ObjectNode logging) {
        String logFormat = logging.path("LogFormat").asText("Text");
        String logGroup = logging.path("LogGroup").asText("/aws/lambda/" + c.functionName());
        return new FunctionSnapshot(
                c.functionName(),
                unqualifiedArn,
                c.version() == null ? version : c.version(),
                c.handler(),
                c.runtimeAsString(),
                c.role(),
                c.memorySize() == null ? 128 : c.memorySize(),
                c.timeout() == null ? 3 : c.timeout(),
                c.environment() == null ? Map.of() : c.environment().variables(),
                c.codeSha256(),
                logFormat == null ? "Text" : logFormat,
                logging.path("ApplicationLogLevel").asText(null),
                logging.path("SystemLogLevel").asText(null),
                logGroup,
                c.tracingConfig() == null ? "PassThrough" : c.tracingConfig().modeAsString());
    }

    /**
     * Runs an invocation in an execution environment and records it.
     *
     * @param resolved the version and the invoked ARN
     * @param payload the event
     * @param requestId its request id
     * @param type {@code RequestResponse} or {@code Event}
     * @param source {@code api} or the invoking service's principal
     * @return the invocation
     */
    Invocation run(Resolved resolved, byte[] payload, String requestId, String type, String source)
            throws IOException, InterruptedException {
        FunctionSnapshot function = resolved.function();
        Instant started = Instant.now();
        if (!function.runtime().startsWith("java")) {
            return record(new Invocation(
                    requestId,
                    function.functionName(),
                    resolved.invokedArn(),
                    function.version(),
                    type,
                    source,
                    false,
                    null,
                    0,
                    Errors.document(
                            "Runtime.InvalidRuntime",
                            "The course runs Java functions only; this one's runtime is " + function.runtime()),
                    "Unhandled",
                    "Runtime.InvalidRuntime",
                    List.of(),
                    List.of(),
                    null,
                    started));
        }
        Optional<Path> taskRoot = code.taskRoot(function.codeSha256());
        if (taskRoot.isEmpty()) {
            return record(new Invocation(
                    requestId,
                    function.functionName(),
                    resolved.invokedArn(),
                    function.version(),
                    type,
                    source,
                    false,
                    null,
                    0,
                    Errors.document(
                            "Runtime.CodeUnknown",
                            "The course's Lambda runtime did not see this function's"
                                    + " code deployed: deploy it with CreateFunction or UpdateFunctionCode and Code.ZipFile through the"
                                    + " course's Lambda endpoint"),
                    "Unhandled",
                    "Runtime.CodeUnknown",
                    List.of(),
                    List.of(),
                    null,
                    started));
        }
        authorizer.invocationStarting();
        ExecutionEnvironment environment = pool.acquire(function, taskRoot.get());
        boolean cold = environment.invocations() == 0;
        Job job = new Job(requestId, payload, resolved.invokedArn(), traceId(function), null);
        RunOutcome outcome;
        try {
            outcome = environment.run(job);
        } finally {
            pool.release(environment);
        }
        if (outcome.kind() == RunOutcome.Kind.SUCCESS
                && outcome.payload() != null
                && outcome.payload().length > RESPONSE_LIMIT_BYTES) {
            outcome = new RunOutcome(
                    RunOutcome.Kind.FUNCTION_ERROR,
                    Errors.document(
                            "Function.ResponseSizeTooLarge",
                            "Response payload size exceeded maximum allowed payload size (" + RESPONSE_LIMIT_BYTES
                                    + " bytes)."),
                    "Function.ResponseSizeTooLarge",
                    outcome.initLines(),
                    outcome.lines(),
                    outcome.durationMs(),
                    outcome.initDurationMs(),
                    outcome.memoryUsedMb());
        }
        List<LogLine> lines = PlatformLog.lines(function, requestId, outcome);
        logs.write(environment, lines);
        return record(new Invocation(
                requestId,
                function.functionName(),
                resolved.invokedArn(),
                function.version(),
                type,
                source,
                cold && outcome.initDurationMs() != null,
                outcome.initDurationMs(),
                outcome.durationMs(),
                outcome.payload(),
                outcome.failed() ? "Unhandled" : null,
                outcome.errorType(),
                lines,
                List.copyOf(job.calls),
                environment.id(),
                started));
    }

    private Invocation record(Invocation invocation) {
        invocations.add(invocation);
        synchronized (invocations) {
            invocations.notifyAll();
        }
        return invocation;
    }

    private static String traceId(FunctionSnapshot function) {
        String epoch = Long.toHexString(System.currentTimeMillis() / 1000);
        byte[] random = new byte[20];
        ThreadLocalRandom.current().nextBytes(random);
        String hex = HexFormat.of().formatHex(random);
        return "Root=1-" + epoch + "-" + hex.substring(0, 24) + ";Parent=" + hex.substring(24, 40) + ";Sampled="
                + ("Active".equals(function.tracingMode()) ? "1" : "0");
    }
}
