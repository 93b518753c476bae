package dev.arcade.kit.sdk;

import dev.arcade.kit.backend.Backend;
import dev.arcade.kit.backend.Endpoints;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.xray.XRayClient;

/**
 * The one place where the kit builds SDK clients for grading.
 *
 * <p>Each client is built once per JVM and shared; SDK clients are thread-safe. Why each setting:
 * <ul>
 *   <li>endpoint: the backend, always a loopback address for emulators;</li>
 *   <li>region: one for everything ({@value Backend#REGION}), because emulators keep data per region;</li>
 *   <li>credentials: dummy static ones, so nothing reads {@code ~/.aws} or the user's environment,
 *       and a signature is still sent (moto routes unsigned requests to S3);</li>
 *   <li>no proxy for a loopback backend: a proxy set for the internet ({@code HTTP_PROXY},
 *       {@code http.proxyHost}) cannot reach this machine's emulator;</li>
 *   <li>retries off: a test's first answer is the one it grades, and moto's HTTP 500s would
 *       otherwise be retried three times, which only makes a failing test slow;</li>
 *   <li>marked as the kit's: the {@link ApiCalls} recorder and {@link FaultPlan} leave these calls alone,
 *       so a test's own setup never counts as the learner's work.</li>
 * </ul>
 */
public final class AwsClients {
    /** The dummy credentials of every emulator backend. */
    public static final AwsBasicCredentials DUMMY_CREDENTIALS = AwsBasicCredentials.create("workshop", "workshop");

    private final Backend backend;
    private final boolean forCodeUnderTest;
    private final SdkHttpClient http;
    private final Map<Class<?>, Object> cache = new ConcurrentHashMap<>();
    private AwsClients codeUnderTest;

    AwsClients(Backend backend) {
        this(backend, false, httpClient(backend));
    }

