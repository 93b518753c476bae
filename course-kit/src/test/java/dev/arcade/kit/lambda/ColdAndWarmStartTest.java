package dev.arcade.kit.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arcade.kit.AwsTest;
import dev.arcade.kit.ResourceNames;
import dev.arcade.kit.lambda.demo.Counter;
import dev.arcade.lambda.LambdaRuntime;
import dev.arcade.lambda.runtime.Invocation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

/**
 * Cold and warm starts, as "Understanding the Lambda execution environment lifecycle" describes
 * them: the Init phase (static initialisers, the handler's constructor) runs once per execution
 * environment; later invokes reuse the environment ("warm": no Init Duration in REPORT); a change of
 * code or configuration makes new environments; concurrent invokes get environments of their own
 * ("Understanding Lambda function scaling": one environment serves one request at a time).
 *
 * <p>Input: the demo function {@link Counter}; output checked: its answer (counts, process id,
 * environment variable, package resource), the kit's {@link Invocation} records and their log.
 */
@AwsTest
@DisplayName("Execution environments start cold once and are then reused warm")
class ColdAndWarmStartTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HANDLER = Counter.class.getName() + "::handleRequest";
    private Deployer deployer;

    @TempDir
    Path tmp;

    @BeforeEach
    void setUp(IamClient iam, LambdaClient lambda, ResourceNames names) {
        deployer = new Deployer(iam, lambda, names);
    }

    private byte[] counterPackage(String codeVersion) throws Exception {
        Path file = tmp.resolve("version-" + codeVersion + ".txt");
        Files.writeString(file, codeVersion, StandardCharsets.UTF_8);
        return FunctionPackage.builder()
                .classes(Counter.class)
                .file("version.txt", file)
                .zip();
    }

    private static JsonNode call(LambdaClient lambda, String name, String payload) throws Exception {
        InvokeResponse response = lambda.invoke(b -> b.functionName(name).payload(SdkBytes.fromUtf8String(payload)));
        assertThat(response.functionError())
                .as(response.payload().asUtf8String())
                .isNull();
        return JSON.readTree(response.payload().asUtf8String());
    }

    @Test
    @DisplayName(
            "the static initialiser and the constructor run once; the second invoke is warm in the same environment")
    void secondInvokeIsWarm(LambdaClient lambda, LambdaRuntime runtime) throws Exception {
        String name = deployer.deploy(
                deployer.mixedCaseName(), counterPackage("one"), HANDLER, Map.of("COLOUR", "red"), 5, b -> {});

        JsonNode first = call(lambda, name, "{}");
        JsonNode second = call(lambda, name, "{}");

        assertThat(second.path("staticInits").asInt()).isEqualTo(1);
        assertThat(second.path("constructions").asInt()).isEqualTo(1);
        assertThat(second.path("calls").asInt()).as("the same handler instance").isEqualTo(2);
        assertThat(second.path("pid").asLong()).isEqualTo(first.path("pid").asLong());
        List<Invocation> invocations = runtime.invocationsOf(name);
        assertThat(invocations).hasSize(2);
        Invocation cold = invocations.get(0);
        Invocation warm = invocations.get(1);
        assertThat(cold.coldStart()).isTrue();
        assertThat(cold.initDurationMs()).isNotNull().isPositive();
        assertThat(warm.coldStart()).isFalse();
        assertThat(warm.initDurationMs()).isNull();
        assertThat(warm.environmentId()).isEqualTo(cold.environmentId());
        assertThat(report(cold)).contains("Init Duration: ");
        assertThat(report(warm)).doesNotContain("Init Duration");
        assertThat(cold.log()).contains("Counter static initialiser", "Counter constructor");
        assertThat(warm.log()).doesNotContain("Counter static initialiser", "Counter constructor");
    }

    @Test
    @DisplayName(
            "UpdateFunctionConfiguration retires the warm environment: the next invoke is cold and sees the new variable")
    void configurationChangeGivesANewEnvironment(LambdaClient lambda, LambdaRuntime runtime) throws Exception {
        String name = deployer.deploy(
                deployer.mixedCaseName(), counterPackage("one"), HANDLER, Map.of("COLOUR", "red"), 5, b -> {});
        JsonNode before = call(lambda, name, "{}");

        lambda.updateFunctionConfiguration(
                b -> b.functionName(name).environment(e -> e.variables(Map.of("COLOUR", "Red "))));
        lambda.waiter().waitUntilFunctionUpdatedV2(b -> b.functionName(name));
        JsonNode after = call(lambda, name, "{}");

        assertThat(before.path("colour").asText()).isEqualTo("red");
        assertThat(after.path("colour").asText()).as("the new value, exactly").isEqualTo("Red ");
        assertThat(after.path("pid").asLong()).isNotEqualTo(before.path("pid").asLong());
        assertThat(after.path("calls").asInt()).isEqualTo(1);
        List<Invocation> invocations = runtime.invocationsOf(name);
        assertThat(invocations.get(1).coldStart()).isTrue();
        assertThat(invocations.get(1).environmentId())
                .isNotEqualTo(invocations.get(0).environmentId());
    }

    @Test
    @DisplayName("UpdateFunctionCode gives a cold environment that runs the new package")
    void codeChangeGivesANewEnvironment(LambdaClient lambda, LambdaRuntime runtime) throws Exception {
        String name = deployer.deploy(deployer.mixedCaseName(), counterPackage("one"), HANDLER, Map.of(), 5, b -> {});
        JsonNode before = call(lambda, name, "{}");
        byte[] two = counterPackage("two");

        lambda.updateFunctionCode(b -> b.functionName(name).zipFile(SdkBytes.fromByteArray(two)));
        lambda.waiter().waitUntilFunctionUpdatedV2(b -> b.functionName(name));
        JsonNode after = call(lambda, name, "{}");

        assertThat(before.path("codeVersion").asText()).isEqualTo("one");
        assertThat(after.path("codeVersion").asText()).isEqualTo("two");
        assertThat(after.path("pid").asLong()).isNotEqualTo(before.path("pid").asLong());
        assertThat(runtime.invocationsOf(name).get(1).coldStart()).isTrue();
    }

    @Test
    @DisplayName("two invokes at the same time run in two environments, each cold")
    void concurrentInvokesGetTwoEnvironments(LambdaClient lambda, LambdaRuntime runtime) throws Exception {
        String name = deployer.deploy(deployer.mixedCaseName(), counterPackage("one"), HANDLER, Map.of(), 10, b -> {});

        CompletableFuture<JsonNode> a = CompletableFuture.supplyAsync(() -> unchecked(lambda, name));
        CompletableFuture<JsonNode> b = CompletableFuture.supplyAsync(() -> unchecked(lambda, name));
        JsonNode first = a.join();
        JsonNode second = b.join();

        assertThat(first.path("pid").asLong()).isNotEqualTo(second.path("pid").asLong());
        assertThat(first.path("calls").asInt()).isEqualTo(1);
        assertThat(second.path("calls").asInt()).isEqualTo(1);
        List<Invocation> invocations = runtime.invocationsOf(name);
        assertThat(invocations)
                .hasSize(2)
                .allSatisfy(i -> assertThat(i.coldStart()).isTrue());
        assertThat(invocations.get(0).environmentId())
                .isNotEqualTo(invocations.get(1).environmentId());
    }

    private static JsonNode unchecked(LambdaClient lambda, String name) {
        try {
            return call(lambda, name, "{\"sleepMs\":1500}");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String report(Invocation invocation) {
        return invocation.log().stream()
                .filter(line -> line.startsWith("REPORT RequestId: " + invocation.requestId()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no REPORT line in " + invocation.log()));
    }
}
