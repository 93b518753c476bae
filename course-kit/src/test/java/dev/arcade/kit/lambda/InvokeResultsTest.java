package dev.arcade.kit.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arcade.kit.AwsTest;
import dev.arcade.kit.ResourceNames;
import dev.arcade.kit.lambda.demo.Counter;
import dev.arcade.kit.lambda.demo.Greeter;
import dev.arcade.lambda.LambdaRuntime;
import dev.arcade.lambda.runtime.Invocation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LogType;
import software.amazon.awssdk.services.lambda.model.PublishVersionResponse;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/**
 * What Invoke returns (Lambda API Reference, "Invoke": {@code X-Amz-Executed-Version},
 * {@code LogType=Tail} and {@code X-Amz-Log-Result} "the last 4 KB of the execution log, base64",
 * {@code InvocationType} {@code Event} (202) and {@code DryRun} (204), {@code ResourceNotFoundException};
 * {@code FunctionName} as a name, a qualified name or an ARN), and how versions and aliases choose
 * the code ("Manage Lambda function versions", "Create an alias for a Lambda function").
 */
@AwsTest
@DisplayName("Invoke answers with what AWS returns, for versions and aliases too")
class InvokeResultsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private Deployer deployer;

    @TempDir
    Path tmp;

    @BeforeEach
    void setUp(IamClient iam, LambdaClient lambda, ResourceNames names) {
        deployer = new Deployer(iam, lambda, names);
    }

    private String greeter() {
        byte[] zip = FunctionPackage.builder().classes(Greeter.class).zip();
        return deployer.deploy(
                deployer.mixedCaseName(), zip, Greeter.class.getName() + "::handleRequest", Map.of(), 5, b -> {});
    }

    private byte[] counterPackage(String codeVersion) throws Exception {
        Path file = tmp.resolve("version-" + codeVersion + ".txt");
        Files.writeString(file, codeVersion, StandardCharsets.UTF_8);
        return FunctionPackage.builder()
                .classes(Counter.class)
                .file("version.txt", file)
                .zip();
    }

    @Test
    @DisplayName("LogType Tail returns the base64 of the log's end with START, the function's lines, END and REPORT")
    void tailLog(LambdaClient lambda) {
        String name = greeter();

        InvokeResponse response = lambda.invoke(
                b -> b.functionName(name).logType(LogType.TAIL).payload(SdkBytes.fromUtf8String("{\"name\":\"Zoë\"}")));

        assertThat(response.executedVersion()).isEqualTo("$LATEST");
        String log = new String(Base64.getDecoder().decode(response.logResult()), StandardCharsets.UTF_8);
        String requestId = response.responseMetadata().requestId();
        assertThat(log)
                .contains(
                        "START RequestId: " + requestId,
                        "greeting Zoë",
                        "END RequestId: " + requestId,
                        "REPORT RequestId: " + requestId);
        assertThat(log.indexOf("START")).isLessThan(log.indexOf("greeting Zoë"));
        assertThat(log.indexOf("greeting Zoë")).isLessThan(log.indexOf("REPORT"));
    }

    @Test
    @DisplayName("without LogType Tail no log comes back")
    void noTailByDefault(LambdaClient lambda) {
        String name = greeter();

        InvokeResponse response = lambda.invoke(b -> b.functionName(name).payload(SdkBytes.fromUtf8String("{}")));

        assertThat(response.logResult()).isNull();
    }

    @Test
    @DisplayName("the tail is at most 4 KB and keeps the end of a long log")
    void tailIsTheLastFourKilobytes(LambdaClient lambda) {
        String name = greeter();
        String longName = "x".repeat(6000);

        InvokeResponse response = lambda.invoke(b -> b.functionName(name)
                .logType(LogType.TAIL)
                .payload(SdkBytes.fromUtf8String("{\"name\":\"" + longName + "\"}")));

        byte[] log = Base64.getDecoder().decode(response.logResult());
        assertThat(log.length).isLessThanOrEqualTo(4096).isGreaterThan(4000);
        assertThat(new String(log, StandardCharsets.UTF_8))
                .contains("REPORT RequestId: " + response.responseMetadata().requestId())
                .doesNotContain("START RequestId");
    }

    @Test
    @DisplayName("InvocationType Event answers 202 at once and the invocation runs later")
    void eventInvoke(LambdaClient lambda, LambdaRuntime runtime) throws Exception {
        String name = greeter();

        InvokeResponse response = lambda.invoke(b -> b.functionName(name)
                .invocationType(InvocationType.EVENT)
                .payload(SdkBytes.fromUtf8String("{\"name\":\"later\",\"sleepMs\":300}")));

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.payload().asByteArray()).isEmpty();
        String requestId = response.responseMetadata().requestId();
        Invocation invocation = runtime.await(i -> i.requestId().equals(requestId), Duration.ofSeconds(20));
        assertThat(invocation).as("the Event invocation ran").isNotNull();
        assertThat(invocation.invocationType()).isEqualTo("Event");
        assertThat(invocation.log()).contains("greeting later");
    }

    @Test
    @DisplayName("InvocationType DryRun answers 204 and runs nothing")
    void dryRun(LambdaClient lambda, LambdaRuntime runtime) {
        String name = greeter();
        int environments = runtime.runningEnvironments();

        InvokeResponse response = lambda.invoke(b -> b.functionName(name)
                .invocationType(InvocationType.DRY_RUN)
                .payload(SdkBytes.fromUtf8String("{\"name\":\"dry\"}")));

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(runtime.invocationsOf(name)).isEmpty();
        assertThat(runtime.runningEnvironments()).isEqualTo(environments);
    }

    @Test
    @DisplayName(
            "invoking a function that does not exist is ResourceNotFoundException, also when only the case differs")
    void missingFunction(LambdaClient lambda) {
        String name = greeter();

        assertThatThrownBy(() ->
                        lambda.invoke(b -> b.functionName(name + "-missing").payload(SdkBytes.fromUtf8String("{}"))))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageContaining(name + "-missing");
        assertThatThrownBy(() -> lambda.invoke(b ->
                        b.functionName(name.toUpperCase(java.util.Locale.ROOT)).payload(SdkBytes.fromUtf8String("{}"))))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    @DisplayName("a published version keeps its code after UpdateFunctionCode; an alias and a qualified ARN reach it")
    void versionsAndAliases(LambdaClient lambda, LambdaRuntime runtime) throws Exception {
        String name = deployer.deploy(
                deployer.mixedCaseName(),
                counterPackage("one"),
                Counter.class.getName() + "::handleRequest",
                Map.of(),
                5,
                b -> {});
        PublishVersionResponse published = lambda.publishVersion(b -> b.functionName(name));
        assertThat(published.version()).isEqualTo("1");
        byte[] two = counterPackage("two");
        lambda.updateFunctionCode(b -> b.functionName(name).zipFile(SdkBytes.fromByteArray(two)));
        lambda.waiter().waitUntilFunctionUpdatedV2(b -> b.functionName(name));
        lambda.createAlias(b -> b.functionName(name).name("Live-1").functionVersion("1"));

        InvokeResponse latest = lambda.invoke(b -> b.functionName(name).payload(SdkBytes.fromUtf8String("{}")));
        InvokeResponse one =
                lambda.invoke(b -> b.functionName(name).qualifier("1").payload(SdkBytes.fromUtf8String("{}")));
        InvokeResponse alias =
                lambda.invoke(b -> b.functionName(name + ":Live-1").payload(SdkBytes.fromUtf8String("{}")));
        InvokeResponse arn =
                lambda.invoke(b -> b.functionName(published.functionArn()).payload(SdkBytes.fromUtf8String("{}")));

        assertThat(latest.executedVersion()).isEqualTo("$LATEST");
        assertThat(JSON.readTree(latest.payload().asUtf8String())
                        .path("codeVersion")
                        .asText())
                .isEqualTo("two");
        for (InvokeResponse old : new InvokeResponse[] {one, alias, arn}) {
            assertThat(old.functionError()).as(old.payload().asUtf8String()).isNull();
            assertThat(old.executedVersion()).isEqualTo("1");
            JsonNode answer = JSON.readTree(old.payload().asUtf8String());
            assertThat(answer.path("codeVersion").asText()).isEqualTo("one");
            assertThat(answer.path("functionVersion").asText()).isEqualTo("1");
        }
        assertThat(JSON.readTree(alias.payload().asUtf8String())
                        .path("invokedArn")
                        .asText())
                .endsWith(":function:" + name + ":Live-1");
        assertThat(published.functionArn()).endsWith(":function:" + name + ":1");
        assertThat(runtime.invocationsOf(name))
                .extracting(Invocation::executedVersion)
                .containsExactly("$LATEST", "1", "1", "1");
        Invocation ofOne = runtime.invocationsOf(name).get(1);
        assertThat(ofOne.log()).contains("START RequestId: " + ofOne.requestId() + " Version: 1");
    }

    @Test
    @DisplayName(
            "PublishVersion while the last update is InProgress is refused with ResourceConflictException, as in AWS")
    void publishDuringAnUpdate(LambdaClient lambda) throws Exception {
        String name = deployer.deploy(
                deployer.mixedCaseName(),
                counterPackage("one"),
                Counter.class.getName() + "::handleRequest",
                Map.of(),
                5,
                b -> {});
        lambda.updateFunctionConfiguration(b -> b.functionName(name).description("release 2"));

        assertThatThrownBy(() -> lambda.publishVersion(b -> b.functionName(name)))
                .isInstanceOf(software.amazon.awssdk.services.lambda.model.ResourceConflictException.class)
                .hasMessageContaining("An update is in progress");
        lambda.waiter().waitUntilFunctionUpdatedV2(b -> b.functionName(name));
        assertThat(lambda.publishVersion(b -> b.functionName(name)).version()).isEqualTo("1");
    }

    @Test
    @DisplayName("a version or alias that does not exist is ResourceNotFoundException, and nothing runs")
    void missingQualifier(LambdaClient lambda, LambdaRuntime runtime) throws Exception {
        String name = deployer.deploy(
                deployer.mixedCaseName(),
                counterPackage("one"),
                Counter.class.getName() + "::handleRequest",
                Map.of(),
                5,
                b -> {});
        lambda.publishVersion(b -> b.functionName(name));

        assertThatThrownBy(() ->
                        lambda.invoke(b -> b.functionName(name).qualifier("2").payload(SdkBytes.fromUtf8String("{}"))))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(
                        () -> lambda.invoke(b -> b.functionName(name + ":Nope").payload(SdkBytes.fromUtf8String("{}"))))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThat(runtime.invocationsOf(name)).isEmpty();
    }

    @Test
    @DisplayName(
            "after DeleteFunction an Invoke is ResourceNotFoundException and the function's environment is retired")
    void deletedFunction(LambdaClient lambda, LambdaRuntime runtime) {
        String name = greeter();
        lambda.invoke(b -> b.functionName(name).payload(SdkBytes.fromUtf8String("{}")));
        int before = runtime.runningEnvironments();

        lambda.deleteFunction(b -> b.functionName(name));

        assertThat(runtime.runningEnvironments()).isEqualTo(before - 1);
        assertThatThrownBy(() -> lambda.invoke(b -> b.functionName(name).payload(SdkBytes.fromUtf8String("{}"))))
                .isInstanceOf(ResourceNotFoundException.class);
    }
}
