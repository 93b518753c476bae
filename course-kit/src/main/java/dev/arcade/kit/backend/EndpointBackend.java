package dev.arcade.kit.backend;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

/**
 * An emulator the user runs, at {@code WORKSHOP_ENDPOINT} (or {@code AWS_ENDPOINT_URL}).
 *
 * <p>The kit does not own it, so {@link #close()} leaves it running. Its kind is recognised from
 * its control API so that its capabilities (and moto's Lambda switch) can be set right.
 */
final class EndpointBackend implements Backend {
    private final URI endpoint;
    private final String reason;
    private final boolean moto;

    private EndpointBackend(URI endpoint, String reason, boolean moto) {
        this.endpoint = endpoint;
        this.reason = reason;
        this.moto = moto;
    }

    /**
     * Connects to the emulator at {@code endpoint}.
     *
     * @param setting the setting that named it, as the learner set it ({@code AWS_ENDPOINT_URL}), for the
     *     message when nothing answers there
     */
    static EndpointBackend connect(URI endpoint, String reason, String setting) {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
        try {
            HttpResponse<Void> r = http.send(
                    HttpRequest.newBuilder(endpoint.resolve("/moto-api/"))
                            .timeout(Duration.ofSeconds(3))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            boolean moto = r.statusCode() == 200;
            if (moto) {
                MotoServer.configureLambdaWithoutDocker(http, endpoint);
            }
            return new EndpointBackend(endpoint, reason, moto);
        } catch (java.io.IOException e) {
            throw new BackendUnavailableException(
                    "Nothing answers at " + endpoint + ", which " + setting + " names ("
                            + e.getClass().getSimpleName() + "); start your emulator there, or "
                            + (setting.startsWith("-D") ? "remove " : "unset ") + setting
                            + " to let the course start moto.",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BackendUnavailableException("Interrupted while connecting to " + endpoint + ".", e);
        }
    }

    @Override
    public BackendKind kind() {
        return BackendKind.ENDPOINT;
    }

    @Override
    public URI endpoint() {
        return endpoint;
    }

    @Override
    public String accountId() {
        return moto ? "123456789012" : "000000000000";
    }

    @Override
    public Set<Capability> capabilities() {
        // Without knowing the emulator, claim only the plain APIs every one of them serves.
        return moto
                ? MotoServer.CAPABILITIES
                : EnumSet.of(
                        Capability.DYNAMODB,
                        Capability.IAM_API,
                        Capability.STS,
                        Capability.LAMBDA_API,
                        // the kit runs functions itself (dev.arcade.lambda), on every backend
                        Capability.LAMBDA_EXECUTION,
                        Capability.CLOUDWATCH_API,
                        Capability.LOGS_API);
    }

    @Override
    public String describe() {
        return "Backend: endpoint (" + reason + (moto ? ", moto recognised" : "") + ") at " + endpoint;
    }

    @Override
    public void close() {
        // not ours to stop
    }
}
