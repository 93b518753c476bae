package dev.arcade.kit.backend;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The values of {@code WORKSHOP_BACKEND}. */
public enum BackendKind {
    /** Pick the first that works here: endpoint, localstack, moto, floci. */
    AUTO,
    /** An emulator the user already runs, at {@code WORKSHOP_ENDPOINT}. */
    ENDPOINT,
    /** LocalStack in Docker through Testcontainers (needs {@code LOCALSTACK_AUTH_TOKEN}). */
    LOCALSTACK,
    /** moto_server, started by the kit on a free loopback port; no Docker needed. */
    MOTO,
    /** Floci in Docker through Testcontainers; no token needed. */
    FLOCI,
    /** Real AWS; not supported yet. */
    AWS;

    /** The lower-case name used in settings and messages. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a setting value, ignoring case and surrounding blanks. */
    public static Optional<BackendKind> parse(String value) {
        String v = value.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(k -> k.name().equals(v)).findFirst();
    }

    /** "auto, endpoint, localstack, moto, floci, aws", for messages. */
    public static String choices() {
        return Arrays.stream(values()).map(BackendKind::id).collect(Collectors.joining(", "));
    }
}
