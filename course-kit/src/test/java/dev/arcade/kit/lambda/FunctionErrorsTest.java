package dev.arcade.kit.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arcade.kit.AwsTest;
import dev.arcade.kit.ResourceNames;
import dev.arcade.kit.lambda.demo.BrokenInit;
import dev.arcade.kit.lambda.demo.GatewayHandler;
import dev.arcade.kit.lambda.demo.Greeter;
import dev.arcade.lambda.LambdaRuntime;
import dev.arcade.lambda.runtime.Invocation;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

/**
 * Function errors as Lambda returns them ("Invoke", response header {@code X-Amz-Function-Error};
 * "AWS Lambda function errors in Java": the error document with {@code errorMessage},
 * {@code errorType} and {@code stackTrace}; "Troubleshoot invocation issues in Lambda" for init
 * errors and classes missing from a deployment package). Input: demo functions that throw, fail to
 * initialise, or name what their package lacks; output checked: the Invoke response and the kit's
 * {@link Invocation}.
 */
@AwsTest
@DisplayName("A failing function answers with Lambda's error document")
class FunctionErrorsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private Deployer deployer;

    @BeforeEach
    void setUp(IamClient iam, LambdaClient lambda, ResourceNames names) {
        deployer = new Deployer(iam, lambda, names);
    }

    private static InvokeResponse invoke(LambdaClient lambda, String name, String payload) {
        return lambda.invoke(b -> b.functionName(name).payload(SdkBytes.fromUtf8String(payload)));
    }

    @Test
    @DisplayName("a handler that throws gives FunctionError Unhandled with errorMessage, errorType and stackTrace")
    void thrownExceptionIsUnhandled(LambdaClient lambda, LambdaRuntime runtime) throws Exception {
        byte[] zip = FunctionPackage.builder().classes(Greeter.class).zip();
        String name = deployer.deploy(
                deployer.mixedCaseName(), zip, Greeter.class.getName() + "::handleRequest", Map.of(), 5, b -> {});

        InvokeResponse response = invoke(lambda, name, "{\"name\":\"Ada\",\"fail\":\"Über\"}");

        assertThat(response.statusCode()).as("Invoke itself succeeds").isEqualTo(200);
        assertThat(response.functionError()).isEqualTo("Unhandled");
        JsonNode error = JSON.readTree(response.payload().asUtf8String());
        assertThat(error.path("errorMessage").asText()).isEqualTo("asked to fail: Über");
        assertThat(error.path("errorType").asText()).isEqualTo("java.lang.IllegalStateException");
        assertThat(error.path("stackTrace").isArray()).as(error.toString()).isTrue();
        assertThat(error.path("stackTrace").get(0).asText()).contains(Greeter.class.getName() + ".handleRequest");
        Invocation invocation = runtime.invocationsOf(name).get(0);
        assertThat(invocation.functionError()).isEqualTo("Unhandled");
        assertThat(invocation.errorType()).isEqualTo("java.lang.IllegalStateException");
        assertThat(ColdAndWarmStartTest.report(invocation))
                .contains("Status: error", "Error Type: java.lang.IllegalStateException");

        InvokeResponse next = invoke(lambda, name, "{\"name\":\"Ada\"}");
        assertThat(next.functionError())
                .as("a handled failure leaves the environment usable")
                .isNull();
        assertThat(runtime.invocationsOf(name).get(1).coldStart()).isFalse();
    }

    @Test
    @DisplayName("a constructor that throws is an init error, and so is the next invoke's")
    void constructorThatThrowsIsAnInitError(LambdaClient lambda, LambdaRuntime runtime) throws Exception {
        byte[] zip = FunctionPackage.builder().classes(BrokenInit.class).zip();
        String name = deployer.deploy(
                deployer.mixedCaseName(),
                zip,
                BrokenInit.class.getName(),
                Map.of("table_name", "lower case is another variable"),
                5,
                b -> {});

        InvokeResponse response = invoke(lambda, name, "\"x\"");

        assertThat(response.functionError()).isEqualTo("Unhandled");
        JsonNode error = JSON.readTree(response.payload().asUtf8String());
        assertThat(error.path("errorMessage").asText()).as(error.toString()).contains("TABLE_NAME is not set");
        assertThat(error.path("errorType").asText()).contains("IllegalStateException");
        Invocation invocation = runtime.invocationsOf(name).get(0);
        assertThat(invocation.log())
                .anySatisfy(line ->
                        assertThat(line).startsWith("INIT_REPORT Init Duration").contains("Status: error"));

        InvokeResponse again = invoke(lambda, name, "\"x\"");
        assertThat(again.functionError()).isEqualTo("Unhandled");
        assertThat(again.payload().asUtf8String()).contains("TABLE_NAME is not set");
    }

    @Test
    @DisplayName("with TABLE_NAME set the same package initialises and answers")
    void constructorWithItsVariableWorks(LambdaClient lambda) {
        byte[] zip = FunctionPackage.builder().classes(BrokenInit.class).zip();
        String name = deployer.deploy(
                deployer.mixedCaseName(), zip, BrokenInit.class.getName(), Map.of("TABLE_NAME", "Scores"), 5, b -> {});

        InvokeResponse response = invoke(lambda, name, "\"x\"");

        assertThat(response.functionError())
                .as(response.payload().asUtf8String())
                .isNull();
        assertThat(response.payload().asUtf8String()).isEqualTo("\"Scores:x\"");
    }

    @Test
    @DisplayName("a handler string naming a class the package lacks fails with the runtime's Class not found")
    void missingHandlerClass(LambdaClient lambda) throws Exception {
        byte[] zip = FunctionPackage.builder().classes(Greeter.class).zip();
        String handler = Greeter.class.getName().replace("Greeter", "greeter") + "::handleRequest";
        String name = deployer.deploy(deployer.mixedCaseName(), zip, handler, Map.of(), 5, b -> {});

        InvokeResponse response = invoke(lambda, name, "{}");

        assertThat(response.functionError()).isEqualTo("Unhandled");
        JsonNode error = JSON.readTree(response.payload().asUtf8String());
        assertThat(error.path("errorType").asText()).as(error.toString()).isEqualTo("java.lang.ClassNotFoundException");
        assertThat(error.path("errorMessage").asText()).contains("Class not found", "greeter");
    }

    @Test
    @DisplayName(
            "a handler string naming a method the class lacks fails with the runtime's own message (the case of the name counts)")
    void missingHandlerMethod(LambdaClient lambda, LambdaRuntime runtime) throws Exception {
        byte[] zip = FunctionPackage.builder().classes(Greeter.class).zip();
        String name = deployer.deploy(
                deployer.mixedCaseName(), zip, Greeter.class.getName() + "::HandleRequest", Map.of(), 5, b -> {});

        InvokeResponse response = invoke(lambda, name, "{}");

        assertThat(response.functionError()).isEqualTo("Unhandled");
        JsonNode error = JSON.readTree(response.payload().asUtf8String());
        // the runtime interface client's own document: a message and no errorType
        assertThat(error.path("errorMessage").asText())
                .as(error.toString())
                .isEqualTo("No public method named HandleRequest with appropriate method signature found on class "
                        + Greeter.class.getName());
        assertThat(runtime.invocationsOf(name).get(0).failed()).isTrue();
    }

    @Test
    @DisplayName("a package without aws-lambda-java-events fails at invoke time with NoClassDefFoundError")
    void missingLibraryFailsAtInvokeTime(LambdaClient lambda) throws Exception {
        byte[] without = FunctionPackage.builder().classes(GatewayHandler.class).zip();
        String broken = deployer.deploy(deployer.mixedCaseName(), without, GATEWAY_HANDLER, Map.of(), 5, b -> {});

        InvokeResponse failed = invoke(lambda, broken, GATEWAY_EVENT);

        assertThat(failed.functionError()).isEqualTo("Unhandled");
        JsonNode failure = JSON.readTree(failed.payload().asUtf8String());
        assertThat(failure.path("errorType").asText())
                .as(failure.toString())
                .isEqualTo("java.lang.NoClassDefFoundError");
        assertThat(failure.path("errorMessage").asText())
                .isEqualTo("Error loading method handleRequest on class " + GatewayHandler.class.getName());
    }

    @Test
    @DisplayName("aws-lambda-java-events without its joda-time dependency cannot deserialize the event")
    void eventsLibraryWithoutItsDependency(LambdaClient lambda) throws Exception {
        byte[] zip = FunctionPackage.builder()
                .classes(GatewayHandler.class)
                .library(APIGatewayProxyRequestEvent.class)
                .zip();
        String name = deployer.deploy(deployer.mixedCaseName(), zip, GATEWAY_HANDLER, Map.of(), 5, b -> {});

        InvokeResponse failed = invoke(lambda, name, GATEWAY_EVENT);

        assertThat(failed.functionError()).isEqualTo("Unhandled");
        assertThat(failed.payload().asUtf8String()).contains("org.joda.time.DateTime");
    }

    @Test
    @DisplayName(
            "with aws-lambda-java-events and joda-time in lib/ the handler deserializes an API Gateway proxy event")
    void withTheLibraryTheEventDeserializes(LambdaClient lambda) throws Exception {
        byte[] with = FunctionPackage.builder()
                .classes(GatewayHandler.class)
                .library(APIGatewayProxyRequestEvent.class)
                .library(org.joda.time.DateTime.class)
                .zip();
        String working = deployer.deploy(deployer.mixedCaseName(), with, GATEWAY_HANDLER, Map.of(), 5, b -> {});

        InvokeResponse answered = invoke(lambda, working, GATEWAY_EVENT);

        assertThat(answered.functionError())
                .as(answered.payload().asUtf8String())
                .isNull();
        JsonNode response = JSON.readTree(answered.payload().asUtf8String());
        assertThat(response.path("statusCode").asInt()).isEqualTo(201);
        JsonNode body = JSON.readTree(response.path("body").asText());
        assertThat(body.path("method").asText()).isEqualTo("PUT");
        assertThat(body.path("path").asText()).isEqualTo("/players/Ada%20L");
        assertThat(body.path("player").asText()).isEqualTo("Ada L");
    }

    private static final String GATEWAY_HANDLER = GatewayHandler.class.getName() + "::handleRequest";

    /** An API Gateway REST proxy event ("Using AWS Lambda with Amazon API Gateway", the input format). */
    private static final String GATEWAY_EVENT = "{\"resource\":\"/players/{player}\",\"path\":\"/players/Ada%20L\","
            + "\"httpMethod\":\"PUT\",\"pathParameters\":{\"player\":\"Ada L\"},"
            + "\"headers\":{\"Content-Type\":\"application/json\"},\"body\":\"{}\",\"isBase64Encoded\":false}";
}
