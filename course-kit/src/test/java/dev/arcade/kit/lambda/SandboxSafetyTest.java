package dev.arcade.kit.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arcade.kit.AwsTest;
import dev.arcade.kit.ResourceNames;
import dev.arcade.kit.lambda.demo.Greeter;
import dev.arcade.kit.lambda.demo.Outbound;
import dev.arcade.lambda.LambdaRuntime;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

/**
 * The kit's own rules, not AWS's (AWS functions may reach the internet; the course's never do): a
 * function's connection to a host that is not loopback fails inside the function and is recorded
 * in {@link LambdaRuntime#refusedHosts()}; {@link LambdaRuntime#reset()} leaves no execution
 * environment JVM running.
 */
@AwsTest
@DisplayName("Functions stay on this machine and leave no JVM behind")
class SandboxSafetyTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private Deployer deployer;

    @BeforeEach
    void setUp(IamClient iam, LambdaClient lambda, ResourceNames names) {
        deployer = new Deployer(iam, lambda, names);
    }

    @Test
    @DisplayName(
            "URL.openStream and HttpClient to internet hosts fail inside the function and are named in refusedHosts")
    void outboundIsRefused(LambdaClient lambda, LambdaRuntime runtime) throws Exception {
        String name = deployer.deploy(
                deployer.mixedCaseName(),
                FunctionPackage.builder().classes(Outbound.class).zip(),
                Outbound.class.getName() + "::handleRequest",
                Map.of(),
                10,
                b -> {});

        InvokeResponse response = lambda.invoke(
                b -> b.functionName(name).payload(SdkBytes.fromUtf8String("{\"host\":\"Checkip.Amazonaws.com\"}")));

        assertThat(response.functionError())
                .as(response.payload().asUtf8String())
                .isNull();
        JsonNode answer = JSON.readTree(response.payload().asUtf8String());
        assertThat(answer.path("url").asText())
                .as("URL.openStream failed")
                .isNotEqualTo("ok")
                .contains("Exception");
        assertThat(answer.path("httpClient").asText())
                .as("HttpClient failed")
                .doesNotStartWith("ok")
                .contains("Exception");
        assertThat(runtime.refusedHosts()).anySatisfy(host -> assertThat(host).containsIgnoringCase("example.com"));
        assertThat(runtime.refusedHosts())
                .anySatisfy(host -> assertThat(host).containsIgnoringCase("checkip.amazonaws.com"));
    }

    @Test
    @DisplayName("after reset no execution environment is running, busy ones included")
    void resetLeavesNoEnvironment(LambdaClient lambda, LambdaRuntime runtime) throws Exception {
        String name = deployer.deploy(
                deployer.mixedCaseName(),
                FunctionPackage.builder().classes(Greeter.class).zip(),
                Greeter.class.getName() + "::handleRequest",
                Map.of(),
                10,
                b -> {});
        JsonNode idle = JSON.readTree(lambda.invoke(b -> b.functionName(name).payload(SdkBytes.fromUtf8String("{}")))
                .payload()
                .asUtf8String());
        CompletableFuture<InvokeResponse> busy = CompletableFuture.supplyAsync(
                () -> lambda.invoke(b -> b.functionName(name).payload(SdkBytes.fromUtf8String("{\"sleepMs\":2000}"))));
        Thread.sleep(800);
        assertThat(runtime.runningEnvironments()).isGreaterThanOrEqualTo(2);

        runtime.reset();

        assertThat(runtime.runningEnvironments()).isZero();
        long pid = idle.path("pid").asLong();
        ProcessHandle.of(pid)
                .ifPresent(handle -> handle.onExit()
                        .orTimeout(5, java.util.concurrent.TimeUnit.SECONDS)
                        .join());
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
                .as("the idle JVM ended")
                .isFalse();
        busy.handle((r, e) -> null).get(15, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(runtime.runningEnvironments()).isZero();
        assertThat(ProcessHandle.current()
                        .children()
                        .filter(p -> p.info().command().orElse("").contains("java"))
                        .filter(p -> p.info()
                                .arguments()
                                .map(a -> String.join(" ", a))
                                .orElse("")
                                .contains("RuntimeHost")))
                .as("no environment JVM is a child of this one")
                .isEmpty();
    }
}
