package dev.arcade.functions;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/**
 * The per-game top-10 item of the scores table ({@code PK = GAME#<game>}, {@code SK = TOP10}, see
 * {@link ScoreTable}), read and written with optimistic locking: every save names the version it
 * read, and fails when another writer saved in between. Given (exercise 3.6 uses it).
 *
 * @see <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.ConditionExpressions.html">Condition
 *     expressions</a>
 */
public final class TopTenStore {
    /** The attribute that holds the item's version, a Number that every save raises by one. */
    public static final String VERSION = "version";

    private final DynamoDbClient dynamo;
    private final String tableName;

    /**
     * A store on one table.
     *
     * @param dynamo the client to use
     * @param tableName the scores table's name
     */
    public TopTenStore(DynamoDbClient dynamo, String tableName) {
        this.dynamo = dynamo;
        this.tableName = tableName;
    }

    /**
     * A game's top 10 as read.
     *
     * @param entries best first, at most {@value ScoreTable#TOP_SIZE}; empty when the item does not exist
     * @param version the item's version; 0 when it does not exist
     */
    public record Snapshot(List<LeaderboardEntry> entries, long version) {
        /** Copies the list. */
        public Snapshot {
            entries = List.copyOf(entries);
        }
    }

    private static Map<String, AttributeValue> key(String game) {
        return Map.of(
                ScoreTable.PK, AttributeValue.fromS(ScoreTable.gameKey(game)),
                ScoreTable.SK, AttributeValue.fromS(ScoreTable.TOP10));
    }

    /**
     * Reads a game's top 10 (GetItem, strongly consistent).
     *
     * @param game the game's id
     * @return the entries and the version to pass to {@link #save}
     */
    public Snapshot load(String game) {
        Map<String, AttributeValue> item = dynamo.getItem(
                        g -> g.tableName(tableName).key(key(game)).consistentRead(true))
                .item();
        if (item == null || item.isEmpty()) {
            return new Snapshot(List.of(), 0);
        }
        List<LeaderboardEntry> entries = item.get(ScoreTable.ENTRIES).l().stream()
                .map(entry -> new LeaderboardEntry(
                        entry.m().get(ScoreTable.PLAYER_ID).s(),
                        Long.parseLong(entry.m().get(ScoreTable.SCORE).n())))
                .toList();
        return new Snapshot(entries, Long.parseLong(item.get(VERSION).n()));
    }

    /**
     * Writes a game's top 10 if nobody saved it since {@code expectedVersion} was read (PutItem with
     * a condition on the version).
     *
     * @param game the game's id
     * @param entries best first, as they should be stored
     * @param expectedVersion the version {@link #load} returned
     * @return true when saved; false when another writer saved first (load again and retry)
     */
    public boolean save(String game, List<LeaderboardEntry> entries, long expectedVersion) {
        Map<String, AttributeValue> item = new java.util.HashMap<>(key(game));
        item.put(
                ScoreTable.ENTRIES,
                AttributeValue.fromL(entries.stream()
                        .map(e -> AttributeValue.fromM(Map.of(
                                ScoreTable.PLAYER_ID, AttributeValue.fromS(e.playerId()),
                                ScoreTable.SCORE, AttributeValue.fromN(Long.toString(e.score())))))
                        .toList()));
        item.put(VERSION, AttributeValue.fromN(Long.toString(expectedVersion + 1)));
        PutItemRequest.Builder put =
                PutItemRequest.builder().tableName(tableName).item(item);
        if (expectedVersion == 0) {
            put.conditionExpression("attribute_not_exists(#v)").expressionAttributeNames(Map.of("#v", VERSION));
        } else {
            put.conditionExpression("#v = :v")
                    .expressionAttributeNames(Map.of("#v", VERSION))
                    .expressionAttributeValues(Map.of(":v", AttributeValue.fromN(Long.toString(expectedVersion))));
        }
        try {
            dynamo.putItem(put.build());
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }
}
