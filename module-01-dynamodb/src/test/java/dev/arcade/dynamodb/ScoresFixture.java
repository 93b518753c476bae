package dev.arcade.dynamodb;

import dev.arcade.kit.ResourceNames;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * A scores table made and filled with the kit's own client, so that an exercise's tests never depend
 * on the learner's solution of another exercise (1.5 does not need the learner's 1.1 table).
 *
 * <p>The layout is spelled out here on purpose instead of reusing {@link ScoreTable}: the tests state
 * what the lesson specifies, so a changed {@code ScoreTable} cannot make a wrong item look right.
 */
final class ScoresFixture {
    static final String LEADERBOARD = "Leaderboard";

    private static final DateTimeFormatter SORTABLE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final DynamoDbClient kit;
    private final String table;

    private ScoresFixture(DynamoDbClient kit, String table) {
        this.kit = kit;
        this.table = table;
    }

    /** Creates a fresh scores table, exactly as the lesson designs it, with a unique name. */
    static ScoresFixture create(DynamoDbClient kit, ResourceNames names) {
        String table = names.unique("Scores");
        kit.createTable(b -> b.tableName(table)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                        a -> a.attributeName("PK").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("SK").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("game").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("score").attributeType(ScalarAttributeType.N))
                .keySchema(
                        k -> k.attributeName("PK").keyType(KeyType.HASH),
                        k -> k.attributeName("SK").keyType(KeyType.RANGE))
                .globalSecondaryIndexes(g -> g.indexName(LEADERBOARD)
                        .keySchema(
                                k -> k.attributeName("game").keyType(KeyType.HASH),
                                k -> k.attributeName("score").keyType(KeyType.RANGE))
                        .projection(p ->
                                p.projectionType(ProjectionType.INCLUDE).nonKeyAttributes("playerId", "achievedAt"))));
        return new ScoresFixture(kit, table);
    }

    /** The table's name. */
    String table() {
        return table;
    }

    /** A best-score item: {@code PLAYER#p / BEST#game} with playerId, game, score (N), achievedAt. */
    void putBest(String playerId, String game, long score, Instant achievedAt) {
        put(Map.of(
                "PK",
                s("PLAYER#" + playerId),
                "SK",
                s("BEST#" + game),
                "playerId",
                s(playerId),
                "game",
                s(game),
                "score",
                n(score),
                "achievedAt",
                s(achievedAt.toString())));
    }

    /** A history item: {@code PLAYER#p / PLAY#game#<sortable time>} with score (N) and playedAt, no game attribute. */
    void putPlay(String playerId, String game, long score, Instant playedAt) {
        put(playItem(playerId, game, score, playedAt));
    }

    /** The item {@link #putPlay} writes, for tests that write it another way. */
    static Map<String, AttributeValue> playItem(String playerId, String game, long score, Instant playedAt) {
        return Map.of(
                "PK",
                s("PLAYER#" + playerId),
                "SK",
                s("PLAY#" + game + "#" + SORTABLE.format(playedAt)),
                "score",
                n(score),
                "playedAt",
                s(playedAt.toString()));
    }

    /** A profile item {@code PLAYER#p / PROFILE} with playerId and the given attributes. */
    void putProfile(String playerId, Map<String, AttributeValue> attributes) {
        Map<String, AttributeValue> item = new HashMap<>(attributes);
        item.put("PK", s("PLAYER#" + playerId));
        item.put("SK", s("PROFILE"));
        item.put("playerId", s(playerId));
        put(item);
    }

    void put(Map<String, AttributeValue> item) {
        kit.putItem(b -> b.tableName(table).item(item));
    }

    /** The item with this key, read consistently; an empty map when there is none. */
    Map<String, AttributeValue> item(String pk, String sk) {
        return kit.getItem(b -> b.tableName(table).consistentRead(true).key(Map.of("PK", s(pk), "SK", s(sk))))
                .item();
    }

    Map<String, AttributeValue> best(String playerId, String game) {
        return item("PLAYER#" + playerId, "BEST#" + game);
    }

    Map<String, AttributeValue> profile(String playerId) {
        return item("PLAYER#" + playerId, "PROFILE");
    }

    Map<String, AttributeValue> settings(String playerId) {
        return item("PLAYER#" + playerId, "SETTINGS");
    }

    /** How many items the table holds. */
    int count() {
        return kit.scanPaginator(b -> b.tableName(table).consistentRead(true)).stream()
                .mapToInt(r -> r.count())
                .sum();
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
