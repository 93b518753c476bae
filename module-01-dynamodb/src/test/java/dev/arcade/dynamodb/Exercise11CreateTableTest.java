package dev.arcade.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arcade.kit.AwsTest;
import dev.arcade.kit.CodeUnderTest;
import dev.arcade.kit.Exercise;
import dev.arcade.kit.Graded;
import dev.arcade.kit.Learner;
import dev.arcade.kit.ResourceNames;
import dev.arcade.kit.sdk.ApiCalls;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingModeSummary;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

@AwsTest
@Exercise("1.1")
@DisplayName("1.1 Create the scores table from its access patterns")
class Exercise11CreateTableTest {
    private Learner learner;

    @BeforeEach
    void bindLearner(Learner learner) {
        this.learner = learner;
    }

    /** Runs the learner's createTable and returns what DynamoDB now says about the table. */
    private TableDescription createAndDescribe(DynamoDbClient forLearner, DynamoDbClient kit, String table) {
        learner.call("createTable(\"" + table + "\")", () -> new ScoreTableDefinition(forLearner).createTable(table));
        return kit.describeTable(b -> b.tableName(table)).table();
    }

    private static String keys(List<KeySchemaElement> schema) {
        return schema.isEmpty()
                ? "no keys"
                : schema.stream()
                        .map(k -> k.attributeName() + " (" + k.keyTypeAsString() + ")")
                        .toList()
                        .toString();
    }

    private static Optional<KeySchemaElement> key(List<KeySchemaElement> schema, String type) {
        return schema.stream().filter(k -> k.keyTypeAsString().equals(type)).findFirst();
    }

    private static String typeOf(TableDescription table, String attribute) {
        return table.attributeDefinitions().stream()
                .filter(a -> a.attributeName().equals(attribute))
                .map(AttributeDefinition::attributeTypeAsString)
                .findFirst()
                .orElse("not defined");
    }

    private static Optional<GlobalSecondaryIndexDescription> leaderboard(TableDescription table) {
        return table.globalSecondaryIndexes().stream()
                .filter(i -> i.indexName().equals("Leaderboard"))
                .findFirst();
    }

    private static String indexNames(TableDescription table) {
        return table.globalSecondaryIndexes().isEmpty()
                ? "no global secondary index"
                : table.globalSecondaryIndexes().stream()
                        .map(GlobalSecondaryIndexDescription::indexName)
                        .toList()
                        .toString();
    }

    @Graded(points = 2)
    @DisplayName("the table's primary key is PK (partition key, String) and SK (sort key, String)")
    void createTable_keysItemsByPlayerThenSortKey(
            @CodeUnderTest DynamoDbClient forLearner, DynamoDbClient kit, ResourceNames names) {
        String name = names.unique("Scores");
        TableDescription table = createAndDescribe(forLearner, kit, name);

        assertThat(key(table.keySchema(), "HASH").map(KeySchemaElement::attributeName))
                .as("expected the partition (HASH) key to be PK, but the key schema is %s", keys(table.keySchema()))
                .contains("PK");
        assertThat(key(table.keySchema(), "RANGE").map(KeySchemaElement::attributeName))
                .as(
                        "expected the sort (RANGE) key to be SK, so one player's items form one sorted item collection,"
                                + " but the key schema is %s",
                        keys(table.keySchema()))
                .contains("SK");
        assertThat(typeOf(table, "PK"))
                .as("expected PK to be defined as a String (S)")
                .isEqualTo("S");
        assertThat(typeOf(table, "SK"))
                .as("expected SK to be defined as a String (S)")
                .isEqualTo("S");
    }

