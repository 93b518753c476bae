package dev.arcade.kit.backend;

import java.net.URI;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A backend started by another JVM (the grader) and handed to this one, so that a grading JVM can
 * be restarted after a crash without restarting the emulator. Closing it leaves the emulator alone.
 *
 * <p>It travels as one system property, {@value #PROPERTY}: kind, endpoint, account, capabilities
 * and the backend line, separated by {@code |}.
 */
public final class InheritedBackend implements Backend {
    /** The system property that carries a backend to a child JVM. */
    public static final String PROPERTY = "workshop.inherited.backend";

    private final BackendKind kind;
    private final URI endpoint;
    private final String accountId;
    private final Set<Capability> capabilities;
    private final String description;

    private InheritedBackend(
            BackendKind kind, URI endpoint, String accountId, Set<Capability> capabilities, String description) {
        this.kind = kind;
        this.endpoint = endpoint;
        this.accountId = accountId;
        this.capabilities = capabilities;
        this.description = description;
    }

    /** The property value that hands {@code backend} to a child JVM. */
    public static String encode(Backend backend) {
        return String.join(
                "|",
                backend.kind().name(),
                backend.endpoint().toString(),
                backend.accountId(),
                backend.capabilities().stream().map(Enum::name).collect(Collectors.joining(",")),
                backend.describe().replace('|', '/'));
    }

    /** The backend a parent JVM handed over; its endpoint is checked like any other. */
    public static InheritedBackend decode(String value) {
        String[] parts = value.split("\\|", 5);
        if (parts.length != 5) {
            throw new BackendUnavailableException("-D" + PROPERTY + " is malformed; let ./workshop set it.");
        }
        Set<Capability> caps = EnumSet.noneOf(Capability.class);
        Arrays.stream(parts[3].split(","))
                .filter(s -> !s.isBlank())
                .map(Capability::valueOf)
                .forEach(caps::add);
        URI endpoint =
                Endpoints.checked(PROPERTY, parts[1], Settings.fromSystem().isTrue(Settings.ALLOW_REMOTE_ENDPOINT));
        return new InheritedBackend(BackendKind.valueOf(parts[0]), endpoint, parts[2], caps, parts[4]);
    }

    @Override
    public BackendKind kind() {
        return kind;
    }

    @Override
    public URI endpoint() {
        return endpoint;
    }

    @Override
    public String accountId() {
        return accountId;
    }

    @Override
    public Set<Capability> capabilities() {
        return capabilities;
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public void close() {
        // the parent JVM owns it
    }
}
