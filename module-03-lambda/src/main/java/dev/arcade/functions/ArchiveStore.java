package dev.arcade.functions;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * Given: the storage of the weekly archive job (exercise 3.8). It reads the players' best scores from the
 * scores table ({@code TABLE_NAME}) a page at a time, and writes into the archive table ({@code
 * ARCHIVE_TABLE}, keys {@code PK} and {@code SK}):
 * <ul>
 *   <li>one archive item per best score and week: {@code PK = ARCHIVE#2026-W48}, {@code SK = PLAYER#alice|BEST#tetris},
 *       with {@code playerId}, {@code game}, {@code score} and {@code copies}, the number of times it was copied
 *       (1 when the job is right);</li>
 *   <li>one checkpoint item per week: {@code PK = CHECKPOINT}, {@code SK = 2026-W48}, with {@code done} and
 *       {@code lastKey}, the scan's LastEvaluatedKey where the job stopped.</li>
 * </ul>
 *
 * <p>A real table of millions of players takes minutes to scan; {@code PAGE_DELAY_MS} (milliseconds, default 0)
 * makes each page this much slower, so a small table behaves like a big one.
 *
 * <p>Follows the Amazon DynamoDB Developer Guide, "Paginating table scan results"
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Scan.html#Scan.Pagination).
 */
public final class ArchiveStore {
    /** The partition key value of the checkpoint items. */
    public static final String CHECKPOINT = "CHECKPOINT";

    private final DynamoDbClient dynamo;
    private final String scoresTable;
    private final String archiveTable;
    private final long pageDelayMs;

    /**
     * Given: a store over two tables.
     *
     * @param dynamo the client
     * @param scoresTable the scores table's name
     * @param archiveTable the archive table's name
     * @param pageDelayMs how much slower each page is, in milliseconds
     */
    public ArchiveStore(DynamoDbClient dynamo, String scoresTable, String archiveTable, long pageDelayMs) {
        this.dynamo = dynamo;
        this.scoresTable = scoresTable;
        this.archiveTable = archiveTable;
        this.pageDelayMs = pageDelayMs;
    }

    /**
     * Given: the store a deployed function uses, from {@code TABLE_NAME}, {@code ARCHIVE_TABLE} and {@code
     * PAGE_DELAY_MS}.
     *
     * @param dynamo the client
     * @return the store
     */
    public static ArchiveStore fromEnvironment(DynamoDbClient dynamo) {
        String delay = System.getenv("PAGE_DELAY_MS");
        return new ArchiveStore(
                dynamo,
                System.getenv("TABLE_NAME"),
                System.getenv("ARCHIVE_TABLE"),
                delay == null || delay.isBlank() ? 0 : Long.parseLong(delay));
    }

    /**
     * Given: the ISO week of an instant, in UTC.
     *
     * @param time the instant
     * @return the week, for example {@code 2026-W48}
     */
    public static String weekOf(Instant time) {
        ZonedDateTime t = time.atZone(ZoneOffset.UTC);
        return String.format("%d-W%02d", t.get(IsoFields.WEEK_BASED_YEAR), t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    /**
     * One page of best scores.
     *
     * @param items the page's best-score items (may be empty even when more pages follow)
     * @param lastKey the key to start the next page from, or an empty map after the last page
     */
    public record Page(List<Map<String, AttributeValue>> items, Map<String, AttributeValue> lastKey) {
        /** Whether this was the last page. */
        public boolean last() {
            return lastKey.isEmpty();
        }
    }

    /**
     * Given: reads one page of the scores table's best scores (a Scan with {@code Limit}).
     *
     * @param startKey where to start: empty for the first page, otherwise the previous page's {@link Page#lastKey}
     * @param limit how many items to read at most
     * @return the page
     */
    public Page page(Map<String, AttributeValue> startKey, int limit) {
        slowDown();
        ScanResponse scan = dynamo.scan(b -> b.tableName(scoresTable)
                .limit(limit)
                .exclusiveStartKey(startKey.isEmpty() ? null : startKey)
                .filterExpression("begins_with(#sk, :best)")
                .expressionAttributeNames(Map.of("#sk", ScoreTable.SK))
                .expressionAttributeValues(Map.of(":best", AttributeValue.fromS("BEST#"))));
        return new Page(scan.items(), scan.hasLastEvaluatedKey() ? scan.lastEvaluatedKey() : Map.of());
    }

    /**
     * Given: copies one best-score item into the week's archive (an UpdateItem that adds 1 to {@code copies}).
     *
     * @param week the week, as {@link #weekOf} writes it
     * @param best a best-score item from {@link #page}
     */
    public void archive(String week, Map<String, AttributeValue> best) {
        String sk = best.get(ScoreTable.PK).s() + "|" + best.get(ScoreTable.SK).s();
        dynamo.updateItem(b -> b.tableName(archiveTable)
                .key(Map.of(
                        ScoreTable.PK,
                        AttributeValue.fromS("ARCHIVE#" + week),
                        ScoreTable.SK,
                        AttributeValue.fromS(sk)))
                .updateExpression("SET #p = :p, #g = :g, #s = :s ADD copies :one")
                .expressionAttributeNames(
                        Map.of("#p", ScoreTable.PLAYER_ID, "#g", ScoreTable.GAME, "#s", ScoreTable.SCORE))
                .expressionAttributeValues(Map.of(
                        ":p", best.getOrDefault(ScoreTable.PLAYER_ID, AttributeValue.fromS("")),
                        ":g", best.getOrDefault(ScoreTable.GAME, AttributeValue.fromS("")),
                        ":s", best.getOrDefault(ScoreTable.SCORE, AttributeValue.fromN("0")),
                        ":one", AttributeValue.fromN("1"))));
    }

    /**
     * A week's checkpoint.
     *
     * @param lastKey where the next run starts (empty: from the beginning)
     * @param done whether the week is fully archived
     */
    public record Checkpoint(Map<String, AttributeValue> lastKey, boolean done) {}

    /**
     * Given: reads a week's checkpoint.
     *
     * @param week the week
     * @return the checkpoint, or empty if no run saved one for that week
     */
    public Optional<Checkpoint> checkpoint(String week) {
        GetItemResponse got = dynamo.getItem(
                b -> b.tableName(archiveTable).consistentRead(true).key(checkpointKey(week)));
        if (!got.hasItem() || got.item().isEmpty()) {
            return Optional.empty();
        }
        Map<String, AttributeValue> item = got.item();
        AttributeValue last = item.get("lastKey");
        AttributeValue done = item.get("done");
        return Optional.of(new Checkpoint(
                last == null || !last.hasM() ? Map.of() : last.m(), done != null && Boolean.TRUE.equals(done.bool())));
    }

    /**
     * Given: saves a week's checkpoint (a PutItem).
     *
     * @param week the week
     * @param checkpoint where the next run starts, and whether the week is done
     */
    public void saveCheckpoint(String week, Checkpoint checkpoint) {
        Map<String, AttributeValue> item = new java.util.HashMap<>(checkpointKey(week));
        item.put("done", AttributeValue.fromBool(checkpoint.done()));
        item.put("lastKey", AttributeValue.fromM(checkpoint.lastKey()));
        dynamo.putItem(b -> b.tableName(archiveTable).item(item));
    }

    private static Map<String, AttributeValue> checkpointKey(String week) {
        return Map.of(ScoreTable.PK, AttributeValue.fromS(CHECKPOINT), ScoreTable.SK, AttributeValue.fromS(week));
    }

    private void slowDown() {
        if (pageDelayMs <= 0) {
            return;
        }
        try {
            Thread.sleep(pageDelayMs);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
