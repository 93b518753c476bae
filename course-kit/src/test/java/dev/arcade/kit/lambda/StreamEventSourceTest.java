package dev.arcade.kit.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arcade.kit.AwsTest;
import dev.arcade.kit.ResourceNames;
import dev.arcade.kit.lambda.demo.BatchProcessor;
import dev.arcade.lambda.LambdaRuntime;
import dev.arcade.lambda.runtime.Invocation;
import dev.arcade.lambda.streams.DeliveryRecord;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.EventSourcePosition;
import software.amazon.awssdk.services.lambda.model.FunctionResponseType;

@AwsTest
@DisplayName("A DynamoDB stream event source mapping delivers batches as its settings and the role allow")
class StreamEventSourceTest {

    private static final String STREAM_READ =
            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":["
                    + "\"dynamodb:GetRecords\",\"dynamodb:GetShardIterator\",\"dynamodb:DescribeStream\",\"dynamodb:ListStreams\"],"
                    + "\"Resource\":\"*\"}]}";

    @Test
    @DisplayName(
            "a partial batch failure is retried from the failed record, MaximumRetryAttempts times, and the table keeps its records")
    void partialBatchFailureIsRetried(
            DynamoDbClient dynamo, IamClient iam, LambdaClient lambda, ResourceNames names, LambdaRuntime runtime) {
        String table = names.unique("Scores");
        String streamArn = dynamo.createTable(b -> b.tableName(table)
                        .billingMode(BillingMode.PAY_PER_REQUEST)
                        .attributeDefinitions(a -> a.attributeName("player").attributeType(ScalarAttributeType.S))
                        .keySchema(k -> k.attributeName("player").keyType(KeyType.HASH))
                        .streamSpecification(
                                s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)))
                .tableDescription()
                .latestStreamArn();
        String role = names.unique("StreamRole");
        iam.createRole(b -> b.roleName(role).assumeRolePolicyDocument(Deployer.LAMBDA_TRUST));
        iam.putRolePolicy(b -> b.roleName(role).policyName("stream").policyDocument(STREAM_READ));
        String roleArn = iam.getRole(b -> b.roleName(role)).role().arn();
        String name = names.uniqueLowerCase("batch");
        byte[] zip = FunctionPackage.builder()
                .classes(BatchProcessor.class)
                .lambdaEvents()
                .zip();
        lambda.createFunction(
                Deployer.request(name, zip, BatchProcessor.class.getName() + "::handleRequest", Map.of(), 10, roleArn));
        lambda.waiter().waitUntilFunctionActiveV2(b -> b.functionName(name));
        String uuid = lambda.createEventSourceMapping(b -> b.functionName(name)
                        .eventSourceArn(streamArn)
                        .startingPosition(EventSourcePosition.TRIM_HORIZON)
                        .batchSize(10)
                        .maximumRetryAttempts(2)
                        .functionResponseTypes(FunctionResponseType.REPORT_BATCH_ITEM_FAILURES))
                .uuid();
        for (String player : List.of("ada", "grace", "mallory", "linus")) {
            dynamo.putItem(b -> b.tableName(table).item(Map.of("player", AttributeValue.fromS(player))));
        }

        Map<String, List<DeliveryRecord>> delivered = runtime.drainStreams();

        assertThat(lambda.getEventSourceMapping(b -> b.uuid(uuid)).eventSourceArn())
                .isEqualTo(streamArn);
        List<Invocation> invocations = runtime.invocationsOf(name);
        assertThat(invocations)
                .as("the first batch, then two retries from mallory's record")
                .hasSize(3);
        assertThat(invocations.get(0).log()).anySatisfy(l -> assertThat(l).startsWith("record INSERT ada"));
        assertThat(invocations.get(1).log())
                .noneSatisfy(l -> assertThat(l).startsWith("record INSERT ada"))
                .anySatisfy(l -> assertThat(l).startsWith("record INSERT mallory"));
        assertThat(delivered.get(uuid)).extracting(DeliveryRecord::kind).contains(DeliveryRecord.Kind.PARTIAL_FAILURE);
        assertThat(dynamo.scan(b -> b.tableName(table)).count()).isEqualTo(4);
    }
}
