package dev.arcade.kit.backend;

import java.net.URI;
import java.util.Set;

/**
 * A running AWS-compatible service that the tests talk to: an emulator on this machine.
 *
 * <p>There is one per JVM; {@link dev.arcade.kit.sdk.JvmState#backend()} starts it on first use and
 * stops it when the JVM ends.
 */
public interface Backend extends AutoCloseable {

    /** The region every client uses; emulators keep data per region, so one is used everywhere. */
    String REGION = "us-east-1";

    /** The backend's kind, for example {@link BackendKind#MOTO}. */
    BackendKind kind();

    /** Where every AWS API call goes, for example {@code http://127.0.0.1:50123}. */
    URI endpoint();

    /**
     * The account id the backend answers with: {@code 246813579024} on the moto the course starts,
     * {@code 123456789012} on a moto of your own, {@code 000000000000} on LocalStack and Floci.
     */
    String accountId();

    /** What this backend really does; see {@link Capability}. */
    Set<Capability> capabilities();

    /** Whether this backend really does {@code capability}. */
    default boolean can(Capability capability) {
        return capabilities().contains(capability);
    }

    /** One line for people: which backend, why it was chosen, and where it listens. */
    String describe();

    /** Stops the backend if the kit started it; a no-op for one the user runs. */
    @Override
    void close();
}
