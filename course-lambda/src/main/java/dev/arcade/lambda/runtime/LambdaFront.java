package dev.arcade.lambda.runtime;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The kit's loopback HTTP front, {@code http://127.0.0.1:PORT}, one per runtime, with three jobs:
 *
 * <ul>
 *   <li>the Lambda API endpoint of the tests and of learners' code ({@link LambdaApi}): the control
 *       plane goes on to the backend, invokes run here;
 *   <li>every AWS endpoint of a running function ({@code AWS_ENDPOINT_URL}): a request signed with
 *       an environment's role session is decided by the execution role ({@link CallAuthorizer})
 *       before it goes on to the backend, or to {@link LambdaApi} for Lambda;
 *   <li>the Runtime API of the execution environments, under {@code /runtime/ENVIRONMENT-ID/}; and
 *       the proxy of the environments, which refuses every request for a host that is not loopback.
 * </ul>
 *
 * Why a front and not an SDK interceptor: it serves every caller alike (a test, learner code, a
 * function's own SDK of any version, a function invoking another), and it is where AWS decides too,
 * on the server side, so a function cannot bypass its role.
 */
final class LambdaFront implements AutoCloseable {

    private static final Pattern RUNTIME = Pattern.compile("^/runtime/([^/]+)/2018-06-01/runtime/(.+)$");

    private final HttpServer server;
    private final Forwarder forwarder;
    private EnvironmentPool pool;
    private final CallAuthorizer authorizer;
    private LambdaApi lambda;
    private final java.util.List<String> refused = new java.util.concurrent.CopyOnWriteArrayList<>();

    LambdaFront(Forwarder forwarder, CallAuthorizer authorizer, ExecutorService executor) throws IOException {
        this.forwarder = forwarder;
        this.authorizer = authorizer;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
    }

    static URI address(int port) {
        return URI.create("http://127.0.0.1:" + port);
    }

    void start(LambdaApi api, EnvironmentPool pool) {
        this.lambda = api;
        this.pool = pool;
        server.start();
    }

    URI uri() {
        return address(server.getAddress().getPort());
    }

    /** The hosts a function tried to reach beyond this machine. */
    List<String> refused() {
        return List.copyOf(refused);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            URI uri = exchange.getRequestURI();
            if (exchange.getRequestMethod().equals("CONNECT") || (uri.getHost() != null && !loopback(uri.getHost()))) {
                String target = uri.getHost() != null ? uri.getHost() : uri.toString();
                refused.add(target);
                send(
                        exchange,
                        HttpReply.json(
                                403,
                                "{\"message\":\"the course keeps functions on this machine: " + target
                                        + " refused\"}"));
                return;
            }
            HttpCall call = HttpCall.read(exchange);
            Matcher runtime = RUNTIME.matcher(call.path());
            if (runtime.matches()) {
                send(exchange, runtimeApi(runtime.group(1), runtime.group(2), call));
                return;
            }
            send(exchange, aws(call));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            send(exchange, HttpReply.json(503, "{\"message\":\"interrupted\"}"));
        } catch (RuntimeException | IOException e) {
            send(exchange, HttpReply.lambdaError(500, "ServiceException", "The course's Lambda runtime failed: " + e));
        }
    }

    private static boolean loopback(String host) {
        return host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]") || host.equals("::1");
    }

    private HttpReply aws(HttpCall call) throws IOException, InterruptedException {
        Optional<ExecutionEnvironment> caller = pool.byAccessKey(call.accessKeyId());
        if (caller.isPresent()) {
            CallAuthorizer.Verdict verdict = authorizer.authorize(call, caller.get());
            HttpReply reply = verdict.allowed() ? route(call) : verdict.denied();
            FunctionCall record = verdict.call();
            if (record != null) {
                caller.get()
                        .recordCall(new FunctionCall(
                                record.service(),
                                record.operation(),
                                record.action(),
                                record.resource(),
                                record.allowed(),
                                record.explanation(),
                                reply.status()));
            }
            return reply;
        }
        return route(call);
    }

    private HttpReply route(HttpCall call) throws IOException, InterruptedException {
        if ("lambda".equals(call.signingService())) {
            return lambda.handle(call);
        }
        return forwarder.forward(call);
    }

    private HttpReply runtimeApi(String environmentId, String operation, HttpCall call) throws InterruptedException {
        Optional<ExecutionEnvironment> found = pool.byId(environmentId);
        if (found.isEmpty()) {
            return HttpReply.json(410, "{\"errorMessage\":\"this execution environment was retired\"}");
        }
        ExecutionEnvironment environment = found.get();
        if (operation.equals("invocation/next") && call.method().equals("GET")) {
            Job job = environment.next();
            if (job == null) {
                return HttpReply.json(410, "{\"errorMessage\":\"this execution environment was retired\"}");
            }
            HttpReply reply = new HttpReply(200, new java.util.LinkedHashMap<>(), job.payload)
                    .with("Content-Type", "application/json")
                    .with("Lambda-Runtime-Aws-Request-Id", job.requestId)
                    .with("Lambda-Runtime-Deadline-Ms", String.valueOf(job.deadlineMs))
                    .with("Lambda-Runtime-Invoked-Function-Arn", job.invokedFunctionArn)
                    .with("Lambda-Runtime-Trace-Id", job.traceId);
            return job.clientContext == null ? reply : reply.with("Lambda-Runtime-Client-Context", job.clientContext);
        }
        if (operation.equals("init/error")) {
            environment.initFailed(call.body(), call.header("lambda-runtime-function-error-type"));
            return HttpReply.json(202, "{\"status\":\"OK\"}");
        }
        Matcher result =
                Pattern.compile("^invocation/([^/]+)/(response|error)$").matcher(operation);
        if (result.matches()) {
            boolean error = result.group(2).equals("error");
            boolean known = environment.respond(
                    result.group(1),
                    call.body(),
                    error
                            ? Optional.ofNullable(call.header("lambda-runtime-function-error-type"))
                                    .orElse("Unhandled")
                            : null);
            return known
                    ? HttpReply.json(202, "{\"status\":\"OK\"}")
                    : HttpReply.json(400, "{\"errorMessage\":\"no such invocation running here\"}");
        }
        return HttpReply.json(404, "{\"errorMessage\":\"unknown Runtime API path\"}");
    }

    private static void send(HttpExchange exchange, HttpReply reply) throws IOException {
        reply.headers().forEach((name, values) -> exchange.getResponseHeaders().put(name, values));
        boolean empty = reply.body() == null || reply.body().length == 0;
        boolean noBody = empty
                && (reply.status() == 204
                        || reply.status() == 304
                        || exchange.getRequestMethod().equals("HEAD"));
        exchange.sendResponseHeaders(reply.status(), noBody ? -1 : (empty ? -1 : reply.body().length));
        if (!empty) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(reply.body());
            }
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
