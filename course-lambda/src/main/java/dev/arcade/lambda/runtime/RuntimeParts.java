package dev.arcade.lambda.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/**
 * The runtime's parts, wired together: the front, the Lambda API, the environments, the code store
 * and the log writer. {@code dev.arcade.lambda.LambdaRuntime} is its public face.
 */
public final class RuntimeParts implements AutoCloseable {

    private final LambdaFront front;
    private final LambdaApi api;
    private final EnvironmentPool pool;
    private final CodeStore code;
    private final ExecutorService executor;
    private StreamSources streams;

    private RuntimeParts(
            LambdaFront front, LambdaApi api, EnvironmentPool pool, CodeStore code, ExecutorService executor) {
        this.front = front;
        this.api = api;
        this.pool = pool;
        this.code = code;
        this.executor = executor;
    }

    /**
     * Starts the parts.
     *
     * @param backend the backend, its clients memoized (BackendAccess.memoized())
     * @param authorizer the execution roles' decisions
     * @param work a folder of the runtime's own
     * @param hostClassPath the environments' class path
     * @param java the java launcher
     * @return the running parts
     * @throws IOException when the front cannot listen
     */
    public static RuntimeParts start(
            BackendAccess backend, CallAuthorizer authorizer, Path work, List<String> hostClassPath, Path java)
            throws IOException {
        ExecutorService executor = Executors.newCachedThreadPool(daemons());
        Forwarder forwarder = new Forwarder(backend.endpoint());
        CodeStore code = new CodeStore(work.resolve("task"));
        // the front is bound (its port known) before it starts, so the environments can be told its address
        LambdaFront front = new LambdaFront(forwarder, authorizer, executor);
        EnvironmentPool pool = new EnvironmentPool(
                new HostSettings(java, front.uri(), hostClassPath, backend.region()), work.resolve("tmp"));
        FunctionLogs logs = new FunctionLogs(backend.logs(), authorizer);
        LambdaApi api =
                new LambdaApi(backend.lambda(), forwarder, code, pool, logs, authorizer, executor, backend.region());
        api.account(backend.account());
        StreamSources streams =
                new StreamSources(api, authorizer, new BackendJson(backend.endpoint(), backend.region()));
        api.streams(streams);
        front.start(api, pool);
        RuntimeParts parts = new RuntimeParts(front, api, pool, code, executor);
        parts.streams = streams;
        return parts;
    }

    private static ThreadFactory daemons() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "lambda-front-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** The front's address. */
    public URI front() {
        return front.uri();
    }

    /** The Lambda API. */
    LambdaApi api() {
        return api;
    }

    /** Every invocation so far (the live list: synchronize on it to wait). */
    public List<Invocation> invocations() {
        return api.invocations();
    }

    /** The environments. */
    public EnvironmentPool pool() {
        return pool;
    }

    /** The deployment packages. */
    public CodeStore code() {
        return code;
    }

    /** The hosts functions were refused. */
    public List<String> refused() {
        return front.refused();
    }

    /**
     * Invokes a function directly.
     *
     * @param function a name or ARN, optionally qualified
     * @param payload the event, JSON
     * @param source {@code api} or a service principal
     * @return the invocation
     * @throws IllegalArgumentException when no such function exists
     */
    public Invocation invoke(String function, String payload, String source) {
        FunctionRef ref = FunctionRef.parse(function, null);
        try {
            LambdaApi.Resolved resolved = api.resolve(ref);
            return api.run(
                    resolved,
                    payload.getBytes(StandardCharsets.UTF_8),
                    UUID.randomUUID().toString(),
                    "RequestResponse",
                    source);
        } catch (ResourceNotFoundException e) {
            throw new IllegalArgumentException("no function " + function + " in the backend", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /**
     * Polls every DynamoDB stream event source mapping until its stream is caught up.
     *
     * @return the deliveries, by mapping UUID
     */
    public Map<String, List<dev.arcade.lambda.streams.DeliveryRecord>> drainStreams() {
        return streams.drain();
    }

    /** Forgets the invocations and retires every environment. */
    public void reset() {
        api.invocations().clear();
        pool.close();
    }

    @Override
    public void close() {
        front.close();
        pool.close();
        code.close();
        executor.shutdownNow();
    }
}
