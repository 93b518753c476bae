package dev.arcade.functions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arcade.functions.given.ScoreWorker;
import dev.arcade.kit.ResourceNames;
import dev.arcade.kit.backend.Backend;
import dev.arcade.kit.sdk.ApiCall;
import dev.arcade.lambda.LambdaRuntime;
import dev.arcade.lambda.runtime.Invocation;
import dev.arcade.lambda.triggers.ApiGatewayRestEvent;
import dev.arcade.lambda.triggers.TriggerEvent;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.GetFunctionConfigurationResponse;
import software.amazon.awssdk.services.lambda.model.GetFunctionResponse;
import software.amazon.awssdk.services.lambda.model.LastUpdateStatus;

/**
 * What the tests of 3.9 need around the learner's {@code Releases}: the given {@link ScoreWorker}
 * deployed with the kit's clients, versions published and aliases set by the kit (so that each method
 * is graded on its own), invocations through an alias counted by the version that answered, and API
 * Gateway requests that the function can answer.
 */
final class Release39Fixtures {
    /** The environment variable that tells one release from the next: a change of configuration. */
    static final String RELEASE = "RELEASE";

    /** What the invocations ask the {@link ScoreWorker}: it answers with the version that ran. */
    static final String BEST = "{\"op\":\"best\",\"game\":\"tetris\",\"player\":\"ada\"}";

    private static final ObjectMapper JSON = new ObjectMapper();

    private Release39Fixtures() {}

    /**
     * A deployed function and the kit's client that manages it.
     *
     * @param name the function's name
     * @param arn its unqualified ARN
     * @param table the table it reads
     * @param lambda the kit's client (not the learner's)
     */
    record Fn(String name, String arn, ScoresTables.Table table, LambdaClient lambda) {

        /** Changes the configuration ({@code RELEASE}) without waiting: the update is InProgress afterwards. */
        void update(String release) {
            lambda.updateFunctionConfiguration(b -> b.functionName(name)
                    .environment(e -> e.variables(Map.of("TABLE_NAME", table.name(), RELEASE, release))));
        }

        /** Publishes what $LATEST is now, as a careful release tool would: after the last update is done. */
        String publish() {
            lambda.waiter().waitUntilFunctionUpdatedV2(b -> b.functionName(name));
            return lambda.publishVersion(b -> b.functionName(name)).version();
        }

        /** Changes the configuration to {@code release}, waits, and publishes it: the kit's own release. */
        String release(String release) {
            update(release);
            return publish();
        }

        /** Creates the alias live on {@code version}, with {@code weights} routed to other versions. */
        void alias(String version, Map<String, Double> weights) {
            lambda.createAlias(b -> b.functionName(name)
                    .name(Releases.LIVE)
                    .functionVersion(version)
                    .routingConfig(r -> r.additionalVersionWeights(weights)));
        }

        /** The configuration version {@code version} was published with. */
        GetFunctionConfigurationResponse configuration(String version) {
            return lambda.getFunctionConfiguration(b -> b.functionName(name).qualifier(version));
        }

        /** The {@code RELEASE} a version was published with. */
        String releaseOf(String version) {
            var environment = configuration(version).environment();
            return environment == null ? null : environment.variables().get(RELEASE);
        }

        /** The published versions, without $LATEST. */
        List<String> versions() {
            return lambda.listVersionsByFunction(b -> b.functionName(name)).versions().stream()
                    .map(FunctionConfiguration::version)
                    .filter(v -> !v.equals("$LATEST"))
                    .toList();
        }

        /** {@code name:qualifier}, as a client or a trigger names an alias or a version. */
        String qualified(String qualifier) {
            return name + ":" + qualifier;
        }
    }

    /**
     * Deploys the given {@link ScoreWorker} (release 1 in its environment) on a new table, with a role
     * that may use the table, and waits until it is Active.
     */
    static Fn deploy(DynamoDbClient dynamo, Functions functions, LambdaClient lambda, ResourceNames names) {
        ScoresTables.Table table = ScoresTables.create(dynamo, names);
        String name = functions.deploy(
                Functions.scoreWorkerPackage(),
                ScoreWorker.class.getName() + "::handleRequest",
                functions.roleWithTableAccess(table),
                Map.of("TABLE_NAME", table.name(), RELEASE, "1"),
                b -> {});
        String arn = lambda.getFunctionConfiguration(b -> b.functionName(name)).functionArn();
        return new Fn(name, arn, table, lambda);
    }

