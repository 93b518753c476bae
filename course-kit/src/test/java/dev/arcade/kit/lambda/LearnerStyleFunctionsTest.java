package dev.arcade.kit.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arcade.kit.AwsTest;
import dev.arcade.kit.ResourceNames;
import dev.arcade.kit.lambda.learner.EnhancedScoreStore;
import dev.arcade.kit.lambda.learner.GatewayEcho;
import dev.arcade.kit.lambda.learner.Greetings;
import dev.arcade.kit.lambda.learner.NeedsConfig;
import dev.arcade.kit.lambda.learner.ScoreItem;
import dev.arcade.kit.lambda.learner.ScoreStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvalidRequestContentException;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LogType;

/**
 * Functions written and deployed the way module 03's learners do, each checked against what AWS Lambda
 * does. Pages followed: "Define Lambda function handler in Java" (handler strings {@code Class::method}
 * and {@code Class}, POJO, record, String, Integer and Map types, {@code RequestStreamHandler}),
 * "Deploy Java Lambda functions with .zip or JAR file archives" (an uber jar, or classes at the root and
 * {@code lib/*.jar}), "AWS Lambda function errors in Java" and "Troubleshoot invocation issues in Lambda"
 * (the error document, init errors, a class missing from the package), "Invoke" in the Lambda API
 * Reference (InvalidRequestContentException for a payload that is not JSON, {@code FunctionError}),
 * "Lambda quotas" (6 MB synchronous response: {@code Function.ResponseSizeTooLarge}), "Lambda function
 * states" (updates), "Configure Lambda function timeout" ("Task timed out after N seconds"), "Log and
 * monitor Java Lambda functions" (LambdaLogger and {@code System.err} in CloudWatch Logs), the DynamoDB
 * Developer Guide's "Identity-based policies for DynamoDB" and the IAM User Guide's "Troubleshoot access
 * denied error messages" (AccessDenied wording).
 *
 * <p>In: demo handlers of {@code dev.arcade.kit.lambda.learner}; out: the Invoke response, the function's
 * log events, the items the function wrote.
 */
