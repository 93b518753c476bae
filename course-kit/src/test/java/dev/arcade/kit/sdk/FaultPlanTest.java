package dev.arcade.kit.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arcade.kit.AwsTest;
import dev.arcade.kit.ResourceNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

@AwsTest
@DisplayName("Fault injection")
class FaultPlanTest {
    String table;

    @BeforeEach
    void table(DynamoDbClient dynamo, ResourceNames names) {
        table = names.unique("FaultPlan");
        dynamo.createTable(b -> b.tableName(table)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH)));
    }

    static DynamoDbClient learnerClient(int maxAttempts) {
        return DynamoDbClient.builder()
                .overrideConfiguration(
                        o -> o.retryStrategy(RetryMode.STANDARD).retryStrategy(b -> b.maxAttempts(maxAttempts)))
                .build();
    }

    static Map<String, AttributeValue> key(String pk) {
        return Map.of("pk", AttributeValue.fromS(pk));
    }

    @Test
    @DisplayName("a throttled attempt never reaches the backend, and fails like DynamoDB's throttling")
    void throttleFails(FaultPlan faults, DynamoDbClient kit, ApiCalls calls) {
        faults.throttle("PutItem", 1);
        try (DynamoDbClient learner = learnerClient(1)) {
            assertThatThrownBy(() -> learner.putItem(b -> b.tableName(table).item(key("a"))))
                    .isInstanceOf(ProvisionedThroughputExceededException.class)
                    .satisfies(e -> assertThat(((ProvisionedThroughputExceededException) e).isThrottlingException())
                            .isTrue());
        }
        assertThat(kit.getItem(b -> b.tableName(table).key(key("a"))).hasItem())
                .as("item written despite throttle")
                .isFalse();
        assertThat(calls.of("PutItem"))
                .singleElement()
                .satisfies(c -> assertThat(c.injectedFault()).contains("ProvisionedThroughputExceededException"));
        assertThat(faults.fired()).isEqualTo(1);
    }

    @Test
    @DisplayName("the SDK's own retry policy retries a throttled attempt, so one call makes several attempts")
    void sdkRetriesThrottles(FaultPlan faults, DynamoDbClient kit, ApiCalls calls) {
        faults.throttle("PutItem", 2);
        try (DynamoDbClient learner = learnerClient(3)) {
            learner.putItem(b -> b.tableName(table).item(key("b")));
        }
        assertThat(kit.getItem(b -> b.tableName(table).key(key("b"))).hasItem()).isTrue();
        assertThat(calls.of("PutItem"))
                .singleElement()
                .satisfies(c -> assertThat(c.attempts()).isEqualTo(3));
        assertThat(faults.exhausted()).isTrue();
    }

    @Test
    @DisplayName("BatchWriteItem writes only the first half and returns the rest as UnprocessedItems")
    void unprocessedItems(FaultPlan faults, DynamoDbClient kit, ApiCalls calls) {
        faults.unprocessedItems(1);
        List<WriteRequest> writes = new ArrayList<>();
        for (String pk : List.of("1", "2", "3", "4", "5")) {
            writes.add(WriteRequest.builder().putRequest(p -> p.item(key(pk))).build());
        }
        BatchWriteItemResponse first;
        try (DynamoDbClient learner = DynamoDbClient.create()) {
            first = learner.batchWriteItem(b -> b.requestItems(Map.of(table, writes)));
            assertThat(first.unprocessedItems().get(table)).hasSize(2);
            assertThat(kit.scan(b -> b.tableName(table)).count()).isEqualTo(3);
            // the learner's retry with what came back goes through: the fault was for one call only
            BatchWriteItemResponse retry = learner.batchWriteItem(b -> b.requestItems(first.unprocessedItems()));
            assertThat(retry.unprocessedItems()).isEmpty();
        }
        assertThat(kit.scan(b -> b.tableName(table)).count()).isEqualTo(5);
        assertThat(calls.of("BatchWriteItem")).hasSize(2);
        assertThat(calls.of("BatchWriteItem").get(0).injectedFault()).contains("2 of 5 items left unprocessed");
        assertThat(calls.requests(software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest.class)
                        .get(0)
                        .requestItems()
                        .get(table))
                .as("the recorder keeps the request as the learner sent it")
                .hasSize(5);
    }

    @Test
    @DisplayName("BatchGetItem returns half its keys as UnprocessedKeys")
    void unprocessedKeys(FaultPlan faults, DynamoDbClient kit) {
        for (String pk : List.of("1", "2", "3", "4")) {
            kit.putItem(b -> b.tableName(table).item(key(pk)));
        }
        faults.unprocessedKeys(1);
        try (DynamoDbClient learner = DynamoDbClient.create()) {
            BatchGetItemResponse r = learner.batchGetItem(b -> b.requestItems(Map.of(
                    table,
                    software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes.builder()
                            .keys(key("1"), key("2"), key("3"), key("4"))
                            .build())));
            assertThat(r.responses().get(table)).hasSize(2);
            assertThat(r.unprocessedKeys().get(table).keys()).hasSize(2);
        }
    }

    @Test
    @DisplayName("faults never touch the kit's own clients")
    void kitClientsUnaffected(FaultPlan faults, DynamoDbClient kit) {
        faults.throttle("PutItem", 5);
        kit.putItem(b -> b.tableName(table).item(key("k")));
        assertThat(faults.fired()).isZero();
    }
}
