package dev.arcade.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arcade.kit.AwsTest;
import dev.arcade.kit.CodeUnderTest;
import dev.arcade.kit.Exercise;
import dev.arcade.kit.Graded;
import dev.arcade.kit.Hint;
import dev.arcade.kit.Learner;
import dev.arcade.kit.ResourceNames;
import dev.arcade.kit.sdk.ApiCall;
import dev.arcade.kit.sdk.ApiCalls;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.GetFunctionConfigurationResponse;
import software.amazon.awssdk.services.lambda.model.GetFunctionResponse;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.ResourceConflictException;
import software.amazon.awssdk.services.lambda.model.Runtime;
import software.amazon.awssdk.services.lambda.model.State;

/**
 * Graded on the package's files, on what Lambda stores of the function, and by invoking it: the
 * learner's package deployed by the kit, the kit's package deployed by the learner's code, and the
 * learner's invoke against a function the kit deployed, so that each method is graded on its own.
 */
@AwsTest
@Exercise("3.3")
@DisplayName("3.3 Package and deploy")
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // each test deploys and starts a function
class Exercise33DeploymentTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;

    private Learner learner;
    private LambdaClient forLearner;
    private LambdaClient lambda;
    private Functions functions;
    private ResourceNames names;
    private Deploy33Fixtures.Build build;
    private String role;
    private String tableName;

    @BeforeEach
    void setUp(
            Learner learner,
            @CodeUnderTest LambdaClient forLearner,
            LambdaClient lambda,
            IamClient iam,
            ResourceNames names) {
        this.learner = learner;
        this.forLearner = forLearner;
        this.lambda = lambda;
        this.names = names;
        this.functions = new Functions(iam, lambda, names);
        this.build = Deploy33Fixtures.build(work);
        this.role = functions.basicRole();
        this.tableName = names.unique("Scores");
    }

    private byte[] learnersPackage() {
        return learner.call("Deployment.deploymentPackage(" + build.classes() + ", " + build.libraries() + ")", () -> {
            try {
                return Deployment.deploymentPackage(build.classes(), build.libraries());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private String learnersDeploy(String functionName, byte[] zip) {
        return learner.call(
                "Deployment.deploy(lambda, \"" + functionName + "\", role, zip, \"" + tableName + "\")",
                () -> Deployment.deploy(forLearner, functionName, role, zip, tableName));
    }

    private String kitDeploy(byte[] zip) {
        return functions.deploy(zip, Deploy33Fixtures.HANDLER, role, Map.of("TABLE_NAME", tableName), b -> {});
    }

    private static JsonNode json(String what, String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new AssertionError("expected " + what + " to be JSON, but it was: " + text, e);
        }
    }

    private static JsonNode answerOf(InvokeResponse response) {
        String payload = response.payload().asUtf8String();
        assertThat(response.functionError())
                .as(
                        "expected the function to answer, but it failed (%s): %s\n  its log:\n%s",
                        response.functionError(), payload, Functions.tail(response))
                .isNull();
        return json("the function's answer", payload);
    }

    @Graded(points = 2)
    @DisplayName("the package has every file of the classes folder at its root, under its path with / between folders")
    void putsTheClassesFolderAtTheRoot() {
        Map<String, byte[]> files = Deploy33Fixtures.files(learnersPackage());

        for (Map.Entry<String, Path> expected : build.expected().entrySet()) {
            assertThat(new TreeSet<>(files.keySet()))
                    .as(
                            "expected the package to hold %s (a file of the classes folder, under its path relative to"
                                    + " that folder, with / as the separator), but its files are %s",
                            expected.getKey(), new TreeSet<>(files.keySet()))
                    .contains(expected.getKey());
            byte[] content;
            try {
                content = java.nio.file.Files.readAllBytes(expected.getValue());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            assertThat(Arrays.equals(files.get(expected.getKey()), content))
                    .as(
                            "expected %s in the package to be the file's bytes unchanged, but it differs",
                            expected.getKey())
                    .isTrue();
        }
    }

    @Graded(points = 2)
    @DisplayName("each library jar is in lib/ under its own name, unchanged, and nothing else is added")
    void putsEachLibraryInLib() {
        Map<String, byte[]> files = Deploy33Fixtures.files(learnersPackage());

        TreeSet<String> expectedNames = new TreeSet<>(build.expected().keySet());
        for (Path jar : build.libraries()) {
            String name = "lib/" + jar.getFileName();
            expectedNames.add(name);
            assertThat(new TreeSet<>(files.keySet()))
                    .as(
                            "expected the library %s in the package as %s (the Java runtime puts lib/*.jar on the class"
                                    + " path), but its files are %s",
                            jar.getFileName(), name, new TreeSet<>(files.keySet()))
                    .contains(name);
            byte[] content;
            try {
                content = java.nio.file.Files.readAllBytes(jar);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            assertThat(Arrays.equals(files.get(name), content))
                    .as("expected %s to be the jar's bytes unchanged, but it differs", name)
                    .isTrue();
        }
        assertThat(new TreeSet<>(files.keySet()))
                .as(
                        "expected the package to hold exactly the classes folder's files and lib/ with the jars (no"
                                + " unpacked jar, no folder name in front), but it holds %s",
                        new TreeSet<>(files.keySet()))
                .isEqualTo(expectedNames);
    }

    @Graded(points = 2)
    @DisplayName("the package runs when Lambda deploys it: the handler loads, finds its resource and its libraries")
    void thePackageRuns() {
        String function = kitDeploy(learnersPackage());

        JsonNode answer = answerOf(functions.invoke(function, "{}"));

        assertThat(answer.path("build").asText())
                .as(
                        "expected the deployed handler to answer the build id of its health.properties (%s), but it"
                                + " answered %s",
                        build.build(), answer)
                .isEqualTo(build.build());
    }

    @Graded(points = 3)
    @DisplayName("creates the function as java21 with the handler, the role, 512 MB, 10 s and TABLE_NAME")
    void createsTheFunctionAsAsked() {
        String function = names.unique("Health");
        learnersDeploy(function, build.kitPackage());

        GetFunctionConfigurationResponse configuration = lambda.getFunctionConfiguration(b -> b.functionName(function));
        assertThat(configuration.runtime())
                .as("expected the runtime java21, but the function has %s", configuration.runtimeAsString())
                .isEqualTo(Runtime.JAVA21);
        assertThat(configuration.handler())
                .as(
                        "expected the handler string %s (or the class name alone), but the function has %s",
                        Deploy33Fixtures.HANDLER, configuration.handler())
                .isIn(Deploy33Fixtures.HANDLER, HealthHandler.class.getName());
        assertThat(configuration.role())
                .as("expected the execution role %s, but the function has %s", role, configuration.role())
                .isEqualTo(role);
        assertThat(configuration.memorySize())
                .as("expected 512 MB of memory, but the function has %s MB", configuration.memorySize())
                .isEqualTo(512);
        assertThat(configuration.timeout())
                .as("expected a timeout of 10 seconds, but the function has %s s", configuration.timeout())
                .isEqualTo(10);
        Map<String, String> variables = configuration.environment() == null
                ? Map.of()
                : configuration.environment().variables();
        assertThat(variables)
                .as(
                        "expected the environment variable TABLE_NAME=%s (the tableName argument), but the function"
                                + " has %s",
                        tableName, variables)
                .containsEntry("TABLE_NAME", tableName);
    }

    @Graded(points = 1)
    @DisplayName("returns the new function's ARN")
    void returnsTheArn() {
        String function = names.unique("Health");
        String arn = learnersDeploy(function, build.kitPackage());

        String actual =
                lambda.getFunctionConfiguration(b -> b.functionName(function)).functionArn();
        assertThat(arn)
                .as("expected deploy(...) to return the function's ARN %s, but it returned %s", actual, arn)
                .isEqualTo(actual);
    }

    /** What a GetFunction or GetFunctionConfiguration of the learner's said of the function's state, or null. */
    private static State stateSeen(ApiCall call) {
        SdkResponse response = call.response().orElse(null);
        if (response instanceof GetFunctionResponse get && get.configuration() != null) {
            return get.configuration().state();
        }
        if (response instanceof GetFunctionConfigurationResponse get) {
            return get.state();
        }
        return null;
    }

    @Graded(points = 2)
    @DisplayName("returns only once the function is Active, so an invoke right after it works")
    void waitsUntilActive(ApiCalls calls) {
        String function = names.unique("Health");
        learnersDeploy(function, build.kitPackage());
        List<ApiCall> made = calls.all();
        assertThat(made.stream().anyMatch(c -> stateSeen(c) == State.ACTIVE))
                .as(
                        "expected deploy(...) to return only after Lambda said the function is Active (a GetFunction or"
                                + " GetFunctionConfiguration answering State Active: waitUntilFunctionActiveV2 polls until"
                                + " then; waitUntilFunctionExists returns while it is still Pending). The calls deploy made: %s",
                        made.stream()
                                .map(c -> c.operation() + (stateSeen(c) == null ? "" : " (State " + stateSeen(c) + ")"))
                                .toList())
                .isTrue();

        InvokeResponse response;
        try {
            response = lambda.invoke(b -> b.functionName(function).payload(SdkBytes.fromUtf8String("{}")));
        } catch (ResourceConflictException e) {
            throw new AssertionError(
                    "expected the function to be Active when deploy(...) returned, but invoking it right after"
                            + " failed with ResourceConflictException: "
                            + e.awsErrorDetails().errorMessage()
                            + ". A new function is Pending first: wait for it." + Hint.of("3.3"),
                    e);
        }
        assertThat(answerOf(response).path("status").asText())
                .as("expected the function to answer status ok once Active")
                .isEqualTo("ok");
    }

    @Graded(points = 2)
    @DisplayName("invoke sends the event and returns the function's real answer")
    void invokeReturnsTheAnswer() {
        String function = kitDeploy(build.kitPackage());
        String echo = "ping " + UUID.randomUUID() + " \u00fcber \ud83c\udfae";
        String event = JSON.createObjectNode().put("echo", echo).toString();

        String answer = learner.call(
                "Deployment.invoke(lambda, \"" + function + "\", " + event + ")",
                () -> Deployment.invoke(forLearner, function, event));

        JsonNode health = json("invoke(...)'s result", answer);
        assertThat(health.path("echo").asText())
                .as(
                        "expected the function's answer to echo %s (the event was sent as UTF-8 JSON), but invoke returned %s",
                        echo, answer)
                .isEqualTo(echo);
        assertThat(health.path("build").asText())
                .as("expected the function's answer with build %s, but invoke returned %s", build.build(), answer)
                .isEqualTo(build.build());
    }

    @Graded(points = 2)
    @DisplayName("invoke throws when the function fails, with the error's type and message")
    void invokeThrowsOnAFunctionError() {
        String function = kitDeploy(build.kitPackage());
        String message = "the scoreboard is closed " + UUID.randomUUID();
        String event = JSON.createObjectNode().put("fail", message).toString();

        RuntimeException thrown = learner.expectThrows(
                RuntimeException.class,
                "expected invoke(...) to throw when the function fails (Invoke answers HTTP 200 with the"
                        + " X-Amz-Function-Error header and the error document as payload)",
                () -> Deployment.invoke(forLearner, function, event));
        if (thrown instanceof UnsupportedOperationException todo
                && String.valueOf(todo.getMessage()).startsWith("TODO 3.3")) {
            throw todo;
        }

        assertThat(String.valueOf(thrown.getMessage()))
                .as(
                        "expected the exception's message to name the error's type (IllegalStateException) and its"
                                + " message (%s), but it is: %s",
                        message, thrown.getMessage())
                .contains("IllegalStateException")
                .contains(message);
    }
}
