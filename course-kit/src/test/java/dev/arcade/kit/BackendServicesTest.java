package dev.arcade.kit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arcade.kit.backend.Backend;
import dev.arcade.kit.lambda.FunctionPackage;
import dev.arcade.kit.lambda.demo.Greeter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.StandardUnit;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.Runtime;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.xray.XRayClient;

@AwsTest
@DisplayName("The kit's clients reach every service family of the course on the backend")
class BackendServicesTest {

    static final String LAMBDA_TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"Service\":\"lambda.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";

    @Test
    @DisplayName("DynamoDB: create a table, write and read an item")
    void dynamoDb(DynamoDbClient dynamo, ResourceNames names) {
        String table = names.unique("Kit");
        dynamo.createTable(b -> b.tableName(table)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH)));
        dynamo.putItem(
                b -> b.tableName(table).item(Map.of("pk", AttributeValue.fromS("a"), "n", AttributeValue.fromN("7"))));
        assertThat(dynamo.getItem(b -> b.tableName(table).key(Map.of("pk", AttributeValue.fromS("a"))))
                        .item())
                .containsEntry("n", AttributeValue.fromN("7"));
    }

    @Test
    @DisplayName("DynamoDB Streams: a table's stream is listed")
    void streams(DynamoDbClient dynamo, DynamoDbStreamsClient streams, ResourceNames names) {
        String table = names.unique("KitStream");
        String arn = dynamo.createTable(b -> b.tableName(table)
                        .billingMode(BillingMode.PAY_PER_REQUEST)
                        .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S))
                        .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH))
                        .streamSpecification(
                                s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)))
                .tableDescription()
                .latestStreamArn();
        assertThat(streams.describeStream(b -> b.streamArn(arn))
                        .streamDescription()
                        .tableName())
                .isEqualTo(table);
    }

    @Test
    @DisplayName("IAM: a role is created and AWS managed policies exist")
    void iam(IamClient iam, ResourceNames names) {
        String role = names.unique("KitRole");
        assertThat(iam.createRole(b -> b.roleName(role).assumeRolePolicyDocument(LAMBDA_TRUST))
                        .role()
                        .arn())
                .endsWith(":role/" + role);
        assertThat(iam.getPolicy(b -> b.policyArn("arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"))
                        .policy()
                        .policyName())
                .isEqualTo("AWSLambdaBasicExecutionRole");
    }

    @Test
    @DisplayName("STS: the caller's identity is in the backend's account")
    void sts(StsClient sts, Backend backend) {
        assertThat(sts.getCallerIdentity().account()).isEqualTo(backend.accountId());
    }

    @Test
    @DisplayName("Lambda: a function is created and Invoke runs its code (the kit's runtime, no Docker)")
    void lambda(IamClient iam, LambdaClient lambda, ResourceNames names) {
        String roleArn = iam.createRole(
                        b -> b.roleName(names.unique("KitFnRole")).assumeRolePolicyDocument(LAMBDA_TRUST))
                .role()
                .arn();
        String fn = names.unique("kit-fn");
        SdkBytes zip = SdkBytes.fromByteArray(
                FunctionPackage.builder().classes(Greeter.class).zip());
        lambda.createFunction(b -> b.functionName(fn)
                .runtime(Runtime.JAVA21)
                .role(roleArn)
                .handler(Greeter.class.getName() + "::handleRequest")
                .code(c -> c.zipFile(zip)));
        lambda.waiter().waitUntilFunctionActiveV2(b -> b.functionName(fn));
        var answer = lambda.invoke(b -> b.functionName(fn).payload(SdkBytes.fromUtf8String("{\"name\":\"kit\"}")));
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.functionError()).as(answer.payload().asUtf8String()).isNull();
        assertThat(answer.payload().asUtf8String()).contains("Hello, kit");
    }

    @Test
    @DisplayName("CloudWatch: a metric is stored and its statistics come back")
    void cloudWatch(CloudWatchClient cloudWatch, ResourceNames names) {
        String namespace = names.unique("Kit");
        Instant now = Instant.now();
        cloudWatch.putMetricData(b -> b.namespace(namespace)
                .metricData(m -> m.metricName("Scores")
                        .value(3.0)
                        .unit(StandardUnit.COUNT)
                        .timestamp(now)));
        var stats = cloudWatch.getMetricStatistics(b -> b.namespace(namespace)
                .metricName("Scores")
                .startTime(now.minusSeconds(600))
                .endTime(now.plusSeconds(600))
                .period(60)
                .statistics(Statistic.SUM));
        assertThat(stats.datapoints())
                .singleElement()
                .satisfies(d -> assertThat(d.sum()).isEqualTo(3.0));
    }

    @Test
    @DisplayName("CloudWatch Logs: an event is written and read back")
    void logs(CloudWatchLogsClient logs, ResourceNames names) {
        String group = "/workshop/" + names.unique("kit");
        logs.createLogGroup(b -> b.logGroupName(group));
        logs.createLogStream(b -> b.logGroupName(group).logStreamName("s"));
        logs.putLogEvents(b -> b.logGroupName(group)
                .logStreamName("s")
                .logEvents(e -> e.timestamp(System.currentTimeMillis()).message("hello")));
        assertThat(logs.getLogEvents(b -> b.logGroupName(group).logStreamName("s"))
                        .events())
                .extracting(e -> e.message())
                .containsExactly("hello");
    }

    @Test
    @DisplayName("X-Ray: a segment is stored and its trace read back")
    void xray(XRayClient xray) {
        long now = Instant.now().getEpochSecond();
        String traceId = String.format("1-%08x-%024x", now, System.nanoTime());
        String segment = String.format(
                "{\"name\":\"kit\",\"id\":\"%016x\",\"trace_id\":\"%s\"," + "\"start_time\":%d,\"end_time\":%d}",
                System.nanoTime(), traceId, now, now + 1);
        assertThat(xray.putTraceSegments(b -> b.traceSegmentDocuments(segment)).unprocessedTraceSegments())
                .isEmpty();
        assertThat(xray.batchGetTraces(b -> b.traceIds(traceId)).traces())
                .singleElement()
                .satisfies(t -> assertThat(t.id()).isEqualTo(traceId));
    }

    static byte[] dummyZip() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("x/Handler.class"));
            zip.write(new byte[] {1, 2, 3});
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }
}
