package dev.arcade.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arcade.evaluators.iam.Decision;
import dev.arcade.evaluators.iam.PolicyEvaluator;
import dev.arcade.evaluators.iam.PolicySet;
import dev.arcade.evaluators.iam.RequestContext;
import dev.arcade.kit.AwsTest;
import dev.arcade.kit.CodeUnderTest;
import dev.arcade.kit.Exercise;
import dev.arcade.kit.Graded;
import dev.arcade.kit.Learner;
import dev.arcade.kit.ResourceNames;
import dev.arcade.kit.backend.Backend;
import dev.arcade.lambda.iam.RolePolicies;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

/**
 * Graded by running the given score function under the learner's role (every AWS call it makes is
 * decided against the role, as in AWS), and by the course's IAM evaluator for what a function cannot
 * try here (another region, another account, another service, who may assume the role).
 */
@AwsTest
@Exercise("3.4")
@DisplayName("3.4 The execution role")
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // each test deploys and starts a function
class Exercise34ExecutionRoleTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Another account, for requests from outside Arcade's (the documentation's example id). */
    private static final String OTHER_ACCOUNT = "444455556666";
    /** An identity policy that lets its holder assume any role: what a trust policy naming an account lets in. */
    private static final String MAY_ASSUME_ANY_ROLE = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":"
            + "\"Allow\",\"Action\":\"sts:AssumeRole\",\"Resource\":\"*\"}]}";

    private Learner learner;
    private IamClient forLearner;
    private IamClient iam;
    private CloudWatchLogsClient logs;
    private Functions functions;
    private ResourceNames names;
    private ScoresTables.Table table;
    private String account;
    private String roleName;

    @BeforeEach
    void setUp(
            Learner learner,
            @CodeUnderTest IamClient forLearner,
            IamClient iam,
            LambdaClient lambda,
            DynamoDbClient dynamo,
            CloudWatchLogsClient logs,
            Backend backend,
            ResourceNames names) {
        this.learner = learner;
        this.forLearner = forLearner;
        this.iam = iam;
        this.logs = logs;
        this.names = names;
        this.functions = new Functions(iam, lambda, names);
        this.table = ScoresTables.create(dynamo, names);
        this.account = backend.accountId();
        this.roleName = names.unique("ScoreFunctionRole");
    }

    private String createRole() {
        return learner.call(
                "ExecutionRole.create(iam, \"" + roleName + "\", \"" + table.arn() + "\")",
                () -> ExecutionRole.create(forLearner, roleName, table.arn()));
    }

    /** The learner's role, read back from IAM: its trust policy and every policy it has. */
    private RolePolicies.Loaded readBack() {
        return RolePolicies.load(iam, roleName);
    }

    /** The function's error (type and message, without the stack trace) and the end of its log. */
    private static String describe(InvokeResponse response) {
        String payload = response.payload().asUtf8String();
        String error = payload;
        try {
            JsonNode document = JSON.readTree(payload);
            if (document.has("errorMessage")) {
                error = document.path("errorType").asText() + ": "
                        + document.path("errorMessage").asText();
            }
        } catch (IOException e) {
            // not an error document: show the payload as it is
        }
        String log = Functions.tail(response)
                .lines()
                .filter(line -> !line.stripLeading().startsWith("at ")
                        && !line.stripLeading().startsWith("\"software."))
                .collect(java.util.stream.Collectors.joining("\n    "));
        return error + "\n  the end of its log (stack frames left out):\n    " + log;
    }

    /** Invokes the score function and returns its answer; fails saying what the function did instead. */
    private JsonNode call(String function, String what, String event) {
        InvokeResponse response = functions.invoke(function, event);
        if (response.functionError() != null) {
            throw new AssertionError(
                    "expected the score function to " + what + " with your role, but it failed: " + describe(response));
        }
        try {
            return JSON.readTree(response.payload().asUtf8String());
        } catch (IOException e) {
            throw new AssertionError("expected a JSON answer, but the function answered " + describe(response), e);
        }
    }

    private String deployWithLearnersRole() {
        String arn = createRole();
        return functions.deployScoreWorker(table, arn);
    }

    @Graded(points = 1)
    @DisplayName("creates the role and returns its ARN")
    void returnsTheRoleArn() {
        String returned = createRole();

        String stored = iam.getRole(r -> r.roleName(roleName)).role().arn();
        assertThat(returned)
                .as(
                        "expected create(...) to return the ARN CreateRole gave the role (%s), but it returned %s",
                        stored, returned)
                .isEqualTo(stored);
    }

    @Graded(points = 3)
    @DisplayName(
            "the score function works under the role: it submits, raises and reads best scores and the leaderboard")
    void theScoreServiceWorks() {
        String function = deployWithLearnersRole();

        JsonNode first = call(
                function,
                "store a first best score (UpdateItem)",
                "{\"op\":\"submit\",\"game\":\"tetris\",\"player\":\"ada\",\"score\":4200}");
        assertThat(first.path("newBest").asBoolean())
                .as("expected the first score to be a new best, but the function answered %s", first)
                .isTrue();
        call(
                function,
                "compare a lower score with the best (UpdateItem, then GetItem)",
                "{\"op\":\"submit\",\"game\":\"tetris\",\"player\":\"ada\",\"score\":100}");
        call(function, "read a best score (GetItem)", "{\"op\":\"best\",\"game\":\"tetris\",\"player\":\"ada\"}");
        JsonNode top = call(
                function,
                "read the leaderboard (Query on the " + ScoreTable.LEADERBOARD_INDEX + " index)",
                "{\"op\":\"top\",\"game\":\"tetris\"}");
        assertThat(top.path("top").toString())
                .as("expected the leaderboard to list ada=4200, but the function answered %s", top)
                .contains("ada=4200");
    }

    @Graded(points = 2)
    @DisplayName("the function's logs reach CloudWatch Logs, in its log group /aws/lambda/FUNCTION")
    void theLogsAreWritten() {
        String function = deployWithLearnersRole();
        call(function, "read a best score", "{\"op\":\"best\",\"game\":\"tetris\",\"player\":\"ada\"}");

        String group = "/aws/lambda/" + function;
        List<String> messages = groupEvents(group);
        assertThat(String.join("\n", messages))
                .as(
                        "expected the invocation's START and REPORT lines in the log group %s (Lambda writes them with the"
                                + " role's logs:CreateLogGroup, logs:CreateLogStream and logs:PutLogEvents, which the AWS"
                                + " managed policy AWSLambdaBasicExecutionRole grants), but the group holds: %s",
                        group, messages)
                .contains("START RequestId")
                .contains("REPORT RequestId");
    }

    private List<String> groupEvents(String group) {
        try {
            return logs.filterLogEvents(b -> b.logGroupName(group)).events().stream()
                    .map(e -> e.message())
                    .toList();
        } catch (ResourceNotFoundException e) {
            return List.of();
        }
    }

    @Graded(points = 1)
    @DisplayName("the logs come from the AWS managed policy AWSLambdaBasicExecutionRole, attached to the role")
    void usesTheManagedPolicyForLogs() {
        createRole();

        List<String> attached = iam.listAttachedRolePolicies(r -> r.roleName(roleName)).attachedPolicies().stream()
                .map(AttachedPolicy::policyArn)
                .toList();
        assertThat(attached)
                .as(
                        "expected the AWS managed policy %s attached to %s (AttachRolePolicy), but the attached policies"
                                + " are %s",
                        ExecutionRole.BASIC_EXECUTION, roleName, attached)
                .contains(ExecutionRole.BASIC_EXECUTION);
    }

    @Graded(points = 2)
    @DisplayName("only the Lambda service may assume the role: not another service, an account or everyone")
    void onlyLambdaMayAssumeTheRole() {
        String arn = createRole();
        RolePolicies.Loaded role = readBack();

        RequestContext.Builder lambda = RequestContext.builder().principalService("lambda.amazonaws.com");
        assertThat(PolicyEvaluator.canAssume(
                                role.trustPolicy(),
                                lambda.action("sts:AssumeRole").resource(arn).build())
                        .allowed())
                .as("expected the trust policy of %s to let lambda.amazonaws.com assume it", roleName)
                .isTrue();

        Map<String, RequestContext> others = new LinkedHashMap<>();
        others.put(
                "the EC2 service",
                RequestContext.builder()
                        .principalService("ec2.amazonaws.com")
                        .action("sts:AssumeRole")
                        .resource(arn)
                        .build());
        others.put(
                "Lambda@Edge (edgelambda.amazonaws.com)",
                RequestContext.builder()
                        .principalService("edgelambda.amazonaws.com")
                        .action("sts:AssumeRole")
                        .resource(arn)
                        .build());
        others.put(
                "Step Functions (states.amazonaws.com)",
                RequestContext.builder()
                        .principalService("states.amazonaws.com")
                        .action("sts:AssumeRole")
                        .resource(arn)
                        .build());
        others.put(
                "the EventBridge service",
                RequestContext.builder()
                        .principalService("events.amazonaws.com")
                        .action("sts:AssumeRole")
                        .resource(arn)
                        .build());
        others.put(
                "an IAM user of this account who may assume any role",
                RequestContext.builder()
                        .principalArn("arn:aws:iam::" + account + ":user/mallory")
                        .action("sts:AssumeRole")
                        .resource(arn)
                        .build());
        others.put(
                "a role of another account that may assume any role",
                RequestContext.builder()
                        .principalArn("arn:aws:iam::" + OTHER_ACCOUNT + ":role/Intruder")
                        .action("sts:AssumeRole")
                        .resource(arn)
                        .build());
        PolicySet mayAssumeAny = PolicySet.builder()
                .identityPolicy("MayAssumeAnyRole", MAY_ASSUME_ANY_ROLE)
                .build();
        for (Map.Entry<String, RequestContext> other : others.entrySet()) {
            Decision decision = PolicyEvaluator.canAssume(role.trustPolicy(), other.getValue(), mayAssumeAny);
            assertThat(decision.allowed())
                    .as(
                            "expected the trust policy of %s to let only lambda.amazonaws.com assume it, but it lets %s"
                                    + " in: %s",
                            roleName, other.getKey(), decision.explanation())
                    .isFalse();
        }
    }

    /** What one call the service never makes got from DynamoDB, through the function and its role. */
    private String probe(String function, String call, String tableName) {
        JsonNode answer = call(
                function,
                "try a " + call + " call",
                "{\"op\":\"probe\",\"call\":\"" + call + "\",\"table\":\"" + tableName + "\"}");
        return answer.path("errorCode").asText();
    }

    @Graded(points = 2)
    @DisplayName(
            "inside the function, every DynamoDB call the service does not make is refused with AccessDeniedException")
    void refusesTheCallsTheServiceDoesNotMake() {
        String function = deployWithLearnersRole();
        String otherTable = names.unique("Players");

        Map<String, String> refused = new LinkedHashMap<>();
        refused.put("a Scan of the table", probe(function, "scan", table.name()));
        refused.put("a Scan of the Leaderboard index", probe(function, "scanIndex", table.name()));
        refused.put("a PutItem (the service writes with UpdateItem)", probe(function, "put", table.name()));
        refused.put("a DeleteItem", probe(function, "delete", table.name()));
        refused.put("a BatchWriteItem", probe(function, "batchWrite", table.name()));
        refused.put("a DescribeTable", probe(function, "describe", table.name()));
        refused.put("a GetItem on another table", probe(function, "get", otherTable));
        refused.put("a Query on another table's Leaderboard index", probe(function, "queryIndex", otherTable));

        refused.forEach((what, errorCode) -> assertThat(errorCode)
                .as(
                        "expected %s to fail inside the function with AccessDeniedException (least privilege: only"
                                + " GetItem and UpdateItem on the table, Query on its index), but DynamoDB %s",
                        what, errorCode.equals("none") ? "accepted it" : "answered " + errorCode)
                .isEqualTo("AccessDeniedException"));
    }

    private RequestContext asTheFunction(String action, String resource) {
        return RequestContext.builder()
                .principalArn("arn:aws:sts::" + account + ":assumed-role/" + roleName + "/ScoreFunction")
                .action(action)
                .resource(resource)
                .build();
    }

    @Graded(points = 2)
    @DisplayName("denies the same table in another region or account, a name that starts the same, and other services")
    void deniesOtherResourcesAndServices() {
        createRole();
        PolicySet role = readBack().policies();

        String otherRegion = table.arn().replace(":us-east-1:", ":eu-west-1:");
        String otherAccount = table.arn().replace(":" + account + ":", ":" + OTHER_ACCOUNT + ":");
        Map<String, RequestContext> denied = new LinkedHashMap<>();
        denied.put("GetItem on the same table name in another region", asTheFunction("dynamodb:GetItem", otherRegion));
        denied.put(
                "UpdateItem on the same table name in another account",
                asTheFunction("dynamodb:UpdateItem", otherAccount));
        denied.put(
                "UpdateItem on a table whose name starts the same",
                asTheFunction("dynamodb:UpdateItem", table.arn() + "-backup"));
        denied.put(
                "Query on the same index in another region",
                asTheFunction("dynamodb:Query", otherRegion + "/index/" + ScoreTable.LEADERBOARD_INDEX));
        denied.put(
                "Query on another index of the table (grant the Leaderboard index, not index/*)",
                asTheFunction("dynamodb:Query", table.arn() + "/index/ByPlayer"));
        denied.put(
                "reading the table's stream (table/NAME/* covers it)",
                asTheFunction("dynamodb:GetRecords", table.streamArn()));
        denied.put("deleting the table", asTheFunction("dynamodb:DeleteTable", table.arn()));
        denied.put(
                "creating an IAM user", asTheFunction("iam:CreateUser", "arn:aws:iam::" + account + ":user/backdoor"));
        denied.put("passing a role", asTheFunction("iam:PassRole", "arn:aws:iam::" + account + ":role/Admin"));
        denied.put("reading an S3 object", asTheFunction("s3:GetObject", "arn:aws:s3:::arcade-private/keys.txt"));
        denied.put(
                "replacing a function's code",
                asTheFunction(
                        "lambda:UpdateFunctionCode", "arn:aws:lambda:us-east-1:" + account + ":function:Payments"));
        for (Map.Entry<String, RequestContext> request : denied.entrySet()) {
            Decision decision = PolicyEvaluator.evaluate(request.getValue(), role);
            assertThat(decision.allowed())
                    .as(
                            "expected the role %s to deny %s (%s on %s), but it allows it: %s",
                            roleName,
                            request.getKey(),
                            request.getValue().action(),
                            request.getValue().resource(),
                            decision.explanation())
                    .isFalse();
        }
    }
}
