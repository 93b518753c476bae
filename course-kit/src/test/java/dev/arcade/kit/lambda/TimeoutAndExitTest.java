package dev.arcade.kit.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arcade.kit.AwsTest;
import dev.arcade.kit.ResourceNames;
import dev.arcade.kit.lambda.demo.Greeter;
import dev.arcade.kit.lambda.demo.Spinner;
import dev.arcade.lambda.LambdaRuntime;
import dev.arcade.lambda.runtime.Invocation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

/**
 * The platform ends an invocation: a timeout ("Configure Lambda function timeout"; "Troubleshoot
 * invocation issues in Lambda": {@code Sandbox.Timedout}, {@code Task timed out after 1.00 seconds})
 * and a runtime that exits ({@code Runtime.ExitError}, {@code Runtime exited with error: exit status
 * N}). In both cases Lambda replaces the execution environment, so the next invoke starts cold and
 * works. Input: demo functions that sleep past their timeout, loop forever, or call
 * {@code System.exit}; output checked: the Invoke response, the kit's {@link Invocation} and its log.
 */
@AwsTest
@DisplayName("Timeouts and exits end the environment, and the next invoke works")
class TimeoutAndExitTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private Deployer deployer;

    @BeforeEach
    void setUp(IamClient iam, LambdaClient lambda, ResourceNames names) {
        deployer = new Deployer(iam, lambda, names);
    }

    private static InvokeResponse invoke(LambdaClient lambda, String name, String payload) {
        return lambda.invoke(b -> b.functionName(name).payload(SdkBytes.fromUtf8String(payload)));
    }

    private String greeter(int timeoutSeconds) {
        byte[] zip = FunctionPackage.builder().classes(Greeter.class).zip();
        return deployer.deploy(
                deployer.mixedCaseName(),
                zip,
                Greeter.class.getName() + "::handleRequest",
                Map.of(),
                timeoutSeconds,
                b -> {});
    }

    private static void assertTimedOut(InvokeResponse response, Invocation invocation) throws Exception {
        assertThat(response.functionError()).isEqualTo("Unhandled");
        JsonNode error = JSON.readTree(response.payload().asUtf8String());
        assertThat(error.path("errorType").asText()).isEqualTo("Sandbox.Timedout");
        assertThat(error.path("errorMessage").asText()).endsWith("Task timed out after 1.00 seconds");
        assertThat(invocation.errorType()).isEqualTo("Sandbox.Timedout");
        assertThat(invocation.log())
                .anySatisfy(line -> assertThat(line)
                        .contains(invocation.requestId())
                        .endsWith("Task timed out after 1.00 seconds"));
        assertThat(ColdAndWarmStartTest.report(invocation)).contains("Status: timeout");
    }

    @Test
    @DisplayName(
            "a handler sleeping past Timeout=1 gets Sandbox.Timedout, and the next invoke runs in a new environment")
    void sleepingPastTheTimeout(LambdaClient lambda, LambdaRuntime runtime) throws Exception {
        String name = greeter(1);
        JsonNode warmBefore =
                JSON.readTree(invoke(lambda, name, "{\"name\":\"a\"}").payload().asUtf8String());

        long started = System.nanoTime();
        InvokeResponse response = invoke(lambda, name, "{\"name\":\"b\",\"sleepMs\":4000}");
        long tookMs = (System.nanoTime() - started) / 1_000_000;

        Invocation timedOut = runtime.invocationsOf(name).get(1);
        assertTimedOut(response, timedOut);
        assertThat(tookMs).as("ended at the timeout, not at the handler's end").isLessThan(3500);
        InvokeResponse next = invoke(lambda, name, "{\"name\":\"c\"}");
        assertThat(next.functionError()).as(next.payload().asUtf8String()).isNull();
        JsonNode answer = JSON.readTree(next.payload().asUtf8String());
        assertThat(answer.path("greeting").asText()).isEqualTo("Hello, c");
        assertThat(answer.path("pid").asLong())
                .isNotEqualTo(warmBefore.path("pid").asLong());
        Invocation after = runtime.invocationsOf(name).get(2);
        assertThat(after.coldStart()).isTrue();
        assertThat(after.environmentId()).isNotEqualTo(timedOut.environmentId());
    }

    @Test
    @DisplayName("a handler that finishes just inside its timeout is not timed out")
    void justInsideTheTimeout(LambdaClient lambda) {
        String name = greeter(1);
        invoke(lambda, name, "{\"name\":\"warm\"}");

        InvokeResponse response = invoke(lambda, name, "{\"name\":\"b\",\"sleepMs\":600}");

        assertThat(response.functionError())
                .as(response.payload().asUtf8String())
                .isNull();
    }

    @Test
    @DisplayName("an endless loop is ended at the timeout too, and the next invoke works")
    void endlessLoop(LambdaClient lambda, LambdaRuntime runtime) throws Exception {
        byte[] zip =
                FunctionPackage.builder().classes(Spinner.class, Greeter.class).zip();
        String spinner = deployer.deploy(
                deployer.mixedCaseName(), zip, Spinner.class.getName() + "::handleRequest", Map.of(), 1, b -> {});

        InvokeResponse response = invoke(lambda, spinner, "{}");

        List<Invocation> invocations = runtime.invocationsOf(spinner);
        assertTimedOut(response, invocations.get(0));
        assertThat(invocations.get(0).log()).contains("spinning");
        InvokeResponse again = invoke(lambda, spinner, "{}");
        assertTimedOut(again, runtime.invocationsOf(spinner).get(1));
        assertThat(runtime.invocationsOf(spinner).get(1).coldStart()).isTrue();
    }

    @Test
    @DisplayName("System.exit(3) in a handler gives Runtime.ExitError with exit status 3, and the next invoke works")
    void exitInTheHandler(LambdaClient lambda, LambdaRuntime runtime) throws Exception {
        String name = greeter(5);

        InvokeResponse response = invoke(lambda, name, "{\"name\":\"a\",\"exit\":3}");

        assertThat(response.functionError()).isEqualTo("Unhandled");
        JsonNode error = JSON.readTree(response.payload().asUtf8String());
        assertThat(error.path("errorType").asText()).isEqualTo("Runtime.ExitError");
        assertThat(error.path("errorMessage").asText()).endsWith("Runtime exited with error: exit status 3");
        Invocation exited = runtime.invocationsOf(name).get(0);
        assertThat(exited.errorType()).isEqualTo("Runtime.ExitError");
        assertThat(exited.log()).contains("greeting a");
        assertThat(exited.log())
                .anySatisfy(line -> assertThat(line).contains("Runtime exited with error: exit status 3"));
        InvokeResponse next = invoke(lambda, name, "{\"name\":\"b\"}");
        assertThat(next.functionError()).as(next.payload().asUtf8String()).isNull();
        assertThat(runtime.invocationsOf(name).get(1).coldStart()).isTrue();
    }

    @Test
    @DisplayName("System.exit(0) is an exit too: Lambda reports exit status 0 as an error")
    void exitZeroIsAnError(LambdaClient lambda) throws Exception {
        String name = greeter(5);

        InvokeResponse response = invoke(lambda, name, "{\"name\":\"a\",\"exit\":0}");

        assertThat(response.functionError()).isEqualTo("Unhandled");
        JsonNode error = JSON.readTree(response.payload().asUtf8String());
        assertThat(error.path("errorType").asText()).isEqualTo("Runtime.ExitError");
        assertThat(error.path("errorMessage").asText()).endsWith("exit status 0");
    }
}