    private static SdkHttpClient httpClient(Backend backend) {
        UrlConnectionHttpClient.Builder http = UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(5))
                .socketTimeout(Duration.ofSeconds(30));
        if (Endpoints.isLoopback(backend.endpoint().getHost())) {
            // the SDK would otherwise take HTTP_PROXY or http.proxyHost, and send loopback calls there
            http.proxyConfiguration(p -> p.useEnvironmentVariablesValues(false).useSystemPropertyValues(false));
        }
        return http.build();
    }

    private AwsClients(Backend backend, boolean forCodeUnderTest, SdkHttpClient http) {
        this.backend = backend;
        this.forCodeUnderTest = forCodeUnderTest;
        this.http = http;
    }

    /**
     * Clients to hand to the code under test: the same backend, but configured as
     * {@code XxxClient.create()} would be (the SDK's default retry policy), and recorded by
     * {@link ApiCalls} and subject to {@link FaultPlan}. Tests receive them with {@code @CodeUnderTest}.
     */
    public synchronized AwsClients forCodeUnderTest() {
        if (forCodeUnderTest) {
            return this;
        }
        if (codeUnderTest == null) {
            codeUnderTest = new AwsClients(backend, true, http);
        }
        return codeUnderTest;
    }

    /** DynamoDB. */
    public DynamoDbClient dynamoDb() {
        return cached(
                DynamoDbClient.class, () -> configure(DynamoDbClient.builder()).build());
    }

    /** DynamoDB Streams. */
    public DynamoDbStreamsClient dynamoDbStreams() {
        return cached(
                DynamoDbStreamsClient.class,
                () -> configure(DynamoDbStreamsClient.builder()).build());
    }

    /** The DynamoDB Enhanced Client, over {@link #dynamoDb()}. */
    public DynamoDbEnhancedClient dynamoDbEnhanced() {
        return cached(
                DynamoDbEnhancedClient.class,
                () -> DynamoDbEnhancedClient.builder()
                        .dynamoDbClient(dynamoDb())
                        .build());
    }

    /** IAM. */
    public IamClient iam() {
        return cached(IamClient.class, () -> configure(IamClient.builder()).build());
    }

    /** STS. */
    public StsClient sts() {
        return cached(StsClient.class, () -> configure(StsClient.builder()).build());
    }

    /** Lambda, through the kit's Lambda runtime, which runs invokes and forwards the rest to the backend. */
    public LambdaClient lambda() {
        return cached(
                LambdaClient.class,
                () -> configure(LambdaClient.builder())
                        .endpointOverride(JvmState.lambdaRuntime().endpoint())
                        .build());
    }

    /** The backend's own Lambda API, for the kit's Lambda runtime (never for tests or learners). */
    LambdaClient backendLambda() {
        return cached(
                        BackendLambda.class,
                        () -> new BackendLambda(
                                configure(LambdaClient.builder(), false).build()))
                .client();
    }

    private record BackendLambda(LambdaClient client) {}

    /** CloudWatch (metrics and alarms). */
    public CloudWatchClient cloudWatch() {
        return cached(
                CloudWatchClient.class,
                () -> configure(CloudWatchClient.builder()).build());
    }

    /** CloudWatch Logs. */
    public CloudWatchLogsClient cloudWatchLogs() {
        return cached(
                CloudWatchLogsClient.class,
                () -> configure(CloudWatchLogsClient.builder()).build());
    }

    /** X-Ray. */
    public XRayClient xRay() {
        return cached(XRayClient.class, () -> configure(XRayClient.builder()).build());
    }

    /** The client of type {@code type}, or null when the kit does not make that type. */
    public Object byType(Class<?> type) {
        if (type == DynamoDbClient.class) return dynamoDb();
        if (type == DynamoDbStreamsClient.class) return dynamoDbStreams();
        if (type == DynamoDbEnhancedClient.class) return dynamoDbEnhanced();
        if (type == IamClient.class) return iam();
        if (type == StsClient.class) return sts();
        if (type == LambdaClient.class) return lambda();
        if (type == CloudWatchClient.class) return cloudWatch();
        if (type == CloudWatchLogsClient.class) return cloudWatchLogs();
        if (type == XRayClient.class) return xRay();
        return null;
    }

    /** Whether {@link #byType(Class)} makes this type. */
    public static boolean makes(Class<?> type) {
        return type == DynamoDbClient.class
                || type == DynamoDbStreamsClient.class
                || type == DynamoDbEnhancedClient.class
                || type == IamClient.class
                || type == StsClient.class
                || type == LambdaClient.class
                || type == CloudWatchClient.class
                || type == CloudWatchLogsClient.class
                || type == XRayClient.class;
    }

    /**
     * Applies the grading settings to any client builder, for a client the kit does not make.
     *
     * @param recorded whether the calls count as the code under test's (false for the kit's own)
     */
    public <B extends AwsSyncClientBuilder<B, ?> & AwsClientBuilder<B, ?>> B configure(B builder, boolean recorded) {
        builder.endpointOverride(backend.endpoint())
                .region(Region.of(Backend.REGION))
                .credentialsProvider(StaticCredentialsProvider.create(DUMMY_CREDENTIALS))
                .httpClient(http)
                .overrideConfiguration(o -> {
                    o.retryStrategy(AwsRetryStrategy.doNotRetry());
                    o.apiCallTimeout(Duration.ofSeconds(30));
                    if (!recorded) {
                        o.putExecutionAttribute(ApiCallRecorder.KIT_CLIENT, Boolean.TRUE);
                    }
                });
        return builder;
    }

    private <B extends AwsSyncClientBuilder<B, ?> & AwsClientBuilder<B, ?>> B configure(B builder) {
        if (forCodeUnderTest) {
            builder.endpointOverride(backend.endpoint())
                    .region(Region.of(Backend.REGION))
                    .credentialsProvider(StaticCredentialsProvider.create(DUMMY_CREDENTIALS))
                    .httpClient(http);
            return builder;
        }
        return configure(builder, false);
    }

    @SuppressWarnings("unchecked")
    private <T> T cached(Class<T> type, Supplier<T> make) {
        return (T) cache.computeIfAbsent(type, t -> make.get());
    }
}
