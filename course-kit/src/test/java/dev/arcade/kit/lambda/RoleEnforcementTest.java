package dev.arcade.kit.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arcade.kit.AwsTest;
import dev.arcade.kit.ResourceNames;
import dev.arcade.kit.lambda.demo.ScoreWriter;
import dev.arcade.lambda.LambdaRuntime;
import dev.arcade.lambda.runtime.FunctionCall;
import dev.arcade.lambda.runtime.Invocation;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

@AwsTest
@DisplayName("A running function's AWS calls are made as its execution role and decided by the IAM evaluator")
class RoleEnforcementTest {
    private static byte[] zip;
    private String table;
    private String tableArn;
    private IamClient iam;
    private LambdaClient lambda;
    private ResourceNames names;

    @BeforeEach
    void setUp(IamClient iam, LambdaClient lambda, DynamoDbClient dynamo, ResourceNames names) {
        this.iam = iam;
        this.lambda = lambda;
        this.names = names;
        if (zip == null) {
            zip = FunctionPackage.builder()
                    .classes(ScoreWriter.class)
                    .awsSdkFor(DynamoDbClient.class)
                    .zip();
        }
        table = names.unique("Scores");
        tableArn = dynamo.createTable(b -> b.tableName(table)
                        .billingMode(BillingMode.PAY_PER_REQUEST)
                        .attributeDefinitions(a -> a.attributeName("player").attributeType(ScalarAttributeType.S))
                        .keySchema(k -> k.attributeName("player").keyType(KeyType.HASH)))
                .tableDescription()
                .tableArn();
    }

    private String roleAllowing(String action, String resource, boolean withLogs) {
        String role = names.unique("ScoreRole");
        iam.createRole(b -> b.roleName(role).assumeRolePolicyDocument(Deployer.LAMBDA_TRUST));
        iam.putRolePolicy(b -> b.roleName(role)
                .policyName("scores")
                .policyDocument("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\""
                        + action + "\",\"Resource\":\"" + resource + "\"}]}"));
        if (withLogs) {
            iam.attachRolePolicy(b ->
                    b.roleName(role).policyArn("arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"));
        }
        return iam.getRole(b -> b.roleName(role)).role().arn();
    }

    private String deploy(String roleArn) {
        String name = names.uniqueLowerCase("score-writer");
        lambda.createFunction(Deployer.request(
                name, zip, ScoreWriter.class.getName() + "::handleRequest", Map.of("TABLE_NAME", table), 15, roleArn));
        lambda.waiter().waitUntilFunctionActiveV2(b -> b.functionName(name));
        return name;
    }

    private InvokeResponse submit(String name) {
        return lambda.invoke(
                b -> b.functionName(name).payload(SdkBytes.fromUtf8String("{\"player\":\"ada\",\"score\":\"4200\"}")));
    }

    @Test
    @DisplayName("a role that allows PutItem on the table lets the function's own SDK write the item")
    void allowedCallReachesTheBackend(DynamoDbClient dynamo, LambdaRuntime runtime) {
        String name = deploy(roleAllowing("dynamodb:PutItem", tableArn, true));

        InvokeResponse response = submit(name);

        assertThat(response.functionError())
                .as(response.payload().asUtf8String())
                .isNull();
        assertThat(response.payload().asUtf8String()).isEqualTo("\"stored ada\"");
        assertThat(dynamo.getItem(b -> b.tableName(table).key(Map.of("player", AttributeValue.fromS("ada"))))
                        .item())
                .containsEntry("score", AttributeValue.fromN("4200"));
        Invocation invocation = runtime.invocationsOf(name).get(0);
        assertThat(invocation.calls())
                .extracting(FunctionCall::action, FunctionCall::resource, FunctionCall::allowed)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("dynamodb:PutItem", tableArn, true));
    }

    @Test
    @DisplayName(
            "a role without PutItem makes the call fail inside the function with AccessDeniedException in AWS's words")
    void deniedCallFailsInsideTheFunction(DynamoDbClient dynamo, LambdaRuntime runtime, CloudWatchLogsClient logs) {
        String roleArn = roleAllowing("dynamodb:GetItem", tableArn, true);
        String name = deploy(roleArn);

        InvokeResponse response = submit(name);

        String roleName = roleArn.substring(roleArn.lastIndexOf('/') + 1);
        assertThat(response.functionError()).isEqualTo("Unhandled");
        assertThat(response.payload().asUtf8String())
                .contains("User: arn:aws:sts::" + tableArn.split(":")[4] + ":assumed-role/" + roleName + "/" + name
                        + " is not authorized to perform: dynamodb:PutItem on resource: " + tableArn
                        + " because no identity-based policy allows the dynamodb:PutItem action")
                .as(
                        "the SDK for Java v2 has no AccessDeniedException class for DynamoDB: the error code is in the service exception")
                .contains("\"errorType\":\"software.amazon.awssdk.services.dynamodb.model.DynamoDbException\"");
        assertThat(dynamo.getItem(b -> b.tableName(table).key(Map.of("player", AttributeValue.fromS("ada"))))
                        .hasItem())
                .as("a denied call never reaches the backend")
                .isFalse();
        assertThat(runtime.invocationsOf(name).get(0).calls()).anySatisfy(call -> {
            assertThat(call.action()).isEqualTo("dynamodb:PutItem");
            assertThat(call.allowed()).isFalse();
        });
        var events =
                logs.filterLogEvents(b -> b.logGroupName("/aws/lambda/" + name)).events();
        assertThat(events)
                .anySatisfy(e -> assertThat(e.message()).contains("is not authorized to perform: dynamodb:PutItem"));
    }

    @Test
    @DisplayName("PutItem allowed on another table does not allow this one")
    void otherTableDoesNotCount() {
        String name = deploy(roleAllowing("dynamodb:PutItem", tableArn + "-other", false));

        assertThat(submit(name).functionError()).isEqualTo("Unhandled");
    }

    @Test
    @DisplayName("without the basic execution policy the function runs but its logs never reach CloudWatch Logs")
    void noLogsWithoutLogPermissions(CloudWatchLogsClient logs, LambdaRuntime runtime) {
        String name = deploy(roleAllowing("dynamodb:PutItem", tableArn, false));

        assertThat(submit(name).functionError()).isNull();

        assertThat(logs.describeLogGroups(b -> b.logGroupNamePrefix("/aws/lambda/" + name))
                        .logGroups())
                .isEmpty();
        assertThat(runtime.invocationsOf(name).get(0).log())
                .anySatisfy(line -> assertThat(line).startsWith("REPORT"));
    }

    @Test
    @DisplayName("a role whose trust policy does not name Lambda is refused at CreateFunction, as AWS refuses it")
    void roleLambdaCannotAssume() {
        String role = names.unique("NotLambda");
        String arn = iam.createRole(b -> b.roleName(role)
                        .assumeRolePolicyDocument("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                                + "\"Principal\":{\"Service\":\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}"))
                .role()
                .arn();

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> lambda.createFunction(Deployer.request(
                        names.uniqueLowerCase("fn"),
                        zip,
                        ScoreWriter.class.getName() + "::handleRequest",
                        Map.of(),
                        3,
                        arn)))
                .isInstanceOf(InvalidParameterValueException.class)
                .hasMessageContaining("The role defined for the function cannot be assumed by Lambda.");
    }
}
