package dev.arcade.kit.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arcade.kit.AwsTest;
import dev.arcade.kit.CodeUnderTest;
import dev.arcade.kit.ResourceNames;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.StsException;

@AwsTest
@DisplayName("The realism layer: the emulator answers the code under test as AWS would")
class AwsRealismTest {

    static void createTable(DynamoDbClient client, String table) {
        client.createTable(b -> b.tableName(table)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                        a -> a.attributeName("pk").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("sk").attributeType(ScalarAttributeType.N))
                .keySchema(
                        k -> k.attributeName("pk").keyType(KeyType.HASH),
                        k -> k.attributeName("sk").keyType(KeyType.RANGE)));
    }

    static Map<String, AttributeValue> item(String pk, int sk) {
        return Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromN(Integer.toString(sk)));
    }

    @Nested
    @DisplayName("a table the code under test creates")
    class NewTables {
        @Test
        @DisplayName("is CREATING in CreateTable's answer and for the next two DescribeTable calls, then ACTIVE")
        void creatingThenActive(@CodeUnderTest DynamoDbClient learner, DynamoDbClient kit, ResourceNames names) {
            String table = names.unique("Realism");
            assertThat(learner.createTable(b -> b.tableName(table)
                                    .billingMode(BillingMode.PAY_PER_REQUEST)
                                    .attributeDefinitions(
                                            a -> a.attributeName("pk").attributeType(ScalarAttributeType.S))
                                    .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH)))
                            .tableDescription()
                            .tableStatus())
                    .isEqualTo(TableStatus.CREATING);
            List<TableStatus> seen = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                seen.add(learner.describeTable(b -> b.tableName(table)).table().tableStatus());
            }
            assertThat(seen)
                    .containsExactly(
                            TableStatus.CREATING, TableStatus.CREATING, TableStatus.ACTIVE, TableStatus.ACTIVE);
            assertThat(kit.describeTable(b -> b.tableName(table)).table().tableStatus())
                    .as("the kit's own client sees the emulator as it is")
                    .isEqualTo(TableStatus.ACTIVE);
        }

        @Test
        @DisplayName("refuses item operations with ResourceNotFoundException until it is ACTIVE")
        void itemOperationsWaitForActive(@CodeUnderTest DynamoDbClient learner, ResourceNames names) {
            String table = names.unique("Realism");
            createTable(learner, table);
            assertThatThrownBy(() -> learner.putItem(b -> b.tableName(table).item(item("a", 1))))
                    .isInstanceOf(ResourceNotFoundException.class)
                    .hasMessageContaining("CREATING");
            learner.describeTable(b -> b.tableName(table));
            learner.describeTable(b -> b.tableName(table));
            learner.describeTable(b -> b.tableName(table));
            learner.putItem(b -> b.tableName(table).item(item("a", 1)));
        }

        @Test
        @DisplayName("is ready for an SDK waiter at its first poll, so waiting takes no 20 s delay")
        void waiterIsQuick(@CodeUnderTest DynamoDbClient learner, ApiCalls calls, ResourceNames names) {
            String table = names.unique("Realism");
            createTable(learner, table);
            long t0 = System.nanoTime();
            assertThat(learner.waiter()
                            .waitUntilTableExists(b -> b.tableName(table))
                            .matched()
                            .response())
                    .hasValueSatisfying(r -> assertThat(r.table().tableStatus()).isEqualTo(TableStatus.ACTIVE));
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
            learner.putItem(b -> b.tableName(table).item(item("a", 1)));
            assertThat(calls.of("DescribeTable"))
                    .singleElement()
                    .satisfies(
                            c -> assertThat(AwsRealism.fromWaiter(c.request())).isTrue());
        }
    }

    @Nested
    @DisplayName("a short page planned with FaultPlan.shortPages")
    class ShortPagesTest {
        @Test
        @DisplayName("holds half the items with a LastEvaluatedKey, and ExclusiveStartKey carries on from there")
        void shortPageThenTheRest(
                @CodeUnderTest DynamoDbClient learner, DynamoDbClient kit, FaultPlan faults, ResourceNames names) {
            String table = names.unique("Pages");
            createTable(kit, table);
            for (int i = 1; i <= 5; i++) {
                int sk = i;
                kit.putItem(b -> b.tableName(table).item(item("p", sk)));
            }
            faults.shortPages("Query", 1);
            QueryResponse first = learner.query(b -> b.tableName(table)
                    .limit(10)
                    .keyConditionExpression("pk = :p")
                    .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("p"))));
            assertThat(first.items()).hasSize(3);
            assertThat(first.count()).isEqualTo(3);
            assertThat(first.lastEvaluatedKey()).isEqualTo(item("p", 3));
            QueryResponse rest = learner.query(b -> b.tableName(table)
                    .limit(10)
                    .keyConditionExpression("pk = :p")
                    .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("p")))
                    .exclusiveStartKey(first.lastEvaluatedKey()));
            assertThat(rest.items()).extracting(i -> i.get("sk").n()).containsExactly("4", "5");
            assertThat(rest.hasLastEvaluatedKey() && !rest.lastEvaluatedKey().isEmpty())
                    .isFalse();
        }

        @Test
        @DisplayName("leaves a page of one item alone, and the paginator still finds every item")
        void paginatorFindsAll(
                @CodeUnderTest DynamoDbClient learner, DynamoDbClient kit, FaultPlan faults, ResourceNames names) {
            String table = names.unique("Pages");
            createTable(kit, table);
            for (int i = 1; i <= 6; i++) {
                int sk = i;
                kit.putItem(b -> b.tableName(table).item(item("p", sk)));
            }
            faults.shortPages("Query", 3);
            List<String> all = new ArrayList<>();
            learner.queryPaginator(b -> b.tableName(table)
                            .keyConditionExpression("pk = :p")
                            .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("p"))))
                    .items()
                    .forEach(i -> all.add(i.get("sk").n()));
            assertThat(all).containsExactly("1", "2", "3", "4", "5", "6");
        }
    }

    @Nested
    @DisplayName("IAM")
    class Iam {
        static final String TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Principal\":{\"AWS\":\"*\"},\"Action\":\"sts:AssumeRole\"}]}";
        static final String POLICY = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Action\":\"dynamodb:GetItem\",\"Resource\":\"*\"}]}";

        @Test
        @DisplayName("returns every policy document URL-encoded, as AWS does, GetPolicyVersion's too")
        void documentsAreUrlEncoded(@CodeUnderTest IamClient learner, IamClient kit, ResourceNames names) {
            String role = names.unique("Realism");
            kit.createRole(b -> b.roleName(role).assumeRolePolicyDocument(TRUST));
            kit.putRolePolicy(b -> b.roleName(role).policyName("inline").policyDocument(POLICY));
            String arn = kit.createPolicy(
                            b -> b.policyName(names.unique("Managed")).policyDocument(POLICY))
                    .policy()
                    .arn();

            String version = learner.getPolicyVersion(b -> b.policyArn(arn).versionId("v1"))
                    .policyVersion()
                    .document();
            String trust = learner.getRole(b -> b.roleName(role)).role().assumeRolePolicyDocument();
            String inline = learner.getRolePolicy(b -> b.roleName(role).policyName("inline"))
                    .policyDocument();
            for (String doc : List.of(version, trust, inline)) {
                assertThat(doc).startsWith("%7B").doesNotContain("{", " ");
            }
            assertThat(URLDecoder.decode(version, StandardCharsets.UTF_8)).isEqualTo(POLICY);
            assertThat(URLDecoder.decode(trust, StandardCharsets.UTF_8)).isEqualTo(TRUST);
        }

        @Test
        @DisplayName("refuses a request signed with an assumed role's key and secret but without its session token")
        void sessionTokenIsRequired(IamClient kit, StsClient sts, AwsClients clients, ResourceNames names) {
            String role = names.unique("Realism");
            String arn = kit.createRole(b -> b.roleName(role).assumeRolePolicyDocument(TRUST))
                    .role()
                    .arn();
            Credentials c =
                    sts.assumeRole(b -> b.roleArn(arn).roleSessionName("s")).credentials();

            try (StsClient withoutToken = clients.configure(StsClient.builder(), true)
                    .credentialsProvider(StaticCredentialsProvider.create(
                            AwsBasicCredentials.create(c.accessKeyId(), c.secretAccessKey())))
                    .build()) {
                assertThatThrownBy(withoutToken::getCallerIdentity).isInstanceOfSatisfying(StsException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(403);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidClientTokenId");
                    assertThat(e.getMessage()).contains("The security token included in the request is invalid");
                });
            }
            try (StsClient withToken = clients.configure(StsClient.builder(), true)
                    .credentialsProvider(StaticCredentialsProvider.create(
                            AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey(), c.sessionToken())))
                    .build()) {
                assertThat(withToken.getCallerIdentity().arn()).contains(role);
            }
        }
    }

    @Nested
    @DisplayName("a secondary index's key attribute")
    class IndexKeyTypes {
        private void createIndexedTable(DynamoDbClient client, String table) {
            client.createTable(b -> b.tableName(table)
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(
                            a -> a.attributeName("pk").attributeType(ScalarAttributeType.S),
                            a -> a.attributeName("game").attributeType(ScalarAttributeType.S),
                            a -> a.attributeName("score").attributeType(ScalarAttributeType.S))
                    .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH))
                    .globalSecondaryIndexes(g -> g.indexName("Leaderboard")
                            .keySchema(
                                    k -> k.attributeName("game").keyType(KeyType.HASH),
                                    k -> k.attributeName("score").keyType(KeyType.RANGE))
                            .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY))));
        }

        private static Map<String, AttributeValue> best(String pk, AttributeValue score) {
            return Map.of("pk", AttributeValue.fromS(pk), "game", AttributeValue.fromS("tetris"), "score", score);
        }

        @Test
        @DisplayName("of another type than the table declares is refused with AWS's ValidationException, for every"
                + " client and every way to put an item")
        void wrongTypeIsRefused(@CodeUnderTest DynamoDbClient learner, DynamoDbClient kit, ResourceNames names) {
            String table = names.unique("IndexTypes");
            createIndexedTable(learner, table);
            String expected = "One or more parameter values were invalid: Type mismatch for Index Key score Expected: S"
                    + " Actual: N IndexName: Leaderboard";
            for (DynamoDbClient client : List.of(learner, kit)) {
                assertThatThrownBy(() ->
                                client.putItem(b -> b.tableName(table).item(best("a", AttributeValue.fromN("9")))))
                        .isInstanceOfSatisfying(DynamoDbException.class, e -> {
                            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
                            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(expected);
                        });
            }
            assertThatThrownBy(() -> kit.batchWriteItem(b -> b.requestItems(Map.of(
                            table,
                            List.of(WriteRequest.builder()
                                    .putRequest(p -> p.item(best("b", AttributeValue.fromN("9"))))
                                    .build())))))
                    .isInstanceOf(DynamoDbException.class)
                    .hasMessageContaining("Type mismatch for Index Key score");
            assertThatThrownBy(() -> kit.transactWriteItems(b -> b.transactItems(TransactWriteItem.builder()
                            .put(p -> p.tableName(table).item(best("c", AttributeValue.fromN("9"))))
                            .build())))
                    .isInstanceOf(DynamoDbException.class)
                    .hasMessageContaining("Type mismatch for Index Key score");
        }

        @Test
        @DisplayName("of the declared type, or absent (a sparse index), is stored")
        void rightTypeOrAbsentIsStored(DynamoDbClient kit, ResourceNames names) {
            String table = names.unique("IndexTypes");
            createIndexedTable(kit, table);
            kit.putItem(b -> b.tableName(table).item(best("a", AttributeValue.fromS("0900"))));
            kit.putItem(b -> b.tableName(table).item(Map.of("pk", AttributeValue.fromS("no-score"))));
            assertThat(kit.scan(b -> b.tableName(table)).count()).isEqualTo(2);
        }
    }

    @Nested
    @DisplayName("an emulator's HTTP 500")
    class Emulator500 {
        @Test
        @DisplayName("becomes one ValidationException that names the request, answered at once without retries")
        void becomesAValidationException(DynamoDbClient kit, ResourceNames names, ApiCalls calls) {
            String table = names.unique("Errors");
            createTable(kit, table);
            kit.putItem(b -> b.tableName(table)
                    .item(Map.of(
                            "pk",
                            AttributeValue.fromS("a"),
                            "sk",
                            AttributeValue.fromN("1"),
                            "score",
                            AttributeValue.fromN("10"))));
            long t0 = System.nanoTime();
            try (DynamoDbClient learner = DynamoDbClient.create()) {
                assertThatThrownBy(() -> learner.putItem(b -> b.tableName(table)
                                .item(item("a", 1))
                                .conditionExpression("score < :new")
                                .expressionAttributeValues(Map.of(":new", AttributeValue.fromS("20")))))
                        .isInstanceOfSatisfying(DynamoDbException.class, e -> {
                            assertThat(e.statusCode()).isEqualTo(400);
                            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
                            assertThat(e.getMessage())
                                    .contains("PutItem", "HTTP 500", "type")
                                    .as("advice for a request without an ExclusiveStartKey")
                                    .doesNotContain("ExclusiveStartKey");
                        });
            }
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(2));
            assertThat(calls.of("PutItem"))
                    .singleElement()
                    .satisfies(c -> assertThat(c.attempts()).isEqualTo(1));
        }
    }
}
