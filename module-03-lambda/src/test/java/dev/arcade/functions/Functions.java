package dev.arcade.functions;

import dev.arcade.evaluators.iam.PolicySet;
import dev.arcade.functions.given.ScoreWorker;
import dev.arcade.kit.ResourceNames;
import dev.arcade.kit.lambda.FunctionPackage;
import dev.arcade.lambda.iam.RolePolicies;
import dev.arcade.lambda.runtime.Invocation;
import dev.arcade.lambda.streams.DeliveryRecord;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.CreateFunctionRequest;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LogType;
import software.amazon.awssdk.services.lambda.model.Runtime;

/**
 * Deploys functions for the tests with the kit's clients (never the learner's), the way a careful
 * engineer would: a role that lets Lambda assume it with the basic execution policy, Java 21, 512 MB,
 * and a wait until the function is Active.
 */
final class Functions {
    /** The trust policy of every execution role the tests make. */
    static final String LAMBDA_TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"Service\":\"lambda.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";

    /** The AWS managed policy that lets a function write its logs. */
    static final String BASIC_EXECUTION = "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole";

    /** The name of the inline policy of {@link #roleWithTableAccess}. */
    static final String TABLE_ACCESS = "TableAccess";

    private final IamClient iam;
    private final LambdaClient lambda;
    private final ResourceNames names;

    Functions(IamClient iam, LambdaClient lambda, ResourceNames names) {
        this.iam = iam;
        this.lambda = lambda;
        this.names = names;
    }

    /** The package of the given {@link ScoreWorker}: it, the data layer, and the DynamoDB SDK. */
    static byte[] scoreWorkerPackage() {
        return FunctionPackage.builder()
                .classes(ScoreWorker.class)
                .classes(BestScores.class, ScoreTable.class, LeaderboardEntry.class, Submission.class)
                .awsSdkFor(DynamoDbClient.class)
                .zip();
    }

    /** A role Lambda may assume, with the basic execution policy only: for functions that call no AWS API. */
    String basicRole() {
        return role("TestFnRole", null, null);
    }

    /**
     * A role Lambda may assume ({@link #LAMBDA_TRUST}), with the basic execution policy and, when
     * {@code policyName} is not null, an inline policy.
     *
     * @param prefix the start of the role's unique name
     * @return the role's ARN
     */
    String role(String prefix, String policyName, String policyDocument) {
        String name = names.unique(prefix);
        String arn = iam.createRole(b -> b.roleName(name).assumeRolePolicyDocument(LAMBDA_TRUST))
                .role()
                .arn();
        iam.attachRolePolicy(b -> b.roleName(name).policyArn(BASIC_EXECUTION));
        if (policyName != null) {
            iam.putRolePolicy(b -> b.roleName(name).policyName(policyName).policyDocument(policyDocument));
        }
        return arn;
    }

    /**
     * A role Lambda may assume, with the basic execution policy and an inline policy allowing every
     * DynamoDB action on the table, its index and its stream: for tests that are not about the role.
     */
    String roleWithTableAccess(ScoresTables.Table table) {
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"dynamodb:*\","
                + "\"Resource\":[\"" + table.arn() + "\",\"" + table.arn() + "/*\"]}]}";
        return role("TestFnRole", TABLE_ACCESS, policy);
    }

    /**
     * Creates a function (Java 21, 512 MB, 10 s, {@code TABLE_NAME} of the table) and waits until it is
     * Active; {@code more} may change any setting.
     *
     * @return the function's name
     */
    String deploy(
            byte[] zip,
            String handler,
            String roleArn,
            Map<String, String> environment,
            Consumer<CreateFunctionRequest.Builder> more) {
        String name = names.unique("fn");
        CreateFunctionRequest.Builder request = CreateFunctionRequest.builder()
                .functionName(name)
                .runtime(Runtime.JAVA21)
                .role(roleArn)
                .handler(handler)
                .memorySize(512)
                .timeout(10)
                .environment(e -> e.variables(environment))
                .code(c -> c.zipFile(SdkBytes.fromByteArray(zip)));
        more.accept(request);
        lambda.createFunction(request.build());
        lambda.waiter().waitUntilFunctionActiveV2(b -> b.functionName(name));
        return name;
    }

