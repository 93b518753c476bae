package dev.arcade.kit.backend;

import java.net.URI;

/**
 * The outcome of choosing a backend: which one, why, and what is needed to start it.
 *
 * @param kind the backend chosen (never {@link BackendKind#AUTO})
 * @param reason why, in a few words, for the backend line
 * @param endpoint the address for {@link BackendKind#ENDPOINT}, else null
 * @param moto how to start moto for {@link BackendKind#MOTO}, else null
 * @param endpointSetting the setting that named {@code endpoint}, as the learner set it
 *     ({@code AWS_ENDPOINT_URL}, {@code -Dworkshop.endpoint}), so that a message can tell them what to
 *     change; else null
 */
public record Selection(
        BackendKind kind, String reason, URI endpoint, HostEnvironment.MotoCommand moto, String endpointSetting) {

    /** A selection that names no endpoint setting. */
    public Selection(BackendKind kind, String reason, URI endpoint, HostEnvironment.MotoCommand moto) {
        this(kind, reason, endpoint, moto, null);
    }
}
