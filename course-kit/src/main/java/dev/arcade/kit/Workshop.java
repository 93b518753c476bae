package dev.arcade.kit;

import dev.arcade.kit.backend.Backend;
import dev.arcade.kit.backend.BackendUnavailableException;
import dev.arcade.kit.backend.Backends;
import dev.arcade.kit.backend.HostEnvironment;
import dev.arcade.kit.backend.InheritedBackend;
import dev.arcade.kit.internal.SdkDefaults;

/**
 * The workshop's one backend per JVM, started on first use.
 *
 * <p>It lives as long as the JVM, not as long as one JUnit run, because the grader runs several
 * launcher sessions (one per module) in one JVM and a restart per module would cost a second each.
 * It is stopped by a shutdown hook, which also runs on Ctrl-C; moto is additionally tied to the JVM
 * by a watchdog, so that not even a killed JVM leaves it behind.
 */
public final class Workshop {
    private static Backend backend;
    private static BackendUnavailableException failure;
    private static AwsClients clients;

    private Workshop() {}

    /**
     * The backend, started if it is not yet; prints the backend line once.
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
                Backend started = inherited != null ? InheritedBackend.decode(inherited)
                        : Backends.start(HostEnvironment.system());
                SdkDefaults.pointAt(started);
                backend = started;
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
}
