package dev.arcade.kit.backend;

import java.net.URI;
import java.util.EnumSet;
import java.util.Set;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * LocalStack or Floci in Docker, through Testcontainers, with pinned image tags.
 *
 * <p>Neither can start on a machine without Docker; {@link BackendSelector} refuses them there
 * before this class is touched. Their capabilities are what their free editions document; IAM
 * enforcement and X-Ray are paid LocalStack tiers and are not claimed.
 */
final class ContainerBackend implements Backend {

    /** Images 4.15 and newer need {@code LOCALSTACK_AUTH_TOKEN}. Not started on the course's CI (no Docker there). */
    static final String LOCALSTACK_IMAGE = "localstack/localstack:4.15.0";
    /** Floci, MIT, no token; a drop-in for LocalStack's port and API. */
    static final String FLOCI_IMAGE = "floci/floci:2.3.0";

    private static final int EDGE_PORT = 4566;

    private final BackendKind kind;
    private final GenericContainer<?> container;
    private final URI endpoint;
    private final String reason;

    private ContainerBackend(BackendKind kind, GenericContainer<?> container, String reason) {
        this.kind = kind;
        this.container = container;
        this.reason = reason;
        this.endpoint = URI.create("http://" + container.getHost() + ":" + container.getMappedPort(EDGE_PORT));
    }

    static ContainerBackend localstack(String token, String reason) {
        LocalStackContainer container = new LocalStackContainer(DockerImageName.parse(LOCALSTACK_IMAGE))
                .withServices("dynamodb", "iam", "sts", "lambda", "cloudwatch", "logs", "xray")
                .withEnv("LOCALSTACK_AUTH_TOKEN", token);
        container.start();
        return new ContainerBackend(BackendKind.LOCALSTACK, container, reason);
    }

    static ContainerBackend floci(String reason) {
        GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse(FLOCI_IMAGE))
                .withExposedPorts(EDGE_PORT)
                .waitingFor(Wait.forListeningPort());
        container.start();
        return new ContainerBackend(BackendKind.FLOCI, container, reason);
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
        return "000000000000";
    }

    @Override
    public Set<Capability> capabilities() {
        Set<Capability> caps = EnumSet.of(
                Capability.DYNAMODB,
                Capability.DYNAMODB_STREAMS,
                Capability.IAM_API,
                Capability.STS,
                Capability.LAMBDA_API,
                // the kit runs functions itself (dev.arcade.lambda), on every backend
                Capability.LAMBDA_EXECUTION,
                Capability.CLOUDWATCH_API,
                Capability.LOGS_API);
        if (kind == BackendKind.LOCALSTACK) {
            caps.addAll(EnumSet.of(Capability.IAM_MANAGED_POLICIES, Capability.CLOUDWATCH_ALARM_EVALUATION));
        }
        return caps;
    }

    @Override
    public String describe() {
        String image = kind == BackendKind.LOCALSTACK ? LOCALSTACK_IMAGE : FLOCI_IMAGE;
        return "Backend: " + kind.id() + " (" + reason + ", image " + image + ") at " + endpoint;
    }

    @Override
    public void close() {
        container.stop();
    }
}
