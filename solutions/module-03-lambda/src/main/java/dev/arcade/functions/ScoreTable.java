package dev.arcade.functions;

import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/**
 * The layout of the scores table, as module 01 designed it, plus the per-game top-10 item of
 * exercise 3.6. Given: every exercise of this module uses it.
 *
 * <pre>
 * PK              SK             other attributes
 * PLAYER#alice    BEST#tetris    playerId, game, score (N), achievedAt     (in the Leaderboard index)
 * GAME#tetris     TOP10          entries (L of M: playerId, score (N)), best first   (exercise 3.6)
 * </pre>
 *
 * @see <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/bp-sort-keys.html">Using sort keys to organize data</a>
 */
public final class ScoreTable {
    /** The table's partition key, a String: {@code PLAYER#<playerId>} or {@code GAME#<game>}. */
    public static final String PK = "PK";
    /** The table's sort key, a String: {@code BEST#<game>} or {@code TOP10}. */
    public static final String SK = "SK";
    /** The global secondary index that serves per-game leaderboards: partition key {@link #GAME}, sort key {@link #SCORE}. */
    public static final String LEADERBOARD_INDEX = "Leaderboard";
    /** The player's id, a String, on best-score items. */
    public static final String PLAYER_ID = "playerId";
    /** The game's id, a String; only best-score items carry it, which keeps other items out of the index. */
    public static final String GAME = "game";
    /** The score, a Number (a whole number, 0 or more). */
    public static final String SCORE = "score";
    /** When a best score was reached, an ISO-8601 String. */
    public static final String ACHIEVED_AT = "achievedAt";
    /** The sort key of a game's top-10 item. */
    public static final String TOP10 = "TOP10";
    /** The top-10 item's entries: a List of Maps, each with {@link #PLAYER_ID} and {@link #SCORE}, best first. */
    public static final String ENTRIES = "entries";
    /** How many entries a top-10 item keeps. */
    public static final int TOP_SIZE = 10;

    private ScoreTable() {}

    /** The partition key value of a player: {@code PLAYER#alice}. */
    public static String playerKey(String playerId) {
        return "PLAYER#" + playerId;
    }

    /** The sort key value of a player's best score in a game: {@code BEST#tetris}. */
    public static String bestScoreKey(String game) {
        return "BEST#" + game;
    }

    /** The partition key value of a game's own items: {@code GAME#tetris}. */
    public static String gameKey(String game) {
        return "GAME#" + game;
    }

    /**
     * The CreateTable request of a scores table: on-demand, keys {@link #PK} and {@link #SK}, the
     * {@link #LEADERBOARD_INDEX} index, and a stream with new and old images (exercise 3.6 reads it).
     *
     * @param tableName the table's name
     * @return the request, for {@code DynamoDbClient.createTable}
     */
    public static CreateTableRequest definition(String tableName) {
        return CreateTableRequest.builder()
                .tableName(tableName)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                        attribute(PK, ScalarAttributeType.S),
                        attribute(SK, ScalarAttributeType.S),
                        attribute(GAME, ScalarAttributeType.S),
                        attribute(SCORE, ScalarAttributeType.N))
                .keySchema(key(PK, KeyType.HASH), key(SK, KeyType.RANGE))
                .globalSecondaryIndexes(g -> g.indexName(LEADERBOARD_INDEX)
                        .keySchema(key(GAME, KeyType.HASH), key(SCORE, KeyType.RANGE))
                        .projection(p -> p.projectionType(ProjectionType.ALL)))
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES))
                .build();
    }

    private static AttributeDefinition attribute(String name, ScalarAttributeType type) {
        return AttributeDefinition.builder()
                .attributeName(name)
                .attributeType(type)
                .build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }
}
