package dev.arcade.kit.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arcade.kit.AwsTest;
import dev.arcade.kit.ResourceNames;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

@AwsTest
@DisplayName("The SDK call recorder")
class ApiCallsTest {
    String table;

    @BeforeEach
    void table(DynamoDbClient dynamo, ResourceNames names) {
        table = names.unique("Rec");
        dynamo.createTable(b -> b.tableName(table)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH)));
    }

    @Test
    @DisplayName("sees the calls of a client built with DynamoDbClient.create(), in order, with their requests")
    void recordsLearnerClients(ApiCalls calls) {
        try (DynamoDbClient learner = DynamoDbClient.create()) {
            learner.putItem(b -> b.tableName(table)
                    .item(Map.of("pk", AttributeValue.fromS("a")))
                    .conditionExpression("attribute_not_exists(pk)"));
            learner.getItem(b -> b.tableName(table).key(Map.of("pk", AttributeValue.fromS("a"))));
        }
        assertThat(calls.operations()).containsExactly("PutItem", "GetItem");
        assertThat(calls.requests(PutItemRequest.class))
                .singleElement()
                .satisfies(r -> assertThat(r.conditionExpression()).isEqualTo("attribute_not_exists(pk)"));
        assertThat(calls.of("PutItem").get(0).service()).isEqualTo("DynamoDb");
        assertThat(calls.of("GetItem").get(0).startedAfter(calls.of("PutItem").get(0)))
                .isPositive();
        assertThat(calls.summary()).isEqualTo("PutItem, GetItem");
    }

    @Test
    @DisplayName("leaves out the kit's own grading clients")
    void ignoresKitClients(DynamoDbClient kit, ApiCalls calls) {
        kit.scan(b -> b.tableName(table));
        assertThat(calls.all()).isEmpty();
        assertThat(calls.summary()).isEqualTo("no AWS calls");
    }

    @Test
    @DisplayName("records how a failed call ended")
    void recordsFailures(DynamoDbClient kit, ApiCalls calls) {
        kit.putItem(b -> b.tableName(table).item(Map.of("pk", AttributeValue.fromS("taken"))));
        try (DynamoDbClient learner = DynamoDbClient.create()) {
            try {
                learner.putItem(b -> b.tableName(table)
                        .item(Map.of("pk", AttributeValue.fromS("taken")))
                        .conditionExpression("attribute_not_exists(pk)"));
            } catch (ConditionalCheckFailedException expected) {
                // the recorder must have seen it
            }
        }
        assertThat(calls.of("PutItem"))
                .singleElement()
                .satisfies(c -> assertThat(c.failure()).containsInstanceOf(ConditionalCheckFailedException.class));
    }

    @Test
    @DisplayName("starts empty in every test")
    void clearedBetweenTests(ApiCalls calls) {
        assertThat(calls.all()).as("calls left over from an earlier test").isEmpty();
    }
}
