package dev.arcade.lambda.host;

import com.amazonaws.services.lambda.runtime.api.client.AWSLambda;
import com.amazonaws.services.lambda.runtime.api.client.logging.LambdaContextLogger;
import com.amazonaws.services.lambda.runtime.api.client.runtimeapi.LambdaRuntimeApiClient;
import com.amazonaws.services.lambda.runtime.api.client.util.ConcurrencyConfig;
import com.amazonaws.services.lambda.runtime.logging.LogFormat;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Optional;

/**
 * The main class of an execution environment's JVM: the Java runtime's own start-up
 * ({@code AWSLambda.main} of aws-lambda-java-runtime-interface-client 2.10.1) with two differences.
 * The Runtime API client is {@link RuntimeApiClient} (plain {@code HttpURLConnection}) instead of
 * the native client, which exists only for Linux; and log records of {@code LambdaLogger} go to
 * standard output framed ({@link FramedLogSink}), as the runtime frames them for Lambda's telemetry
 * file descriptor, so that a multi-line message stays one log event.
 *
 * <p>Everything else is the runtime's code, called as the runtime calls it: the task root is the
 * working directory, the customer class loader is the runtime's {@code CustomerClassLoader} (the
 * task root, its {@code lib/*.jar} and {@code /opt/java/lib/*.jar}, with the system class loader as
 * parent), the handler is loaded by {@code EventHandlerLoader}, init errors are reported to
 * {@code /runtime/init/error} before the JVM exits with status 1, and invocations run in the
 * runtime's loop.
 *
 * <p>Arguments: the handler string ({@code _HANDLER}). Environment: as Lambda sets it
 * ({@code AWS_LAMBDA_RUNTIME_API}, {@code AWS_LAMBDA_LOG_FORMAT}, ...). System property
 * {@code arcade.lambda.parentPid}: the JVM that started this one; when it ends, this one halts.
 */
public final class RuntimeHost extends AWSLambda {

    private RuntimeHost() {}

    /**
     * Starts the runtime.
     *
     * @param args {@code args[0]}: the handler string, for example {@code pkg.Handler::handleRequest}
     * @throws Throwable what the runtime's loop throws when it ends
     */
    public static void main(String[] args) throws Throwable {
        watchParent();
        LoopbackOnly.install();
        String runtimeApi = System.getenv("AWS_LAMBDA_RUNTIME_API");
        LambdaContextLogger logger = new LambdaContextLogger(
                new FramedLogSink(new FileOutputStream(FileDescriptor.out)),
                LogLevel.fromString(env("AWS_LAMBDA_LOG_LEVEL", "UNDEFINED")),
                LogFormat.fromString(env("AWS_LAMBDA_LOG_FORMAT", "TEXT")));
        LambdaRuntimeApiClient client = new RuntimeApiClient(runtimeApi);
        Object handler = call("getLambdaRequestHandlerObject", args[0], logger, client);
        call("startRuntimeLoops", handler, logger, new ConcurrencyConfig(logger), client);
    }

    private static String env(String name, String fallback) {
        return Optional.ofNullable(System.getenv(name)).orElse(fallback);
    }

    /** Calls one of the runtime's own static steps, which are private or protected in AWSLambda. */
    private static Object call(String name, Object... args) throws Throwable {
        for (Method method : AWSLambda.class.getDeclaredMethods()) {
            if (method.getName().equals(name) && method.getParameterCount() == args.length) {
                method.setAccessible(true);
                try {
                    return method.invoke(null, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            }
        }
        throw new IllegalStateException("the runtime interface client has no method " + name);
    }

    private static void watchParent() {
        String parent = System.getProperty("arcade.lambda.parentPid");
        if (parent == null) {
            return;
        }
        ProcessHandle.of(Long.parseLong(parent))
                .ifPresentOrElse(
                        handle -> handle.onExit()
                                .thenRun(() -> Runtime.getRuntime().halt(0)),
                        () -> Runtime.getRuntime().halt(0));
    }
}
