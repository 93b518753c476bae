package dev.arcade.kit.backend;

import dev.arcade.kit.sdk.JvmState;

/** Run by {@link MotoLifecycleTest}: starts moto, prints its pid, then ends the way the test asks. */
public final class MotoLifecycleProbe {
    public static void main(String[] args) throws InterruptedException, java.io.IOException {
        MotoServer moto = (MotoServer) JvmState.backend();
        System.out.println("PID=" + moto.pid());
        System.out.println("STARTED_MS=" + moto.startTime().toMillis());
        System.out.flush();
        new java.io.BufferedReader(new java.io.InputStreamReader(System.in)).readLine(); // the test's go-ahead
        switch (args[0]) {
            case "exit" -> System.exit(0);
            case "crash" -> Runtime.getRuntime().halt(3); // no shutdown hooks at all
            default -> Thread.sleep(120_000); // the test kills us
        }
    }
}
