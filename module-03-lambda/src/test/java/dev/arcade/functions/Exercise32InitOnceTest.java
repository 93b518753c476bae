package dev.arcade.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arcade.functions.given.ClientBuildProbe;
import dev.arcade.kit.AwsTest;
import dev.arcade.kit.Exercise;
import dev.arcade.kit.Graded;
import dev.arcade.kit.ResourceNames;
import dev.arcade.kit.lambda.FunctionPackage;
import dev.arcade.lambda.LambdaRuntime;
import dev.arcade.lambda.runtime.Invocation;
import dev.arcade.lambda.triggers.ApiGatewayRestEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;

/** Graded through the kit's runtime: the function is deployed and invoked, cold and warm. */
@AwsTest
@Exercise("3.2")
@DisplayName("3.2 Initialise once")
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // each test deploys and starts functions
class Exercise32InitOnceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HANDLER = PersonalBestHandler.class.getName() + "::handleRequest";

    @TempDir
    static Path work;

    private DynamoDbClient dynamo;
    private LambdaRuntime runtime;
    private Functions functions;
    private ResourceNames names;
    private ScoresTables.Table table;
    private String role;

    @BeforeEach
    void setUp(DynamoDbClient dynamo, IamClient iam, LambdaClient lambda, ResourceNames names, LambdaRuntime runtime) {
        this.dynamo = dynamo;
        this.runtime = runtime;
        this.names = names;
        this.functions = new Functions(iam, lambda, names);
        this.table = ScoresTables.create(dynamo, names);
        this.role = functions.roleWithTableAccess(table);
        new BestScores(dynamo, table.name()).submit("tetris", "ada", 4200);
    }

    private static byte[] deploymentPackage;

    /** The module's classes, the probe and what they need: the SDK's DynamoDB client, the events, Jackson. */
    private static synchronized byte[] deploymentPackage() {
        if (deploymentPackage != null) {
            return deploymentPackage;
        }
        Path interceptors = work.resolve("execution.interceptors");
        try {
            Files.writeString(interceptors, ClientBuildProbe.class.getName() + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        deploymentPackage = FunctionPackage.builder()
                .packageOf(PersonalBestHandler.class)
                .classes(ClientBuildProbe.class)
                .file("software/amazon/awssdk/global/handlers/execution.interceptors", interceptors)
                .lambdaEvents()
                .awsSdkFor(DynamoDbClient.class)
                .library(ObjectMapper.class)
                .library(JsonFactory.class)
                .library(JsonAutoDetect.class)
                .zip();
        return deploymentPackage;
    }

    private String deploy(Map<String, String> environment) {
        return functions.deploy(deploymentPackage(), HANDLER, role, environment, b -> {});
    }

    private static String request(String game, String player) {
        return ApiGatewayRestEvent.builder()
                .request(
                        "GET",
                        "/games/{game}/players/{playerId}/best",
                        "/games/" + game + "/players/" + player + "/best")
                .pathParameter("game", game)
                .pathParameter("playerId", player)
                .build()
                .toJsonString();
    }

    private Invocation get(String function, String game, String player) {
        return runtime.invoke(function, request(game, player), "api");
    }

    private static String describe(Invocation invocation) {
        return (invocation.failed() ? "failed with " + invocation.errorType() + ": " : "answered ")
                + invocation.payloadText() + "\n  its log:\n    " + String.join("\n    ", invocation.log());
    }

    /** The body of the function's API Gateway response, as JSON. */
    private static JsonNode answer(Invocation invocation) {
        assertNotTheSkeleton(invocation);
        assertThat(invocation.failed())
                .as("expected the function to answer, but it %s", describe(invocation))
                .isFalse();
        try {
            return JSON.readTree(
                    JSON.readTree(invocation.payloadText()).path("body").asText());
        } catch (IOException e) {
            throw new AssertionError(
                    "expected the function's answer as JSON, but it was " + invocation.payloadText(), e);
        }
    }

    private static long builds(List<Invocation> invocations) {
        return invocations.stream()
                .flatMap(i -> i.log().stream())
                .filter(line -> line.startsWith(ClientBuildProbe.MARKER))
                .count();
    }

    @Graded(points = 3)
    @DisplayName("builds one SDK client for all the requests an execution environment serves, not one per request")
    void buildsOneClientForAllRequests() {
        String function = deploy(Map.of("TABLE_NAME", table.name()));

        List<Invocation> invocations = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            invocations.add(get(function, "tetris", "ada"));
            answer(invocations.get(i));
        }

        assertThat(invocations.stream()
                        .map(Invocation::environmentId)
                        .distinct()
                        .count())
                .as("the five requests, one after another, should be served by one warm execution environment")
                .isEqualTo(1);
        assertThat(builds(invocations))
                .as(
                        "expected one DynamoDB client built for five requests served by one execution environment (build"
                                + " it in the constructor or a static initialiser and keep it in a field), but the logs show"
                                + " %d clients built; the last invocation: %s",
                        builds(invocations), describe(invocations.get(4)))
                .isEqualTo(1);
    }

    @Graded(points = 2)
    @DisplayName("builds the client in the Init phase: on the cold start, before the first request starts")
    void buildsTheClientDuringInit() {
        String function = deploy(Map.of("TABLE_NAME", table.name()));

        Invocation cold = get(function, "tetris", "ada");
        Invocation warm = get(function, "tetris", "ada");
        answer(cold);
        answer(warm);

        assertThat(cold.initDurationMs())
                .as("the first invocation is a cold start and reports an Init Duration")
                .isNotNull();
        List<String> log = cold.log();
        int start = indexOf(log, "START RequestId:");
        int built = indexOf(log, ClientBuildProbe.MARKER);
        assertThat(built >= 0 && built < start)
                .as(
                        "expected the client built during Init (in the constructor or a static initialiser), so its log line"
                                + " comes before the first START line; %s. Building it lazily in handleRequest makes the first"
                                + " player wait for it. The cold start's log:\n    %s",
                        built < 0 ? "no client was built at all" : "it was built after START, inside the first request",
                        String.join("\n    ", log))
                .isTrue();
        assertThat(builds(List.of(warm)))
                .as(
                        "expected the warm invocation to build no client, but its log shows %d: %s",
                        builds(List.of(warm)), describe(warm))
                .isZero();
    }

    private static int indexOf(List<String> log, String prefix) {
        for (int i = 0; i < log.size(); i++) {
            if (log.get(i).startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }

    @Graded(points = 2)
    @DisplayName("reads the table from TABLE_NAME: two functions on two tables answer each from its own")
    void readsTheTableFromTheEnvironment() {
        ScoresTables.Table other = ScoresTables.create(dynamo, names);
        new BestScores(dynamo, other.name()).submit("tetris", "ada", 777);
        String first = deploy(Map.of("TABLE_NAME", table.name()));
        String second = functions.deploy(
                deploymentPackage(),
                HANDLER,
                functions.roleWithTableAccess(other),
                Map.of("TABLE_NAME", other.name()),
                b -> {});

        JsonNode fromFirst = answer(get(first, "tetris", "ada"));
        JsonNode fromSecond = answer(get(second, "tetris", "ada"));

        assertThat(List.of(
                        fromFirst.path("best").asLong(), fromSecond.path("best").asLong()))
                .as(
                        "expected ada's best read from each function's own table, TABLE_NAME=%s (4200) and TABLE_NAME=%s (777),"
                                + " but they answered %s and %s: read System.getenv(\"TABLE_NAME\"), never a name in the code",
                        table.name(), other.name(), fromFirst, fromSecond)
                .containsExactly(4200L, 777L);
    }

    private static void assertNotTheSkeleton(Invocation invocation) {
        if (invocation.payloadText().contains("TODO 3.2")) {
            throw new UnsupportedOperationException("TODO 3.2: the constructor still throws the skeleton's"
                    + " UnsupportedOperationException; the function " + describe(invocation));
        }
    }

    @Graded(points = 2)
    @DisplayName("fails at Init, with a message naming TABLE_NAME, when the variable is missing")
    void failsAtInitWithoutTheVariable() {
        String function = deploy(Map.of("GAME_MODE", "arcade"));

        Invocation first = get(function, "tetris", "ada");
        Invocation second = get(function, "tetris", "ada");

        for (Invocation invocation : List.of(first, second)) {
            assertNotTheSkeleton(invocation);
            assertThat(invocation.failed())
                    .as("expected the function without TABLE_NAME to fail, but it %s", describe(invocation))
                    .isTrue();
            assertThat(invocation.log())
                    .as(
                            "expected the failure in the Init phase (an INIT_REPORT line with Status: error: throw from the"
                                    + " constructor), not inside the request; the function %s",
                            describe(invocation))
                    .anyMatch(line -> line.startsWith("INIT_REPORT") && line.contains("Status: error"));
            assertThat(invocation.payloadText())
                    .as(
                            "expected the init error's message to name TABLE_NAME, so whoever reads it knows what to set;"
                                    + " the function %s",
                            describe(invocation))
                    .contains("TABLE_NAME");
        }
    }

    @Graded(points = 1)
    @DisplayName("fails at Init when TABLE_NAME is empty, too")
    void failsAtInitWhenTheVariableIsEmpty() {
        String function = deploy(Map.of("TABLE_NAME", ""));

        Invocation invocation = get(function, "tetris", "ada");

        assertNotTheSkeleton(invocation);
        assertThat(invocation.failed()
                        && invocation.log().stream()
                                .anyMatch(l -> l.startsWith("INIT_REPORT") && l.contains("Status: error"))
                        && invocation.payloadText().contains("TABLE_NAME"))
                .as(
                        "expected an empty TABLE_NAME to fail at Init with a message naming TABLE_NAME (an empty name is no"
                                + " table), but the function %s",
                        describe(invocation))
                .isTrue();
    }
}
