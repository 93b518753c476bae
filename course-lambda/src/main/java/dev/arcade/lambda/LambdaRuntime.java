package dev.arcade.lambda;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.api.client.AWSLambda;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import dev.arcade.lambda.host.RuntimeHost;
import dev.arcade.lambda.runtime.BackendAccess;
import dev.arcade.lambda.runtime.CallAuthorizer;
import dev.arcade.lambda.runtime.Invocation;
import dev.arcade.lambda.runtime.RuntimeParts;
import dev.arcade.lambda.streams.DeliveryRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import software.amazon.awssdk.utilslite.SdkInternalThreadLocal;

/**
 * The course's Lambda runtime: functions deployed through its {@link #endpoint()} run for real,
 * without Docker, each execution environment in a JVM of its own (see the package documentation
 * and docs/kit.md, "Running Lambda functions").
 *
 * <p>Point a {@code LambdaClient} at {@link #endpoint()} (the kit does that for every Lambda client
 * it makes): CreateFunction, UpdateFunctionCode and the rest of the control plane reach the backend
 * as before, and Invoke runs the deployed package's handler with the configuration the backend
 * stores. Tests read what happened from {@link #invocations()}.
 *
 * <p>Thread safety: safe for concurrent use; invocations of one function at the same time run in
 * separate environments.
 */
public final class LambdaRuntime implements AutoCloseable {

    private final RuntimeParts parts;
    private final Path workDir;
    private final Triggers triggers;

    private LambdaRuntime(RuntimeParts parts, Path workDir, BackendAccess backend) {
        this.parts = parts;
        this.workDir = workDir;
        this.triggers = new Triggers(this, backend.lambda(), backend.region(), backend.account());
    }

    /**
     * Starts a runtime on a backend: its front listens on a free loopback port.
     *
     * @param backend the backend and its clients
     * @param authorizer the execution roles' decisions ({@link CallAuthorizer#ALLOW_ALL} for none)
     * @return the running runtime
     * @throws UncheckedIOException when the front cannot listen or the work folder cannot be made
     */
    public static LambdaRuntime start(BackendAccess backend, CallAuthorizer authorizer) {
        try {
            Path work = Files.createTempDirectory("arcade-lambda-");
            BackendAccess lazy = backend.memoized();
            return new LambdaRuntime(
                    RuntimeParts.start(lazy, authorizer, work, hostClassPath(), javaLauncher()), work, lazy);
        } catch (IOException e) {
            throw new UncheckedIOException("the course's Lambda runtime could not start: " + e.getMessage(), e);
        }
    }

    /** The Lambda endpoint to give every Lambda client: {@code http://127.0.0.1:PORT}. */
    public URI endpoint() {
        return parts.front();
    }

    /** Every invocation so far, oldest first. */
    public List<Invocation> invocations() {
        return List.copyOf(parts.invocations());
    }

    /** The invocations of one function, oldest first. */
    public List<Invocation> invocationsOf(String functionName) {
        return invocations().stream()
                .filter(i -> i.functionName().equals(functionName))
                .toList();
    }

    /**
     * Waits for an invocation (for example of an {@code Event} invoke or a trigger) that satisfies a
     * condition.
     *
     * @param condition what to wait for
     * @param timeout how long at most
     * @return the first such invocation, or null when none came in time
     * @throws InterruptedException when interrupted
     */
    public Invocation await(Predicate<Invocation> condition, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        List<Invocation> all = parts.invocations();
        synchronized (all) {
            while (true) {
                for (Invocation invocation : all) {
                    if (condition.test(invocation)) {
                        return invocation;
                    }
                }
                long left = (end - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    return null;
                }
                all.wait(Math.min(left, 100));
            }
        }
    }

    /**
     * Invokes a function as the Lambda API's Invoke does ({@code RequestResponse}), without an HTTP
     * round trip: for tests and for the kit's triggers.
     *
     * @param function the function's name or ARN, optionally with {@code :qualifier}
     * @param payload the event, JSON
     * @param source who invokes: {@code api} or a service principal
     * @return the invocation
     */
    public Invocation invoke(String function, String payload, String source) {
        return parts.invoke(function, payload, source);
    }

    /** Services that push events to functions (API Gateway, S3, EventBridge, SNS), as the function policy allows. */
    public Triggers triggers() {
        return triggers;
    }

    /**
     * Runs the DynamoDB stream event source mappings: each enabled mapping's poller reads its stream as
     * the function's role and invokes the function with batches, as its settings say (BatchSize,
     * StartingPosition, FilterCriteria, ReportBatchItemFailures, BisectBatchOnFunctionError,
     * MaximumRetryAttempts, the on-failure destination), until the stream is caught up. The kit does
     * not poll in the background: a test writes, then drains.
     *
     * @return what was delivered, by mapping UUID
     */
    public Map<String, List<DeliveryRecord>> drainStreams() {
        return parts.drainStreams();
    }

    /** How many execution environments are running now, busy or idle. */
    public int runningEnvironments() {
        return parts.pool().running();
    }

    /** The hosts functions tried to reach beyond this machine (refused). */
    public List<String> refusedHosts() {
        return parts.refused();
    }

    /** Forgets the recorded invocations and retires every execution environment (between test classes). */
    public void reset() {
        parts.reset();
    }

    /** Stops the front and every execution environment, and deletes the extracted packages. */
    @Override
    public void close() {
        parts.close();
        try (var files = Files.walk(workDir)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            // best effort: the folder is in the temporary folder
        }
    }

    /**
     * The class path of an execution environment's JVM, as the Java runtime's: the host package
     * (this module's classes), aws-lambda-java-core, the runtime interface client, its serialization
     * library and utils-lite. Nothing of the SDK or the kit, so a function that needs a class has to
     * bring it in its package.
     */
    static List<String> hostClassPath() {
        Set<String> entries = new LinkedHashSet<>();
        for (Class<?> type : List.of(
                RuntimeHost.class,
                RequestHandler.class,
                AWSLambda.class,
                PojoSerializer.class,
                SdkInternalThreadLocal.class)) {
            entries.add(locationOf(type));
        }
        return new ArrayList<>(entries);
    }

    private static String locationOf(Class<?> type) {
        try {
            return Paths.get(type.getProtectionDomain()
                            .getCodeSource()
                            .getLocation()
                            .toURI())
                    .toString();
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("cannot find the class path entry of " + type.getName(), e);
        }
    }

    private static Path javaLauncher() {
        Path bin = Paths.get(System.getProperty("java.home"), "bin");
        Path windows = bin.resolve("java.exe");
        return Files.exists(windows) ? windows : bin.resolve("java");
    }
}
