package dev.arcade.grader.cli;

import dev.arcade.kit.backend.Backend;
import dev.arcade.kit.backend.BackendSelector;
import dev.arcade.kit.backend.BackendUnavailableException;
import dev.arcade.kit.backend.Backends;
import dev.arcade.kit.backend.HostEnvironment;
import dev.arcade.kit.backend.Selection;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * Starts the backend for a command and prints the backend line.
 *
 * <p>The choice is made at once, so a backend that cannot run here stops the command before any
 * work; the start itself (about a second for moto) runs while the modules compile.
 */
final class BackendStarter {
    private BackendStarter() {}

    static Supplier<Backend> startInBackground(Console c) {
        HostEnvironment host = HostEnvironment.system();
        Selection selection = BackendSelector.select(host);
        CompletableFuture<Backend> started =
                CompletableFuture.supplyAsync(() -> Backends.start(selection, host.settings()));
        return () -> {
            try {
                Backend b = started.get();
                c.println(c.dim(b.describe()));
                return b;
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                throw new BackendUnavailableException("The backend did not start: " + e.getCause(), e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BackendUnavailableException("Interrupted while the backend started.", e);
            }
        };
    }
}
