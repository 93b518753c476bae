package dev.arcade.kit.cli;

import dev.arcade.kit.backend.Backend;
import dev.arcade.kit.backend.HostEnvironment;

/** Starts the backend for a command and prints the backend line. */
final class BackendStarter {
    private BackendStarter() {}

    static Backend start(Console c) {
        c.progress("Starting the backend…");
        Backend b = dev.arcade.kit.backend.Backends.start(HostEnvironment.system());
        c.println(c.dim(b.describe()));
        return b;
    }
}
