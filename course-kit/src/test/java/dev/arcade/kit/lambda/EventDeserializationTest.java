package dev.arcade.kit.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arcade.kit.AwsTest;
import dev.arcade.kit.ResourceNames;
import dev.arcade.kit.backend.Backend;
import dev.arcade.kit.lambda.demo.EventDescribers;
import dev.arcade.lambda.LambdaRuntime;
import dev.arcade.lambda.runtime.Invocation;
import dev.arcade.lambda.triggers.ApiGatewayHttpEvent;
import dev.arcade.lambda.triggers.ApiGatewayRestEvent;
import dev.arcade.lambda.triggers.EventBridgeEvent;
import dev.arcade.lambda.triggers.S3ObjectCreatedEvent;
import dev.arcade.lambda.triggers.SnsEvent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * The runtime deserializes events as aws-lambda-java-tests' EventLoader does (both over the Java
 * runtime's serialization library): each function answers with the event it received, field by
 * field, and the test compares that with EventLoader's reading of the same JSON.
 */
@AwsTest
@DisplayName("Events arrive in a function as EventLoader reads them")
class EventDeserializationTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static byte[] zip;
    private Deployer deployer;
    private LambdaRuntime runtime;

    @TempDir
    Path folder;

    @BeforeEach
    void setUp(IamClient iam, LambdaClient lambda, ResourceNames names, LambdaRuntime runtime) {
        deployer = new Deployer(iam, lambda, names);
        this.runtime = runtime;
        if (zip == null) {
            zip = FunctionPackage.builder()
                    .classes(EventDescribers.class)
                    .lambdaEvents()
                    .zip();
        }
    }

    private void sameAsEventLoader(Class<?> handler, String json, Function<String, Object> loader) throws Exception {
        String name = deployer.deploy(zip, handler.getName() + "::handleRequest", Map.of(), 10);
        Invocation invocation = runtime.invoke(name, json, "api");
        assertThat(invocation.failed()).as(invocation.payloadText()).isFalse();
        Path file = folder.resolve(handler.getSimpleName() + ".json");
        Files.writeString(file, json, StandardCharsets.UTF_8);
        String expected = loader.apply(file.toString()).toString();
        assertThat(JSON.readTree(invocation.payload()).asText()).isEqualTo(expected);
    }

    private static String resource(String name) throws Exception {
        try (var in = EventDeserializationTest.class.getResourceAsStream("/lambda-events/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    @DisplayName("an API Gateway REST proxy event")
    void apiGatewayRest() throws Exception {
        String json = ApiGatewayRestEvent.builder()
                .region(Backend.REGION)
                .account("111122223333")
                .apiId("a1b2c3d4e5")
                .stage("prod")
                .request("POST", "/scores/{player}", "/scores/ada")
                .pathParameter("player", "ada")
                .query("game", "tetris")
                .header("Content-Type", "application/json")
                .body("{\"score\":4200}")
                .random(new Random(5))
                .build()
                .toJsonString();
        sameAsEventLoader(
                EventDescribers.ApiRest.class, json, f -> EventLoader.loadEvent(f, APIGatewayProxyRequestEvent.class));
    }

    @Test
    @DisplayName("an API Gateway HTTP API event (payload 2.0)")
    void httpApi() throws Exception {
        String json = ApiGatewayHttpEvent.builder()
                .region(Backend.REGION)
                .account("111122223333")
                .apiId("h1t2t3p4a5")
                .stage("$default")
                .request("GET /scores/{player}", "GET", "/scores/ada")
                .pathParameter("player", "ada")
                .cookie("session=abc")
                .random(new Random(6))
                .build()
                .toJsonString();
        sameAsEventLoader(
                EventDescribers.HttpApi.class, json, f -> EventLoader.loadEvent(f, APIGatewayV2HTTPEvent.class));
    }

    @Test
    @DisplayName("an S3 object-created event, with a key that needs URL encoding and a time")
    void s3() throws Exception {
        String json = S3ObjectCreatedEvent.builder()
                .region(Backend.REGION)
                .account("111122223333")
                .bucket("arcade-replays")
                .key("ada/run 1.bin")
                .size(1234)
                .time(Instant.parse("2026-12-01T10:15:30Z"))
                .random(new Random(7))
                .build()
                .toJsonString();
        sameAsEventLoader(EventDescribers.S3.class, json, f -> EventDescribers.S3.describe(EventLoader.loadS3Event(f)));
    }

    @Test
    @DisplayName("an EventBridge scheduled event")
    void scheduled() throws Exception {
        String json = EventBridgeEvent.scheduled(
                        Backend.REGION, "111122223333", "nightly", Instant.parse("2026-12-01T00:00:00Z"), new Random(8))
                .toJsonString();
        sameAsEventLoader(EventDescribers.Scheduled.class, json, EventLoader::loadScheduledEvent);
    }

    @Test
    @DisplayName("an SNS notification")
    void sns() throws Exception {
        String json = SnsEvent.builder("arn:aws:sns:us-east-1:111122223333:new-best")
                .message("{\"player\":\"ada\"}")
                .subject("New best")
                .attribute("game", "String", "tetris")
                .build()
                .toJsonString();
        sameAsEventLoader(EventDescribers.Sns.class, json, EventLoader::loadSNSEvent);
    }

    @Test
    @DisplayName("an SQS batch")
    void sqs() throws Exception {
        sameAsEventLoader(EventDescribers.Sqs.class, resource("sqs.json"), EventLoader::loadSQSEvent);
    }

    @Test
    @DisplayName("a DynamoDB stream batch with every attribute type")
    void dynamoDb() throws Exception {
        sameAsEventLoader(EventDescribers.Dynamo.class, resource("dynamodb.json"), EventLoader::loadDynamoDbEvent);
    }
}
