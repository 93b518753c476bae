package dev.arcade.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arcade.evaluators.iam.Decision;
import dev.arcade.evaluators.iam.RequestContext;
import dev.arcade.kit.AwsTest;
import dev.arcade.kit.CodeUnderTest;
import dev.arcade.kit.Exercise;
import dev.arcade.kit.Graded;
import dev.arcade.kit.Learner;
import dev.arcade.kit.ResourceNames;
import dev.arcade.kit.backend.Backend;
import dev.arcade.lambda.LambdaRuntime;
import dev.arcade.lambda.Triggers.Delivery;
import dev.arcade.lambda.runtime.Invocation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * Graded by delivery: the given ScoreWorker is deployed with the kit, the learner's {@code allowApi} adds
 * the permission with the learner's Lambda client, and the kit's triggers decide who may invoke with the
 * function policy that GetPolicy returns (callers that are not a pushing service with the course's IAM
 * evaluator over the same policy). Nothing reads the policy's text.
 */
@AwsTest
@Exercise("3.5")
@DisplayName("3.5 The function policy for a trigger")
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class Exercise35FunctionPolicyTest {

    private static final String REGION = "us-east-1";
    private static final String API_ID = "k3x9p2m7qa";
    private static final String OTHER_API_ID = "w5t8n1v4zb";
    /** Not "prod": a permission that names some stage of its own is wrong here. */
    private static final String STAGE = "v2";

    private static final String METHOD = "POST";
    private static final String RESOURCE = "/games/{game}/scores";
    private static final String PATH = "/games/tetris/scores";

    private Learner learner;
    private LambdaClient forLearner;
    private LambdaClient lambda;
    private LambdaRuntime runtime;
    private String account;
    private String otherAccount;
    private String function;
    private String functionArn;

    @BeforeEach
    void setUp(
            Learner learner,
            @CodeUnderTest LambdaClient forLearner,
            LambdaClient lambda,
            IamClient iam,
            DynamoDbClient dynamo,
            LambdaRuntime runtime,
            Backend backend,
            ResourceNames names) {
        this.learner = learner;
        this.forLearner = forLearner;
        this.lambda = lambda;
        this.runtime = runtime;
        this.account = backend.accountId();
        this.otherAccount = "111122223333".equals(account) ? "444455556666" : "111122223333";
        Functions functions = new Functions(iam, lambda, names);
        ScoresTables.Table table = ScoresTables.create(dynamo, names);
        this.function = functions.deployScoreWorker(table, functions.roleWithTableAccess(table));
        this.functionArn = lambda.getFunction(b -> b.functionName(function))
                .configuration()
                .functionArn();
    }

    private String allowApi(String method, String resource) {
        return learner.call(
                "ApiPermission.allowApi(lambda, \"" + function + "\", \"" + REGION + "\", \"" + account + "\", \""
                        + API_ID + "\", \"" + STAGE + "\", \"" + method + "\", \"" + resource + "\")",
                () -> ApiPermission.allowApi(forLearner, function, REGION, account, API_ID, STAGE, method, resource));
    }

    private String allowScores() {
        return allowApi(METHOD, RESOURCE);
    }

    /** POST /games/tetris/scores on the API's stage, as API Gateway sends it. */
    private Api35Fixtures.Request scoresRequest() {
        return Api35Fixtures.request(
                REGION, account, API_ID, STAGE, METHOD, PATH, Api35Fixtures.submit("tetris", "ada", 4200));
    }

    private Delivery deliver(Api35Fixtures.Request request) {
        return runtime.triggers().deliver(request, function);
    }

    private String functionPolicy() {
        return lambda.getPolicy(b -> b.functionName(function)).policy();
    }

    /** Asserts that the request reached the function and the function answered it. */
    private JsonNode assertReaches(Api35Fixtures.Request request, String permission) {
        Delivery delivery = deliver(request);
        assertThat(delivery.delivered())
                .as(
                        "expected %s to reach the function (its source ARN is %s), but Lambda refused it: %s. The"
                                + " permission you added was %s; a path parameter such as {game} must be * in the"
                                + " SourceArn, because API Gateway presents the path it was called with",
                        request.describe(), request.sourceArn(), delivery.reason(), permission)
                .isTrue();
        Invocation run = delivery.invocation();
        assertThat(run.failed())
                .as(
                        "expected the function to answer %s, but it failed with %s: %s",
                        request.describe(), run.errorType(), run.payloadText())
                .isFalse();
        return Api35Fixtures.read(run.payloadText());
    }

    /** Asserts that each request is refused, and names the ones that got through. */
    private void assertRefused(List<Api35Fixtures.Request> requests, String why, String permission) {
        List<String> through = new ArrayList<>();
        for (Api35Fixtures.Request request : requests) {
            if (deliver(request).delivered()) {
                through.add(request.describe() + " (source " + request.sourceArn() + ")");
            }
        }
        assertThat(through)
                .as(
                        "expected Lambda to refuse %d request(s) that are not %s, but %d reached the function: %s. %s."
                                + " The permission you added was %s",
                        requests.size(), scoresRequest().describe(), through.size(), through, why, permission)
                .isEmpty();
    }

    @Graded(points = 2)
    @DisplayName("a POST to /games/{game}/scores on the API's stage reaches the function, and it answers")
    void theApiReachesTheFunction() {
        String permission = allowScores();

        JsonNode answer = assertReaches(scoresRequest(), permission);
        assertThat(answer.path("best").asLong(-1))
                .as("expected the function to answer the submitted best score 4200, but it answered %s", answer)
                .isEqualTo(4200);
    }

    @Graded(points = 2)
    @DisplayName("another API of the same account cannot invoke the function")
    void anotherApiIsRefused() {
        String permission = allowScores();

        assertRefused(
                List.of(scoresRequest().withApiId(OTHER_API_ID)),
                "The SourceArn must name API " + API_ID + ", not every API (no * for the API id)",
                permission);
    }

    @Graded(points = 2)
    @DisplayName("the same API id in another account cannot invoke the function (confused deputy)")
    void theSameApiIdInAnotherAccountIsRefused() {
        String permission = allowScores();

        assertRefused(
                List.of(scoresRequest().withAccount(otherAccount)),
                "Anyone can make an API in their own account and point it at your function; the SourceArn must"
                        + " name your account " + account + " (SourceAccount " + account + " helps too)",
                permission);
    }

    @Graded(points = 3)
    @DisplayName("another stage, another method or another path of the same API cannot invoke the function")
    void otherRoutesOfTheApiAreRefused() {
        String permission = allowScores();

        assertRefused(
                List.of(
                        scoresRequest().withStage("prod"),
                        scoresRequest().withStage("v2-test"),
                        scoresRequest().withMethod("GET"),
                        scoresRequest().withMethod("DELETE"),
                        scoresRequest().withPath("/games/tetris"),
                        scoresRequest().withPath("/games/tetris/leaderboard"),
                        scoresRequest().withPath("/games/tetris/scores/ada")),
                "The SourceArn must end in API_ID/STAGE/METHOD/PATH with this stage, this method and this path:"
                        + " not API_ID/*, and no * in place of the stage, the method or a fixed part of the path (a"
                        + " path parameter is the only part that is *)",
                permission);
    }

    @Graded(points = 2)
    @DisplayName("no principal other than API Gateway can invoke the function: another service, another account")
    void otherPrincipalsAreRefused() {
        String permission = allowScores();

        assertRefused(
                List.of(
                        scoresRequest().withPrincipal("events.amazonaws.com"),
                        scoresRequest().withPrincipal("sns.amazonaws.com")),
                "The statement's Principal must be the service apigateway.amazonaws.com, not \"*\"",
                permission);

        String mallory = "arn:aws:iam::" + otherAccount + ":user/mallory";
        Decision decision = Api35Fixtures.decideWithIdentity(
                functionPolicy(),
                RequestContext.builder()
                        .principalArn(mallory)
                        .action("lambda:InvokeFunction")
                        .resource(functionArn)
                        .without("aws:SourceArn")
                        .without("aws:SourceAccount")
                        .build(),
                "lambda:InvokeFunction");
        assertThat(decision.allowed())
                .as(
                        "expected the IAM user %s of account %s NOT to be allowed to call lambda:InvokeFunction on %s,"
                                + " but the function policy lets it: %s. The Principal must be the service"
                                + " apigateway.amazonaws.com, not \"*\". The permission you added was %s",
                        mallory, otherAccount, functionArn, decision.explanation(), permission)
                .isFalse();
    }

    @Graded(points = 1)
    @DisplayName("the permission lets API Gateway invoke the function, and do nothing else with it")
    void onlyInvoke() {
        String permission = allowScores();

        String policy = functionPolicy();
        List<String> allowed = new ArrayList<>();
        for (String action : List.of(
                "lambda:UpdateFunctionCode",
                "lambda:UpdateFunctionConfiguration",
                "lambda:GetFunction",
                "lambda:AddPermission",
                "lambda:DeleteFunction")) {
            Api35Fixtures.Request request = scoresRequest();
            Decision decision = Api35Fixtures.decide(
                    policy,
                    RequestContext.builder()
                            .principalService(request.servicePrincipal())
                            .action(action)
                            .resource(functionArn)
                            .context("aws:SourceArn", request.sourceArn())
                            .context("aws:SourceAccount", request.sourceAccount())
                            .build());
            if (decision.allowed()) {
                allowed.add(action);
            }
        }
        assertThat(allowed)
                .as(
                        "expected the function policy to let API Gateway do nothing but lambda:InvokeFunction, but it"
                                + " also allows %s: the Action must be lambda:InvokeFunction, not lambda:*. The"
                                + " permission you added was %s",
                        allowed, permission)
                .isEmpty();
    }

    @Graded(points = 1)
    @DisplayName("a second call for another method and path adds a second permission, and both routes work")
    void aSecondRouteAddsASecondPermission() {
        String first = allowScores();
        String second = allowApi("GET", "/games/{game}/players/{player}");

        assertReaches(scoresRequest(), first);
        Api35Fixtures.Request best = Api35Fixtures.request(
                REGION,
                account,
                API_ID,
                STAGE,
                "GET",
                "/games/tetris/players/ada",
                Api35Fixtures.best("tetris", "ada"));
        JsonNode answer = assertReaches(best, second);
        assertThat(answer.path("best").asLong(-1))
                .as(
                        "expected the function to answer ada's best score 4200 for %s, but it answered %s",
                        best.describe(), answer)
                .isEqualTo(4200);
        assertReaches(scoresRequest(), first);

        // AWS refuses a second statement with the same id (ResourceConflictException); the emulator keeps both
        List<String> sids = new ArrayList<>();
        Api35Fixtures.read(functionPolicy())
                .path("Statement")
                .forEach(st -> sids.add(st.path("Sid").asText()));
        assertThat(sids)
                .as(
                        "expected each call to add a statement with a statement id of its own, but the function policy's"
                                + " statement ids are %s: on AWS the second AddPermission with an id that exists fails"
                                + " with ResourceConflictException. Make the id from the API, stage, method and path",
                        sids)
                .doesNotHaveDuplicates();
    }

    @Graded(points = 1)
    @DisplayName("allowApi returns the statement as AddPermission answered it")
    void returnsTheStatement() {
        String statement = allowScores();

        JsonNode returned;
        try {
            returned = Api35Fixtures.read(statement);
        } catch (RuntimeException e) {
            throw new AssertionError("expected allowApi to return the statement AddPermission answered (a JSON object),"
                    + " but it returned " + statement);
        }
        String sid = returned.path("Sid").asText("");
        JsonNode inPolicy = null;
        for (JsonNode s : Api35Fixtures.read(functionPolicy()).path("Statement")) {
            if (sid.equals(s.path("Sid").asText())) {
                inPolicy = s;
            }
        }
        assertThat(inPolicy)
                .as(
                        "expected allowApi to return the statement AddPermission answered (a JSON object with the"
                                + " Sid you chose, as GetPolicy lists it), but it returned %s",
                        statement)
                .isNotNull()
                .isEqualTo(returned);
    }
}