    @Graded(points = 1)
    @DisplayName("the table uses on-demand capacity (PAY_PER_REQUEST), so nobody has to guess its throughput")
    void createTable_usesOnDemandBilling(
            @CodeUnderTest DynamoDbClient forLearner, DynamoDbClient kit, ResourceNames names) {
        TableDescription table = createAndDescribe(forLearner, kit, names.unique("Scores"));

        String billing = Optional.ofNullable(table.billingModeSummary())
                .map(BillingModeSummary::billingModeAsString)
                .orElse("PROVISIONED (no billing mode given)");
        assertThat(billing)
                .as("expected billing mode PAY_PER_REQUEST (on-demand), but the table is %s", billing)
                .isEqualTo("PAY_PER_REQUEST");
    }

    @Graded(points = 2)
    @DisplayName("the Leaderboard index has the game as partition key (String) and the score as sort key (Number)")
    void createTable_addsTheLeaderboardIndexKeyedByGameAndNumericScore(
            @CodeUnderTest DynamoDbClient forLearner, DynamoDbClient kit, ResourceNames names) {
        TableDescription table = createAndDescribe(forLearner, kit, names.unique("Scores"));

        Optional<GlobalSecondaryIndexDescription> index = leaderboard(table);
        assertThat(index)
                .as("expected a global secondary index named Leaderboard, but the table has %s", indexNames(table))
                .isPresent();
        List<KeySchemaElement> schema = index.get().keySchema();
        assertThat(key(schema, "HASH").map(KeySchemaElement::attributeName))
                .as("expected the Leaderboard index's partition key to be game, but its keys are %s", keys(schema))
                .contains("game");
        assertThat(key(schema, "RANGE").map(KeySchemaElement::attributeName))
                .as("expected the Leaderboard index's sort key to be score, but its keys are %s", keys(schema))
                .contains("score");
        assertThat(typeOf(table, "game"))
                .as("expected game to be defined as a String (S)")
                .isEqualTo("S");
        assertThat(typeOf(table, "score"))
                .as("expected score to be defined as a Number (N): as a String, 900 would rank above 1000")
                .isEqualTo("N");
    }

    @Graded(points = 1)
    @DisplayName("the Leaderboard index projects playerId and achievedAt (INCLUDE), so a leaderboard needs no second"
            + " read and the index copies nothing more")
    void createTable_projectsThePlayerIntoTheLeaderboardIndex(
            @CodeUnderTest DynamoDbClient forLearner, DynamoDbClient kit, ResourceNames names) {
        TableDescription table = createAndDescribe(forLearner, kit, names.unique("Scores"));

        Optional<GlobalSecondaryIndexDescription> index = leaderboard(table);
        assertThat(index)
                .as("expected a global secondary index named Leaderboard, but the table has %s", indexNames(table))
                .isPresent();
        Projection projection = index.get().projection();
        String type = projection == null ? "none" : projection.projectionTypeAsString();
        List<String> included = projection == null ? List.of() : projection.nonKeyAttributes();
        // Key attributes are in every index anyway; naming them again copies nothing more.
        Set<String> copied = new TreeSet<>(included);
        copied.removeAll(Set.of("PK", "SK", "game", "score"));
        assertThat("INCLUDE".equals(type) && copied.equals(Set.of("playerId", "achievedAt")))
                .as(
                        "expected the Leaderboard index to project INCLUDE with nonKeyAttributes playerId and achievedAt"
                                + " (what a leaderboard shows; KEYS_ONLY would need a second read per player, ALL copies"
                                + " every attribute of every item into the index and pays for it twice, and so does"
                                + " each extra attribute), but its projection is %s %s",
                        type, included)
                .isTrue();
    }

