package dev.arcade.functions.given;

import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * A probe the tests of exercise 3.2 put into the deployment package: the SDK makes one of each global
 * interceptor (listed in {@code software/amazon/awssdk/global/handlers/execution.interceptors}) for
 * every client it builds, so each line {@value #MARKER} in the function's log is one client built.
 * It changes nothing in what the client does.
 */
public final class ClientBuildProbe implements ExecutionInterceptor {
    /** The start of the line printed for each client built. */
    public static final String MARKER = "[course probe] an SDK client was built";

    private static final AtomicInteger BUILT = new AtomicInteger();

    /** Called by the SDK once per client it builds. */
    public ClientBuildProbe() {
        System.out.println(MARKER + " (#" + BUILT.incrementAndGet() + " in this environment)");
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes executionAttributes) {
        // nothing: the constructor is the probe
    }
}