    /** Deploys the given {@link ScoreWorker} on the table, under {@code roleArn}. */
    String deployScoreWorker(ScoresTables.Table table, String roleArn) {
        return deploy(
                scoreWorkerPackage(),
                ScoreWorker.class.getName() + "::handleRequest",
                roleArn,
                Map.of("TABLE_NAME", table.name()),
                b -> {});
    }

    /** Invokes synchronously with the log's tail. */
    InvokeResponse invoke(String function, String payloadJson) {
        return lambda.invoke(b -> b.functionName(function)
                .logType(LogType.TAIL)
                .payload(SdkBytes.fromString(payloadJson, StandardCharsets.UTF_8)));
    }

    /** The last 4 KB of an invocation's log, decoded. */
    static String tail(InvokeResponse response) {
        return response.logResult() == null
                ? ""
                : new String(Base64.getDecoder().decode(response.logResult()), StandardCharsets.UTF_8);
    }

    /**
     * Turns a deployed skeleton's answer into the grader's "not started" verdict: when the function failed
     * with the skeleton's {@code TODO N} message, throws it as an {@link UnsupportedOperationException}
     * instead of letting the test print the whole error payload.
     *
     * @param invocation the function's answer
     * @param exercise the exercise's id, such as {@code "3.8"}
     * @throws UnsupportedOperationException when the answer carries {@code "TODO <exercise>"}
     */
    static void failIfSkeleton(Invocation invocation, String exercise) {
        String payload = invocation.payloadText();
        int at = payload.indexOf("TODO " + exercise);
        if (invocation.failed() && at >= 0) {
            int end = payload.indexOf('"', at);
            throw new UnsupportedOperationException(end > at ? payload.substring(at, end) : payload.substring(at));
        }
    }

    /**
     * The policies on a role that the kit did not put there (its inline {@code kitPolicy} and the basic
     * execution policy): the learner's, inline or attached, each as its document says.
     */
    static PolicySet learnersPolicies(IamClient iam, String roleName, String kitPolicy) {
        return RolePolicies.load(iam, roleName, policy -> !policy.equals(kitPolicy) && !policy.equals(BASIC_EXECUTION))
                .policies();
    }

    /** The principal of the function's role session: {@code arn:aws:sts::ACCOUNT:assumed-role/ROLE/FUNCTION}. */
    static String session(String roleArn, String function) {
        String account = roleArn.split(":")[4];
        return "arn:aws:sts::" + account + ":assumed-role/" + roleArn.substring(roleArn.lastIndexOf('/') + 1) + "/"
                + function;
    }

    /**
     * What a stream mapping did, one line per delivery, for failure messages: at most the first six
     * and the last two when there were more (a poison record without a retry limit makes hundreds).
     */
    static String describe(List<DeliveryRecord> deliveries) {
        if (deliveries == null || deliveries.isEmpty()) {
            return " nothing";
        }
        List<String> lines = new ArrayList<>();
        for (DeliveryRecord d : deliveries) {
            lines.add(d.kind() + " " + d.sequenceNumbers().size() + " record(s), attempt " + d.attempt()
                    + (d.detail().isEmpty() ? "" : ": " + d.detail()));
        }
        if (lines.size() > 8) {
            List<String> shown = new ArrayList<>(lines.subList(0, 6));
            shown.add("... " + (lines.size() - 8) + " more ...");
            shown.addAll(lines.subList(lines.size() - 2, lines.size()));
            lines = shown;
        }
        return "\n    " + String.join("\n    ", lines);
    }

    /**
     * Reads a sample event file from the test resources as {@code type}, with the Java runtime's own
     * serializer (what {@code EventLoader} of aws-lambda-java-tests does), bound to the class loader of
     * {@code type}: {@code EventLoader} binds it to the system class loader, whose copies of the event
     * classes are not the ones the grader loads the tests with, and a DynamoDB record then reads as empty.
     *
     * @param resource the file, such as {@code events/3.6-stream-batch.json}
     * @param type the event class, such as {@code DynamodbEvent.class}
     * @throws IllegalStateException when the file is not among the test resources
     */
    static <T> T sampleEvent(String resource, Class<T> type) {
        try (java.io.InputStream in = Functions.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not among the test resources");
            }
            return com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers.serializerFor(
                            type, type.getClassLoader())
                    .fromJson(in);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