    @Graded(points = 2)
    @DisplayName(
            "createTable waits until the table is ACTIVE (a waiter polling DescribeTable) and returns its description")
    void createTable_waitsUntilTheTableIsActive(
            @CodeUnderTest DynamoDbClient forLearner, ResourceNames names, ApiCalls calls) {
        String name = names.unique("Scores");
        TableDescription returned = learner.call(
                "createTable(\"" + name + "\")", () -> new ScoreTableDefinition(forLearner).createTable(name));

        List<String> operations = calls.operations();
        int created = operations.indexOf("CreateTable");
        assertThat(created)
                .as("expected a CreateTable call, but your code called: %s", calls.summary())
                .isNotNegative();
        assertThat(operations.subList(created + 1, operations.size()))
                .as(
                        "expected CreateTable to be followed by DescribeTable (what dynamo.waiter().waitUntilTableExists(...) polls:"
                                + " a new table is CREATING for a while), but your code called: %s",
                        calls.summary())
                .contains("DescribeTable");
        assertThat(returned)
                .as("expected createTable to return the table's description, but it returned null")
                .isNotNull();
        assertThat(returned.tableName())
                .as("expected the description of table %s", name)
                .isEqualTo(name);
        assertThat(returned.tableStatus())
                .as(
                        "expected the returned description to say ACTIVE, but it says %s: a new table is CREATING for a"
                                + " while (here, as on AWS, for the first DescribeTable calls), so one DescribeTable right after"
                                + " CreateTable is not enough; a waiter polls until the table is ACTIVE",
                        returned.tableStatusAsString())
                .isEqualTo(TableStatus.ACTIVE);
    }

    @Graded(points = 1)
    @DisplayName("the new table serves a leaderboard right away: best scores come back from the index in numeric order")
    void createTable_servesALeaderboardQueryRightAway(
            @CodeUnderTest DynamoDbClient forLearner, DynamoDbClient kit, ResourceNames names) {
        String name = names.unique("Scores");
        TableDescription table = createAndDescribe(forLearner, kit, name);
        assertThat(leaderboard(table))
                .as("expected a global secondary index named Leaderboard, but the table has %s", indexNames(table))
                .isPresent();
        Instant now = Instant.parse("2026-11-26T10:15:30Z");
        for (var entry : Map.of("ann", 900L, "bo", 1000L, "cy", 85L).entrySet()) {
            putBest(kit, name, entry.getKey(), entry.getValue(), now);
        }

        List<String> ranking;
        try {
            ranking = kit
                    .query(b -> b.tableName(name)
                            .indexName("Leaderboard")
                            .keyConditionExpression("game = :g")
                            .expressionAttributeValues(Map.of(":g", AttributeValue.fromS("tetris")))
                            .scanIndexForward(false))
                    .items()
                    .stream()
                    .map(i -> i.get("playerId") == null
                            ? "(no playerId)"
                            : i.get("playerId").s())
                    .toList();
        } catch (DynamoDbException e) {
            throw new AssertionError(
                    "expected the Leaderboard index to answer a Query on game = tetris, but DynamoDB said: "
                            + e.awsErrorDetails().errorMessage(),
                    e);
        }
        assertThat(ranking)
                .as("expected a descending Query on the Leaderboard index to rank bo (1000), ann (900), cy (85)")
                .containsExactly("bo", "ann", "cy");
    }
    /** Writes a best-score item as the data layer does (score a Number); a table that refuses it fails the test. */
    private static void putBest(DynamoDbClient kit, String table, String player, long score, Instant at) {
        try {
            kit.putItem(b -> b.tableName(table)
                    .item(Map.of(
                            "PK",
                            AttributeValue.fromS("PLAYER#" + player),
                            "SK",
                            AttributeValue.fromS("BEST#tetris"),
                            "playerId",
                            AttributeValue.fromS(player),
                            "game",
                            AttributeValue.fromS("tetris"),
                            "score",
                            AttributeValue.fromN(Long.toString(score)),
                            "achievedAt",
                            AttributeValue.fromS(at.toString()))));
        } catch (DynamoDbException e) {
            throw new AssertionError(
                    "expected the table to store a best score whose score is a Number (N), as the leaderboard needs for"
                            + " numeric order, but DynamoDB refused it: "
                            + e.awsErrorDetails().errorMessage()
                            + " (the Leaderboard index must declare score as N: as a String, 900 would rank above 1000)",
                    e);
        }
    }
}