    /**
     * Invokes {@code function} (a name with an alias or version) {@code times} times, one after the
     * other, and counts which version answered each time (the {@code "version"} the function read from
     * its context).
     *
     * @return the number of answers of each version, in the versions' order
     */
    static Map<String, Integer> versionsRun(LambdaRuntime runtime, String function, int times) {
        Map<String, Integer> counts = new TreeMap<>();
        for (int i = 0; i < times; i++) {
            Invocation run = runtime.invoke(function, BEST, "api");
            counts.merge(versionOf(run, function), 1, Integer::sum);
        }
        return counts;
    }

    /** The version that answered an invocation, as the function says it. */
    static String versionOf(Invocation run, String function) {
        if (run.failed()) {
            throw new AssertionError("expected the given ScoreWorker to answer when " + function
                    + " is invoked, but it failed with " + run.errorType() + ": " + run.payloadText()
                    + "\nlog:\n" + String.join("\n", run.log()));
        }
        try {
            JsonNode answer = JSON.readTree(run.payloadText());
            return answer.path("version").asText();
        } catch (IOException e) {
            throw new AssertionError(
                    "expected the ScoreWorker to answer JSON, but it answered " + run.payloadText(), e);
        }
    }

    /** The execute-api ARN of one API's {@code POST /scores} in any stage: what the learner grants. */
    static String apiMethods(String account, String apiId) {
        return "arn:aws:execute-api:" + Backend.REGION + ":" + account + ":" + apiId + "/*/POST/scores";
    }

    /**
     * A {@code POST /scores} request through API Gateway (REST, proxy integration, stage {@code prod})
     * of API {@code apiId} in {@code account}: API Gateway's event, with the fields the {@link
     * ScoreWorker} reads added, so that the function answers with its version. The function policy
     * sees what API Gateway presents: its principal, the method's execute-api ARN and the account.
     */
    static TriggerEvent apiRequest(String account, String apiId) {
        return apiRequest(account, apiId, "POST", "/scores");
    }

    /** Like {@link #apiRequest(String, String)}, for another method or path of the API. */
    static TriggerEvent apiRequest(String account, String apiId, String method, String path) {
        ApiGatewayRestEvent event = ApiGatewayRestEvent.builder()
                .region(Backend.REGION)
                .account(account)
                .apiId(apiId)
                .stage("prod")
                .request(method, path, path)
                .body(BEST)
                .random(new Random(39))
                .build();
        return new TriggerEvent() {
            @Override
            public String servicePrincipal() {
                return event.servicePrincipal();
            }

            @Override
            public String sourceArn() {
                return event.sourceArn();
            }

            @Override
            public String sourceAccount() {
                return event.sourceAccount();
            }

            @Override
            public ObjectNode toJson() {
                ObjectNode json = event.toJson();
                json.put("op", "best").put("game", "tetris").put("player", "ada");
                return json;
            }
        };
    }

    /**
     * The function's {@code LastUpdateStatus} as a GetFunction or GetFunctionConfiguration call of the
     * learner saw it, or null for another call or one that failed.
     */
    static LastUpdateStatus updateStatusSeen(ApiCall call) {
        SdkResponse response = call.response().orElse(null);
        if (response instanceof GetFunctionResponse get && get.configuration() != null) {
            return get.configuration().lastUpdateStatus();
        }
        if (response instanceof GetFunctionConfigurationResponse get) {
            return get.lastUpdateStatus();
        }
        return null;
    }

    /** The learner's calls as one line, with what each Get call said of the last update. */
    static String describe(List<ApiCall> calls) {
        if (calls.isEmpty()) {
            return "no AWS calls";
        }
        return calls.stream()
                .map(c -> {
                    LastUpdateStatus seen = updateStatusSeen(c);
                    String failed = c.failure()
                            .map(f -> " failed: " + f.getClass().getSimpleName())
                            .orElse("");
                    return c.operation() + (seen == null ? "" : " (LastUpdateStatus " + seen + ")") + failed;
                })
                .collect(Collectors.joining(", "));
    }
}
