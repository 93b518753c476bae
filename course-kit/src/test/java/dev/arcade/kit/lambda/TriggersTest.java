package dev.arcade.kit.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arcade.kit.AwsTest;
import dev.arcade.kit.ResourceNames;
import dev.arcade.kit.backend.Backend;
import dev.arcade.kit.lambda.demo.GatewayHandler;
import dev.arcade.kit.lambda.demo.Greeter;
import dev.arcade.lambda.LambdaRuntime;
import dev.arcade.lambda.Triggers;
import dev.arcade.lambda.triggers.ApiGatewayRestEvent;
import dev.arcade.lambda.triggers.EventBridgeEvent;
import dev.arcade.lambda.triggers.S3ObjectCreatedEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;

@AwsTest
@DisplayName("Triggers reach a function only as its function policy allows")
class TriggersTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private Deployer deployer;
    private LambdaClient lambda;
    private Triggers triggers;
    private String account;

    @BeforeEach
    void setUp(IamClient iam, LambdaClient lambda, ResourceNames names, LambdaRuntime runtime, Backend backend) {
        this.deployer = new Deployer(iam, lambda, names);
        this.lambda = lambda;
        this.triggers = runtime.triggers();
        this.account = backend.accountId();
    }

    private ApiGatewayRestEvent scoresRequest(String apiId) {
        return ApiGatewayRestEvent.builder()
                .region(Backend.REGION)
                .account(account)
                .apiId(apiId)
                .stage("prod")
                .request("POST", "/scores/{player}", "/scores/ada")
                .pathParameter("player", "ada")
                .body("{\"score\":4200}")
                .random(new Random(7))
                .build();
    }

    @Test
    @DisplayName("API Gateway answers 500 until AddPermission names its API, then the function's answer")
    void apiGatewayNeedsThePermission(LambdaRuntime runtime) throws Exception {
        byte[] zip = FunctionPackage.builder()
                .classes(GatewayHandler.class)
                .lambdaEvents()
                .zip();
        String name = deployer.deploy(zip, GatewayHandler.class.getName() + "::handleRequest", Map.of(), 5);
        ApiGatewayRestEvent request = scoresRequest("a1b2c3d4e5");

        Triggers.GatewayReply before = triggers.apiGateway(request, name);
        assertThat(before.response().statusCode()).isEqualTo(500);
        assertThat(JSON.readTree(before.response().bodyText()).path("message").asText())
                .isEqualTo("Internal server error");
        assertThat(before.delivery().delivered()).isFalse();

        lambda.addPermission(b -> b.functionName(name)
                .statementId("other-api")
                .action("lambda:InvokeFunction")
                .principal("apigateway.amazonaws.com")
                .sourceArn("arn:aws:execute-api:" + Backend.REGION + ":" + account + ":zzzzzzzzzz/*/POST/scores/*"));
        assertThat(triggers.apiGateway(request, name).response().statusCode())
                .as("a permission for another API does not let this one invoke")
                .isEqualTo(500);

        lambda.addPermission(b -> b.functionName(name)
                .statementId("scores-api")
                .action("lambda:InvokeFunction")
                .principal("apigateway.amazonaws.com")
                .sourceArn("arn:aws:execute-api:" + Backend.REGION + ":" + account + ":a1b2c3d4e5/*/POST/scores/*"));
        Triggers.GatewayReply after = triggers.apiGateway(request, name);
        assertThat(after.response().statusCode())
                .as(after.response().why() + " " + after.delivery().invocation().payloadText())
                .isEqualTo(201);
        assertThat(JSON.readTree(after.response().bodyText()).path("player").asText())
                .isEqualTo("ada");
        assertThat(runtime.invocationsOf(name)).hasSize(1);
        assertThat(runtime.invocationsOf(name).get(0).source()).isEqualTo("apigateway.amazonaws.com");
    }

    @Test
    @DisplayName("S3 invokes only with a permission for its bucket and account; another account's bucket is refused")
    void s3NeedsBucketAndAccount() {
        String name = deployer.deploy(
                FunctionPackage.builder().classes(Greeter.class).zip(),
                Greeter.class.getName() + "::handleRequest",
                Map.of(),
                5);
        S3ObjectCreatedEvent upload = S3ObjectCreatedEvent.builder()
                .region(Backend.REGION)
                .account(account)
                .bucket("arcade-uploads")
                .key("replays/ada 1.bin")
                .size(2048)
                .random(new Random(3))
                .build();
        lambda.addPermission(b -> b.functionName(name)
                .statementId("s3")
                .action("lambda:InvokeFunction")
                .principal("s3.amazonaws.com")
                .sourceArn("arn:aws:s3:::arcade-uploads")
                .sourceAccount("111122223333"));

        Triggers.Delivery refused = triggers.deliver(upload, name);
        assertThat(refused.delivered()).isFalse();
        assertThat(refused.reason()).isNotBlank();

        lambda.addPermission(b -> b.functionName(name)
                .statementId("s3-own")
                .action("lambda:InvokeFunction")
                .principal("s3.amazonaws.com")
                .sourceArn("arn:aws:s3:::arcade-uploads")
                .sourceAccount(account));
        Triggers.Delivery delivered = triggers.deliver(upload, name);
        assertThat(delivered.delivered()).as(String.valueOf(delivered.reason())).isTrue();
        assertThat(delivered.invocation().failed())
                .as(delivered.invocation().payloadText())
                .isFalse();
    }

    @Test
    @DisplayName("an EventBridge rule invokes only events its pattern matches, and only with a permission for the rule")
    void eventBridgePatternAndPermission() {
        String name = deployer.deploy(
                FunctionPackage.builder().classes(Greeter.class).zip(),
                Greeter.class.getName() + "::handleRequest",
                Map.of(),
                5);
        String rule = EventBridgeEvent.ruleArn(Backend.REGION, account, "default", "new-best");
        EventBridgeEvent tetris = EventBridgeEvent.custom(
                Backend.REGION,
                account,
                rule,
                "arcade.scores",
                "NewPersonalBest",
                JSON.createObjectNode().put("game", "tetris").put("score", 4200),
                List.of(),
                Instant.now(),
                new Random(1));
        String pattern = "{\"source\":[\"arcade.scores\"],\"detail\":{\"game\":[\"snake\"]}}";

        Triggers.Delivery notMatched = triggers.eventBridge(pattern, tetris, name);
        assertThat(notMatched.delivered()).isFalse();
        assertThat(notMatched.reason()).contains("pattern");

        String tetrisPattern = "{\"source\":[\"arcade.scores\"],\"detail\":{\"game\":[\"tetris\"]}}";
        assertThat(triggers.eventBridge(tetrisPattern, tetris, name).delivered())
                .as("no permission for the rule yet")
                .isFalse();
        lambda.addPermission(b -> b.functionName(name)
                .statementId("rule")
                .action("lambda:InvokeFunction")
                .principal("events.amazonaws.com")
                .sourceArn(rule));
        assertThat(triggers.eventBridge(tetrisPattern, tetris, name).delivered())
                .isTrue();
    }
}
