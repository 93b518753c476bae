package dev.arcade.kit.sdk;

import dev.arcade.kit.backend.Backend;
import dev.arcade.kit.backend.BackendUnavailableException;
import dev.arcade.kit.backend.Backends;
import dev.arcade.kit.backend.HostEnvironment;
import dev.arcade.kit.backend.InheritedBackend;
import dev.arcade.lambda.LambdaRuntime;
import dev.arcade.lambda.iam.RoleEnforcement;
import dev.arcade.lambda.runtime.BackendAccess;
import java.net.URI;

/**
 * The kit's JVM-wide state, all of it, in one place: the backend, the kit's clients, the call log,
 * the fault plan, what the realism layer remembers, and the endpoint guard.
 *
 * <p>Why static: the SDK instantiates global interceptors by reflection (from
 * {@code software/amazon/awssdk/global/handlers/execution.interceptors}), so the interceptors can
 * reach a test only through the JVM; and the grader runs several JUnit launcher sessions (one per
 * module) in one JVM, so the backend must outlive any one of them, or each module would pay an
 * emulator start. The price is that tests of the kit cannot run in parallel within one JVM: the
 * {@link dev.arcade.kit.AwsTestExtension} refuses JUnit's parallel execution with a clear message.
 *
 * <p>The backend lives as long as the JVM. It is stopped by a shutdown hook, which also runs on
 * Ctrl-C; moto is additionally tied to the JVM by a watchdog, so that not even a killed JVM leaves it
 * behind. This class is for the kit's extension and the grading runner; tests receive what they need
 * as parameters.
 */
public final class JvmState {
    private static final ApiCalls CALLS = new ApiCalls();
    private static final FaultPlan FAULTS = new FaultPlan();
    private static final AwsRealism.State REALISM = new AwsRealism.State();

    private static Backend backend;
    private static BackendUnavailableException failure;
    private static AwsClients clients;
    private static volatile URI guardedEndpoint;
    private static LambdaRuntime lambda;

    private JvmState() {}

    /**
     * The backend, started if it is not yet; prints the backend line once (unless it was handed over
     * by a parent JVM, which printed it already).
     *
     * @throws BackendUnavailableException with a one-sentence fix, on every call once it has failed
     */
    public static synchronized Backend backend() {
        if (failure != null) {
            throw new BackendUnavailableException(failure.getMessage(), failure);
        }
        if (backend == null) {
            String inherited = System.getProperty(InheritedBackend.PROPERTY);
            try {
                Backend started = inherited != null
                        ? InheritedBackend.decode(inherited)
                        : Backends.start(HostEnvironment.system());
                SdkDefaults.pointAt(started);
                guardedEndpoint = started.endpoint();
                backend = started;
                startLambdaRuntime(started);
            } catch (BackendUnavailableException e) {
                failure = e;
                throw e;
            }
            if (inherited == null) {
                System.out.println(backend.describe());
            }
        }
        return backend;
    }

    /**
     * The kit's Lambda runtime on the backend ({@code dev.arcade.lambda}): every Lambda client the kit
     * makes, and {@code LambdaClient.create()} in learners' code, goes to its front, which runs invokes
     * and forwards the rest. Started with the backend (a loopback server; SDK clients and execution
     * environments only when first needed).
     */
    public static synchronized LambdaRuntime lambdaRuntime() {
        backend();
        return lambda;
    }

    private static void startLambdaRuntime(Backend started) {
        AwsClients kit = clients();
        lambda = LambdaRuntime.start(
                new BackendAccess(
                        started.endpoint(),
                        Backend.REGION,
                        started.accountId(),
                        kit::backendLambda,
                        kit::iam,
                        kit::cloudWatchLogs,
                        kit::dynamoDbStreams,
                        kit::dynamoDb),
                new RoleEnforcement(kit::iam, kit::dynamoDb, started.accountId(), Backend.REGION));
        System.setProperty("aws.endpointUrlLambda", lambda.endpoint().toString());
        Runtime.getRuntime().addShutdownHook(new Thread(lambda::close, "lambda-runtime-stop"));
    }

    /** After a test class: retires the Lambda runtime's execution environments and forgets its invocations. */
    public static synchronized void afterTestClass() {
        if (lambda != null) {
            lambda.reset();
        }
    }

    /** Whether a backend has been started in this JVM (without starting one). */
    public static synchronized boolean started() {
        return backend != null;
    }

    /** The kit's own clients for the backend: built once, retries off, never recorded. */
    public static synchronized AwsClients clients() {
        if (clients == null) {
            clients = new AwsClients(backend());
        }
        return clients;
    }

    /** The calls of the code under test in the current test (read-only for tests). */
    public static ApiCalls calls() {
        return CALLS;
    }

    /** The faults planned for the current test. */
    public static FaultPlan faults() {
        return FAULTS;
    }

    /** Before each test: an empty call log and no planned faults. */
    public static void beforeTest() {
        CALLS.clear();
        FAULTS.clear();
        REALISM.beforeTest();
    }

    /** After each test: faults a test planned never leak into the next one. */
    public static void afterTest() {
        FAULTS.clear();
    }

    /** What {@link AwsRealism} remembers between calls. */
    static AwsRealism.State realism() {
        return REALISM;
    }

    /** The only non-loopback endpoint SDK calls may reach, once a backend runs; null before. */
    static URI guardedEndpoint() {
        return guardedEndpoint;
    }
}