@AwsTest
@DisplayName("Learner-style functions behave as on AWS Lambda")
class LearnerStyleFunctionsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LEARNER = "dev.arcade.kit.lambda.learner.";

    /** "Lambda quotas": invocation payload (request and response), synchronous: 6 MB, enforced as 6,291,556 bytes. */
    private static final int RESPONSE_LIMIT_BYTES = 6_291_556;

    private Deployer deployer;
    private LambdaClient lambda;
    private IamClient iam;
    private ResourceNames names;

    @BeforeEach
    void setUp(IamClient iam, LambdaClient lambda, ResourceNames names) {
        this.deployer = new Deployer(iam, lambda, names);
        this.lambda = lambda;
        this.iam = iam;
        this.names = names;
    }

    private static byte[] greetingsPackage() {
        return FunctionPackage.builder().packageOf(Greetings.class).zip();
    }

    private String deploy(byte[] zip, String handler) {
        return deployer.deploy(zip, handler, Map.of(), 5);
    }

    private InvokeResponse invoke(String function, String payload) {
        return lambda.invoke(b -> b.functionName(function).payload(SdkBytes.fromUtf8String(payload)));
    }

    /** The last 4 KB of the invocation's log, as {@code LogType=Tail} returns it (base64). */
    private static String tail(InvokeResponse response) {
        return new String(java.util.Base64.getDecoder().decode(response.logResult()), StandardCharsets.UTF_8);
    }

    private static String text(InvokeResponse response) {
        return response.payload().asUtf8String();
    }

    private static JsonNode json(InvokeResponse response) throws IOException {
        return JSON.readTree(response.payload().asByteArray());
    }

    @Nested
    @DisplayName("handler forms")
    class HandlerForms {
        @Test
        @DisplayName("Class::method with a String input and a Context answers the JSON string it returns")
        void classColonColonMethod() {
            String fn = deploy(greetingsPackage(), LEARNER + "Greetings::greet");
            InvokeResponse response = invoke(fn, "\"Ada\"");
            assertThat(response.functionError()).isNull();
            assertThat(text(response)).isEqualTo("\"Hello, Ada\"");
        }

        @Test
        @DisplayName("a bare class name runs handleRequest of its RequestHandler")
        void bareClassName() {
            String fn = deploy(greetingsPackage(), LEARNER + "Shouter");
            InvokeResponse response = invoke(fn, "{\"text\":\"game over\"}");
            assertThat(response.functionError()).isNull();
            assertThat(text(response)).isEqualTo("\"GAME OVER\"");
        }

        @Test
        @DisplayName("a RequestStreamHandler gets the payload's bytes as sent and its output is returned unchanged")
        void streamHandler() {
            String fn = deploy(greetingsPackage(), LEARNER + "StreamReverser");
            InvokeResponse response = invoke(fn, "{\"a\":1}");
            assertThat(response.functionError()).isNull();
            assertThat(text(response)).isEqualTo("}1:\"a\"{");
        }

        @Test
        @DisplayName("a record input and output are mapped from and to JSON by their component names")
        void recordTypes() throws IOException {
            String fn = deploy(greetingsPackage(), LEARNER + "Greetings::score");
            JsonNode reply = json(invoke(fn, "{\"player\":\"ada\",\"points\":1000}"));
            assertThat(reply.path("player").asText()).isEqualTo("ADA");
            assertThat(reply.path("points").asInt()).isEqualTo(1001);
            assertThat(reply.path("highScore").asBoolean()).isTrue();
        }

        @Test
        @DisplayName("a record returned by the handler is written as JSON with its component names")
        void recordOutput() throws IOException {
            String fn = deploy(greetingsPackage(), LEARNER + "Greetings::reply");
            InvokeResponse response = invoke(fn, "{\"player\":\"Ada\",\"points\":7}");
            assertThat(response.functionError()).as(text(response)).isNull();
            JsonNode reply = json(response);
            assertThat(reply.path("player").asText()).as(text(response)).isEqualTo("Ada");
            assertThat(reply.path("points").asInt()).isEqualTo(7);
        }

        @Test
        @DisplayName("a JavaBean input and output are mapped by their properties")
        void beanTypes() throws IOException {
            String fn = deploy(greetingsPackage(), LEARNER + "Greetings::levelUp");
            JsonNode reply = json(invoke(fn, "{\"name\":\"Grace\",\"level\":9}"));
            assertThat(reply.path("name").asText()).isEqualTo("Grace");
            assertThat(reply.path("level").asInt()).isEqualTo(10);
        }

        @Test
        @DisplayName(
                "a Map<String,Object> handler gets the JSON object and its returned map is JSON, with the context's function name")
        void mapTypes() throws IOException {
            String fn = deploy(greetingsPackage(), LEARNER + "Greetings::echo");
            JsonNode reply = json(invoke(fn, "{\"Level\":3,\"level\":\"three\",\"nested\":{\"x\":[1,2]}}"));
            assertThat(reply.path("Level").asInt())
                    .as("keys are case-sensitive")
                    .isEqualTo(3);
            assertThat(reply.path("level").asText()).isEqualTo("three");
            assertThat(reply.path("nested").path("x").get(1).asInt()).isEqualTo(2);
            assertThat(reply.path("seen").asBoolean()).isTrue();
            assertThat(reply.path("function").asText()).isEqualTo(fn);
        }

        @Test
        @DisplayName("a static method with only the input parameter and Integer types doubles a boundary value")
        void staticIntegerMethod() {
            String fn = deploy(greetingsPackage(), LEARNER + "Greetings::twice");
            assertThat(text(invoke(fn, "1073741823"))).isEqualTo("2147483646");
            assertThat(text(invoke(fn, "-0"))).isEqualTo("0");
        }

        @Test
        @DisplayName("a handler method name in the wrong case is not found: Lambda's names are case-sensitive")
        void methodCaseMatters() throws IOException {
            String fn = deploy(greetingsPackage(), LEARNER + "Greetings::Greet");
            InvokeResponse response = invoke(fn, "\"Ada\"");
            assertThat(response.functionError()).isEqualTo("Unhandled");
            assertThat(json(response).path("errorMessage").asText()).contains("Greet");
        }

        @Test
        @DisplayName("a handler class that is not in the package fails with ClassNotFoundException naming it")
        void missingHandlerClass() throws IOException {
            String fn = deploy(greetingsPackage(), LEARNER + "greetings::greet");
            InvokeResponse response = invoke(fn, "\"Ada\"");
            assertThat(response.functionError()).isEqualTo("Unhandled");
            JsonNode error = json(response);
            assertThat(error.path("errorType").asText()).isEqualTo("java.lang.ClassNotFoundException");
            assertThat(error.path("errorMessage").asText()).contains("greetings");
        }
    }

    @Nested
    @DisplayName("packaging")
    class Packaging {
        @Test
        @DisplayName("an uber jar (every class at the root, as maven-shade makes it) deployed as the package runs")
        void uberJar() throws IOException {
            byte[] zip = FunctionPackage.builder()
                    .packageOf(Greetings.class)
                    .lambdaEvents()
                    .zip();
            byte[] jar = shade(zip);
            assertThat(entries(jar)).noneMatch(name -> name.startsWith("lib/"));
            assertThat(entries(jar)).contains("org/joda/time/DateTime.class", "META-INF/MANIFEST.MF");
            String fn = deploy(jar, LEARNER + "GatewayEcho");
            InvokeResponse response = invoke(fn, "{\"path\":\"/scores\",\"httpMethod\":\"GET\"}");
            assertThat(response.functionError()).isNull();
            assertThat(json(response).path("body").asText()).isEqualTo("path /scores");
            assertThat(json(response).path("statusCode").asInt()).isEqualTo(200);
        }

        @Test
        @DisplayName("a zip with the classes at the root and the libraries as lib/*.jar runs")
        void zipWithLib() throws IOException {
            byte[] zip = FunctionPackage.builder()
                    .classes(GatewayEcho.class)
                    .lambdaEvents()
                    .zip();
            assertThat(entries(zip)).anyMatch(name -> name.startsWith("lib/aws-lambda-java-events"));
            String fn = deploy(zip, LEARNER + "GatewayEcho");
            InvokeResponse response = invoke(fn, "{\"path\":\"/players\"}");
            assertThat(response.functionError()).isNull();
            assertThat(json(response).path("body").asText()).isEqualTo("path /players");
        }

        @Test
        @DisplayName(
                "a package that forgets aws-lambda-java-events fails at invoke time naming the missing event class")
        // "Troubleshoot invocation issues in Lambda" says a class missing from the package fails at invoke time; it
        // gives no error document for a class missing from the handler's generic signature. The kit's runtime exits
        // (Runtime.ExitError) and names the class only in the log: this test checks what is certain, the failure and
        // the log.
        void forgetsEvents() throws IOException {
            String fn =
                    deploy(FunctionPackage.builder().classes(GatewayEcho.class).zip(), LEARNER + "GatewayEcho");
            InvokeResponse response = lambda.invoke(b -> b.functionName(fn)
                    .logType(LogType.TAIL)
                    .payload(SdkBytes.fromUtf8String("{\"path\":\"/players\"}")));
            assertThat(response.functionError()).isEqualTo("Unhandled");
            assertThat(tail(response))
                    .contains("com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent");
        }

        @Test
        @DisplayName("a package that forgets the AWS SDK fails in its Init phase naming the SDK's class")
        void forgetsSdk(DynamoDbClient dynamo) throws IOException {
            String table = scoresTable(dynamo);
            String fn = deployer.deploy(
                    FunctionPackage.builder().classes(ScoreStore.class).zip(),
                    LEARNER + "ScoreStore",
                    Map.of("TABLE_NAME", table),
                    5);
            InvokeResponse response = invoke(fn, "{\"player\":\"ada\",\"points\":1}");
            assertThat(response.functionError()).isEqualTo("Unhandled");
            JsonNode error = json(response);
            assertThat(error.path("errorType").asText())
                    .containsAnyOf("NoClassDefFoundError", "ClassNotFoundException");
            assertThat(error.toString())
                    .as("the message names the handler class and the missing SDK class, in the JVM's internal form")
                    .contains("Error loading class " + LEARNER
                            + "ScoreStore: software/amazon/awssdk/services/dynamodb/DynamoDbClient");
        }
    }

    /** Turns a package with {@code lib/*.jar} into one jar with every class at the root, as maven-shade does. */
    private static byte[] shade(byte[] zip) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Set<String> seen = new HashSet<>();
        try (ZipOutputStream out = new ZipOutputStream(bytes);
                ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            out.putNextEntry(new ZipEntry("META-INF/MANIFEST.MF"));
            out.write("Manifest-Version: 1.0\r\nCreated-By: maven-shade-plugin\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            out.closeEntry();
            seen.add("META-INF/MANIFEST.MF");
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                byte[] content = in.readAllBytes();
                if (entry.getName().startsWith("lib/") && entry.getName().endsWith(".jar")) {
                    try (ZipInputStream lib = new ZipInputStream(new ByteArrayInputStream(content))) {
                        for (ZipEntry inner; (inner = lib.getNextEntry()) != null; ) {
                            if (!inner.isDirectory()
                                    && !inner.getName().startsWith("META-INF/")
                                    && seen.add(inner.getName())) {
                                out.putNextEntry(new ZipEntry(inner.getName()));
                                out.write(lib.readAllBytes());
                                out.closeEntry();
                            }
                        }
                    }
                } else if (seen.add(entry.getName())) {
                    out.putNextEntry(new ZipEntry(entry.getName()));
                    out.write(content);
                    out.closeEntry();
                }
            }
        }
        return bytes.toByteArray();
    }

    private static List<String> entries(byte[] zip) throws IOException {
        List<String> names = new java.util.ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                names.add(entry.getName());
            }
        }
        return names;
    }

    private String scoresTable(DynamoDbClient dynamo) {
        String table = names.unique("Scores");
        dynamo.createTable(b -> b.tableName(table)
                .keySchema(k -> k.attributeName("player").keyType(KeyType.HASH))
                .attributeDefinitions(a -> a.attributeName("player").attributeType(ScalarAttributeType.S))
                .billingMode("PAY_PER_REQUEST"));
        dynamo.waiter().waitUntilTableExists(b -> b.tableName(table));
        return table;
    }

    /** A role trusted by Lambda with the basic execution policy and one inline policy. */
    private String roleWith(String policy) {
        String name = names.unique("ScoresRole");
        String arn = iam.createRole(b -> b.roleName(name).assumeRolePolicyDocument(Deployer.LAMBDA_TRUST))
                .role()
                .arn();
        iam.attachRolePolicy(
                b -> b.roleName(name).policyArn("arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"));
        iam.putRolePolicy(b -> b.roleName(name).policyName("scores").policyDocument(policy));
        return arn;
    }

    private String deployScoreStore(byte[] zip, String handler, String table, String role) {
        return deployer.deploy(
                deployer.mixedCaseName(), zip, handler, Map.of("TABLE_NAME", table), 10, b -> b.role(role));
    }

    private static byte[] scoreStorePackage() {
        return FunctionPackage.builder()
                .classes(ScoreStore.class)
                .awsSdkFor(DynamoDbClient.class)
                .zip();
    }

    private static String statement(String effect, String actions, String resource) {
        return "{\"Effect\":\"" + effect + "\",\"Action\":" + actions + ",\"Resource\":\"" + resource + "\"}";
    }

    private static String policy(String... statements) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[" + String.join(",", statements) + "]}";
    }

    @Nested
    @DisplayName("a DynamoDB function and its execution role")
    class DynamoDbFunction {
        private DynamoDbClient dynamo;
        private String table;
        private String tableArn;

        @BeforeEach
        void table(DynamoDbClient dynamo) {
            this.dynamo = dynamo;
            this.table = scoresTable(dynamo);
            this.tableArn =
                    dynamo.describeTable(b -> b.tableName(table)).table().tableArn();
        }

        @Test
        @DisplayName("DynamoDbClient.create() with exactly PutItem and GetItem on the table writes and reads the item")
        void exactPermissions() throws IOException {
            String role = roleWith(policy(statement("Allow", "[\"dynamodb:PutItem\",\"dynamodb:GetItem\"]", tableArn)));
            String fn = deployScoreStore(scoreStorePackage(), LEARNER + "ScoreStore", table, role);
            InvokeResponse response = invoke(fn, "{\"player\":\"ada\",\"points\":4200}");
            assertThat(response.functionError()).as(text(response)).isNull();
            assertThat(json(response).path("stored").asInt()).isEqualTo(4200);
            assertThat(dynamo.getItem(b -> b.tableName(table).key(Map.of("player", AttributeValue.fromS("ada"))))
                            .item()
                            .get("points")
                            .n())
                    .isEqualTo("4200");
        }

        @Test
        @DisplayName("dynamodb:* on * works too")
        void wildcardPermissions() throws IOException {
            String role = roleWith(policy(statement("Allow", "\"dynamodb:*\"", "*")));
            String fn = deployScoreStore(scoreStorePackage(), LEARNER + "ScoreStore", table, role);
            InvokeResponse response = invoke(fn, "{\"player\":\"bob\",\"points\":7}");
            assertThat(response.functionError()).as(text(response)).isNull();
            assertThat(json(response).path("stored").asInt()).isEqualTo(7);
        }

        @Test
        @DisplayName("an explicit Deny of PutItem beside dynamodb:* fails with AWS's explicit-deny wording")
        void explicitDeny() throws IOException {
            String role = roleWith(policy(
                    statement("Allow", "\"dynamodb:*\"", "*"), statement("Deny", "\"dynamodb:PutItem\"", tableArn)));
            String fn = deployScoreStore(scoreStorePackage(), LEARNER + "ScoreStore", table, role);
            InvokeResponse response = invoke(fn, "{\"player\":\"eve\",\"points\":1}");
            assertThat(response.functionError()).isEqualTo("Unhandled");
            JsonNode error = json(response);
            assertThat(error.path("errorType").asText()).endsWith("DynamoDbException");
            assertThat(error.path("errorMessage").asText())
                    .contains("assumed-role/")
                    .contains("/" + fn + " is not authorized to perform: dynamodb:PutItem on resource: " + tableArn)
                    .contains("with an explicit deny in an identity-based policy")
                    .contains("Status Code: 400");
            assertThat(dynamo.getItem(b -> b.tableName(table).key(Map.of("player", AttributeValue.fromS("eve"))))
                            .hasItem())
                    .isFalse();
        }

        @Test
        @DisplayName("PutItem allowed on the same table name in another region is no permission here")
        void otherRegionIsDenied() throws IOException {
            String otherRegion = tableArn.contains(":us-east-1:")
                    ? tableArn.replace(":us-east-1:", ":eu-west-1:")
                    : tableArn.replaceFirst(":dynamodb:[a-z0-9-]+:", ":dynamodb:us-east-1:");
            String role =
                    roleWith(policy(statement("Allow", "[\"dynamodb:PutItem\",\"dynamodb:GetItem\"]", otherRegion)));
            String fn = deployScoreStore(scoreStorePackage(), LEARNER + "ScoreStore", table, role);
            InvokeResponse response = invoke(fn, "{\"player\":\"ada\",\"points\":1}");
            assertThat(response.functionError()).isEqualTo("Unhandled");
            assertThat(json(response).path("errorMessage").asText())
                    .contains("because no identity-based policy allows the dynamodb:PutItem action");
        }

        @Test
        @DisplayName(
                "a table name in the policy with other letter case does not match: resource ARNs are case-sensitive")
        void tableCaseMatters() throws IOException {
            String role = roleWith(policy(statement(
                    "Allow",
                    "[\"dynamodb:PutItem\",\"dynamodb:GetItem\"]",
                    tableArn.replace(table, table.toLowerCase()))));
            String fn = deployScoreStore(scoreStorePackage(), LEARNER + "ScoreStore", table, role);
            InvokeResponse response = invoke(fn, "{\"player\":\"ada\",\"points\":1}");
            assertThat(response.functionError()).isEqualTo("Unhandled");
            assertThat(json(response).path("errorMessage").asText())
                    .contains("not authorized to perform: dynamodb:PutItem");
        }

        @Test
        @DisplayName("the Enhanced Client with a @DynamoDbBean works inside a function")
        void enhancedClient(DynamoDbEnhancedClient unused) throws IOException {
            String role = roleWith(policy(statement("Allow", "[\"dynamodb:PutItem\",\"dynamodb:GetItem\"]", tableArn)));
            byte[] zip = FunctionPackage.builder()
                    .classes(EnhancedScoreStore.class, ScoreItem.class)
                    .awsSdkFor(DynamoDbClient.class)
                    .library(DynamoDbEnhancedClient.class)
                    .zip();
            String fn = deployScoreStore(zip, LEARNER + "EnhancedScoreStore", table, role);
            InvokeResponse response = invoke(fn, "{\"player\":\"zoe\",\"points\":12}");
            assertThat(response.functionError()).as(text(response)).isNull();
            assertThat(json(response).path("points").asInt()).isEqualTo(12);
        }

        @Test
        @DisplayName("context.getLogger() and System.err lines reach /aws/lambda/NAME in CloudWatch Logs")
        void logs(CloudWatchLogsClient logs, dev.arcade.lambda.LambdaRuntime runtime) throws Exception {
            String role = roleWith(policy(statement("Allow", "[\"dynamodb:PutItem\",\"dynamodb:GetItem\"]", tableArn)));
            String fn = deployScoreStore(scoreStorePackage(), LEARNER + "ScoreStore", table, role);
            InvokeResponse response = invoke(fn, "{\"player\":\"ada\",\"points\":3}");
            assertThat(response.functionError()).as(text(response)).isNull();
            String group = "/aws/lambda/" + fn;
            String stream = logs.describeLogStreams(b -> b.logGroupName(group))
                    .logStreams()
                    .get(0)
                    .logStreamName();
            List<String> messages =
                    logs.getLogEvents(b -> b.logGroupName(group).logStreamName(stream)).events().stream()
                            .map(OutputLogEvent::message)
                            .collect(Collectors.toList());
            assertThat(messages).anyMatch(m -> m.contains("saving score of ada"));
            assertThat(messages).anyMatch(m -> m.contains("stored points for ada on stderr"));
            assertThat(messages).anyMatch(m -> m.startsWith("START RequestId: "));
            assertThat(messages).anyMatch(m -> m.startsWith("REPORT RequestId: "));
        }
    }

    @Nested
    @DisplayName("results and errors")
    class ResultsAndErrors {
        @Test
        @DisplayName("a missing variable read in a static initialiser is an init error and no handler runs")
        void initError() throws IOException {
            String fn =
                    deploy(FunctionPackage.builder().classes(NeedsConfig.class).zip(), LEARNER + "NeedsConfig");
            InvokeResponse response =
                    lambda.invoke(b -> b.functionName(fn).logType(LogType.TAIL).payload(SdkBytes.fromUtf8String("{}")));
            assertThat(response.functionError()).isEqualTo("Unhandled");
            JsonNode error = json(response);
            assertThat(error.path("errorType").asText()).isEqualTo("java.lang.ExceptionInInitializerError");
            assertThat(error.path("errorMessage").asText()).isEqualTo("Error loading class " + LEARNER + "NeedsConfig");
            assertThat(tail(response))
                    .contains("INIT_REPORT")
                    .contains("java.lang.NullPointerException")
                    .contains("System.getenv(String)\" is null");
        }

        @Test
        @DisplayName("a handler that returns null answers the JSON literal null")
        void returnsNull() {
            String fn = deploy(greetingsPackage(), LEARNER + "Greetings::nothing");
            InvokeResponse response = invoke(fn, "{}");
            assertThat(response.functionError()).isNull();
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(text(response)).isEqualTo("null");
        }

        @Test
        @DisplayName(
                "a response over 6 MB is Function.ResponseSizeTooLarge with status 200 and FunctionError Unhandled")
        void responseTooLarge() throws IOException {
            String fn = deploy(greetingsPackage(), LEARNER + "Greetings::large");
            InvokeResponse response = invoke(fn, Integer.toString(RESPONSE_LIMIT_BYTES));
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.functionError()).isEqualTo("Unhandled");
            JsonNode error = json(response);
            assertThat(error.path("errorType").asText()).isEqualTo("Function.ResponseSizeTooLarge");
            assertThat(error.path("errorMessage").asText())
                    .isEqualTo("Response payload size exceeded maximum allowed payload size (6291556 bytes).");
        }

        @Test
        @DisplayName("a response just under 6 MB (its JSON quotes included) is returned whole")
        void responseJustUnderLimit() {
            String fn = deploy(greetingsPackage(), LEARNER + "Greetings::large");
            InvokeResponse response = invoke(fn, Integer.toString(RESPONSE_LIMIT_BYTES - 2));
            assertThat(response.functionError()).isNull();
            assertThat(response.payload().asByteArray()).hasSize(RESPONSE_LIMIT_BYTES);
        }

        @Test
        @DisplayName("a payload that is not JSON is refused by Invoke with InvalidRequestContentException, HTTP 400")
        void notJson() {
            String fn = deploy(greetingsPackage(), LEARNER + "Greetings::echo");
            assertThatThrownBy(() -> invoke(fn, "plain text"))
                    .isInstanceOf(InvalidRequestContentException.class)
                    .hasMessageContaining("Could not parse request body into json")
                    .satisfies(e -> assertThat(((InvalidRequestContentException) e).statusCode())
                            .isEqualTo(400));
        }

        @Test
        @DisplayName("a JSON string sent to a Map handler fails in the runtime's deserialisation, not in Invoke")
        void jsonStringToMapHandler() throws IOException {
            String fn = deploy(greetingsPackage(), LEARNER + "Greetings::echo");
            InvokeResponse response = invoke(fn, "\"plain text\"");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.functionError()).isEqualTo("Unhandled");
            assertThat(json(response).path("errorMessage").asText()).isNotBlank();
        }

        @Test
        @DisplayName("an empty payload reaches a Map handler as the empty object {}")
        // The Invoke reference says only that the payload is optional; the console and CLI without a payload give
        // handlers {} on AWS. Our reading: an empty payload is {}.
        void emptyPayload() throws IOException {
            String fn = deploy(greetingsPackage(), LEARNER + "Greetings::echo");
            InvokeResponse response = lambda.invoke(b -> b.functionName(fn));
            assertThat(response.functionError()).as(text(response)).isNull();
            JsonNode reply = json(response);
            assertThat(reply.path("seen").asBoolean()).isTrue();
            assertThat(reply.size()).isEqualTo(2);
        }
    }

    @Nested
    @DisplayName("updates")
    class Updates {
        @Test
        @DisplayName("UpdateFunctionCode then an immediate invoke is not refused, and once updated the new code runs")
        void updateCodeThenInvoke(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
            Path v1 = Files.writeString(dir.resolve("v1.txt"), "v1");
            Path v2 = Files.writeString(dir.resolve("v2.txt"), "v2");
            byte[] first = FunctionPackage.builder()
                    .packageOf(Greetings.class)
                    .file("version.txt", v1)
                    .zip();
            byte[] second = FunctionPackage.builder()
                    .packageOf(Greetings.class)
                    .file("version.txt", v2)
                    .zip();
            String fn = deploy(first, LEARNER + "Greetings::version");
            assertThat(text(invoke(fn, "{}"))).isEqualTo("\"v1\"");
            lambda.updateFunctionCode(b -> b.functionName(fn).zipFile(SdkBytes.fromByteArray(second)));
            InvokeResponse immediate = invoke(fn, "{}");
            assertThat(lambda.getFunctionConfiguration(b -> b.functionName(fn)).lastUpdateStatusAsString())
                    .as("\"Lambda function states\": LastUpdateStatus is InProgress while the update is under way")
                    .isEqualTo("InProgress");
            assertThat(immediate.functionError()).isNull();
            assertThat(text(immediate)).isIn("\"v1\"", "\"v2\"");
            lambda.waiter().waitUntilFunctionUpdatedV2(b -> b.functionName(fn));
            assertThat(text(invoke(fn, "{}"))).isEqualTo("\"v2\"");
        }

        @Test
        @DisplayName("a 1 s timeout stops a 1.5 s invocation; after raising Timeout to 3 s it completes")
        void timeoutUpdate() throws IOException {
            String fn = deployer.deploy(greetingsPackage(), LEARNER + "Greetings::sleep", Map.of(), 1);
            InvokeResponse slow = invoke(fn, "1500");
            assertThat(slow.functionError()).isEqualTo("Unhandled");
            JsonNode error = json(slow);
            assertThat(error.path("errorType").asText()).isEqualTo("Sandbox.Timedout");
            assertThat(error.path("errorMessage").asText()).contains("Task timed out after 1.00 seconds");
            lambda.updateFunctionConfiguration(b -> b.functionName(fn).timeout(3));
            lambda.waiter().waitUntilFunctionUpdatedV2(b -> b.functionName(fn));
            InvokeResponse again = invoke(fn, "1500");
            assertThat(again.functionError()).as(text(again)).isNull();
            assertThat(text(again)).isEqualTo("\"slept 1500\"");
        }
    }
}
