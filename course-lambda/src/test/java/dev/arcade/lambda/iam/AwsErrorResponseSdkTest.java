package dev.arcade.lambda.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * The AWS SDK for Java v2's own unmarshallers read each {@link AwsErrorResponse#accessDenied} shape as the
 * service's AccessDenied error: a loopback {@link HttpServer} answers with the bytes, a real client calls it.
 * Sources: Smithy "AWS JSON 1.0 protocol", "AWS JSON 1.1 protocol", "AWS query protocol" and "AWS restJson1
 * protocol" (error serialization).
 */
@DisplayName("AccessDenied responses as the SDK reads them")
class AwsErrorResponseSdkTest {

    private static final String MESSAGE = "User: arn:aws:sts::123456789012:assumed-role/ScoresRole/submit-score is"
            + " not authorized to perform: dynamodb:PutItem on resource: arn:aws:dynamodb:us-east-1:123456789012:"
            + "table/Scores because no identity-based policy allows the dynamodb:PutItem action";

    private static final AtomicReference<AwsErrorResponse> NEXT = new AtomicReference<>();
    private static HttpServer server;
    private static URI endpoint;

    @BeforeAll
    static void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            AwsErrorResponse r = NEXT.get();
            r.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            byte[] body = r.body();
            exchange.sendResponseHeaders(r.status(), body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    private static StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsSessionCredentials.create("ASIAEXAMPLE", "secret", "token"));
    }

    @Test
    @DisplayName("DynamoDB reads the JSON 1.0 shape as AccessDeniedException with AWS's message")
    void dynamodb() {
        NEXT.set(AwsErrorResponse.accessDenied(AwsErrorResponse.Protocol.JSON_10, MESSAGE, "rid-1"));
        try (DynamoDbClient client = DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(credentials())
                .httpClient(UrlConnectionHttpClient.create())
                .build()) {
            AwsServiceException e = catchThrowableOfType(
                    AwsServiceException.class,
                    () -> client.putItem(r ->
                            r.tableName("Scores").item(java.util.Map.of("playerId", AttributeValue.fromS("p-1")))));
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(MESSAGE);
            assertThat(e.statusCode()).isEqualTo(400);
            assertThat(e.requestId()).isEqualTo("rid-1");
        }
    }

    @Test
    @DisplayName("CloudWatch Logs reads the JSON 1.1 shape as AccessDeniedException")
    void logs() {
        NEXT.set(AwsErrorResponse.accessDenied(AwsErrorResponse.Protocol.JSON_11, MESSAGE, "rid-2"));
        try (CloudWatchLogsClient client = CloudWatchLogsClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(credentials())
                .httpClient(UrlConnectionHttpClient.create())
                .build()) {
            AwsServiceException e = catchThrowableOfType(
                    AwsServiceException.class, () -> client.createLogGroup(r -> r.logGroupName("/aws/lambda/x")));
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(MESSAGE);
        }
    }

    @Test
    @DisplayName("Lambda reads the REST JSON shape (x-amzn-ErrorType) as AccessDeniedException with status 403")
    void lambda() {
        NEXT.set(AwsErrorResponse.accessDenied(AwsErrorResponse.Protocol.REST_JSON, MESSAGE, "rid-3"));
        try (LambdaClient client = LambdaClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(credentials())
                .httpClient(UrlConnectionHttpClient.create())
                .build()) {
            AwsServiceException e = catchThrowableOfType(
                    AwsServiceException.class,
                    () -> client.invoke(r -> r.functionName("leaderboard").payload(SdkBytes.fromUtf8String("{}"))));
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(MESSAGE);
            assertThat(e.statusCode()).isEqualTo(403);
        }
    }

    @Test
    @DisplayName("IAM (query protocol) reads the XML ErrorResponse as AccessDenied with status 403")
    void query() {
        NEXT.set(AwsErrorResponse.accessDenied(AwsErrorResponse.Protocol.QUERY, MESSAGE, "rid-4"));
        try (IamClient client = IamClient.builder()
                .endpointOverride(endpoint)
                .region(Region.AWS_GLOBAL)
                .credentialsProvider(credentials())
                .httpClient(UrlConnectionHttpClient.create())
                .build()) {
            AwsServiceException e = catchThrowableOfType(AwsServiceException.class, () -> client.listRoles());
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(MESSAGE);
            assertThat(e.statusCode()).isEqualTo(403);
            assertThat(e.requestId()).isEqualTo("rid-4");
        }
    }

    @Test
    @DisplayName("a message with quotes and angle brackets survives JSON and XML escaping")
    void escaping() {
        String tricky = "User: x is not authorized to perform: s3:GetObject on resource: arn:aws:s3:::b/\"<k>&\"";
        NEXT.set(AwsErrorResponse.accessDenied(AwsErrorResponse.Protocol.QUERY, tricky, "rid-5"));
        try (IamClient client = IamClient.builder()
                .endpointOverride(endpoint)
                .region(Region.AWS_GLOBAL)
                .credentialsProvider(credentials())
                .httpClient(UrlConnectionHttpClient.create())
                .build()) {
            AwsServiceException e = catchThrowableOfType(AwsServiceException.class, () -> client.listRoles());
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(tricky);
        }
        NEXT.set(AwsErrorResponse.accessDenied(AwsErrorResponse.Protocol.JSON_10, tricky, "rid-6"));
        try (DynamoDbClient client = DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(credentials())
                .httpClient(UrlConnectionHttpClient.create())
                .build()) {
            AwsServiceException e = catchThrowableOfType(AwsServiceException.class, () -> client.listTables());
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(tricky);
        }
    }
}
