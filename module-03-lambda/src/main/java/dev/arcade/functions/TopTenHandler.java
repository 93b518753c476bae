package dev.arcade.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Exercise 3.6: keeps each game's top-10 item up to date from the scores table's stream. A new best
 * score is an {@code INSERT} or {@code MODIFY} record of a best-score item ({@code SK} begins with
 * {@code BEST#}); everything else on the stream (removals, the top-10 items this function writes
 * itself, other items) is left alone.
 *
 * @see <a href="https://docs.aws.amazon.com/lambda/latest/dg/with-ddb.html">Using AWS Lambda with Amazon
 *     DynamoDB</a>
 * @see <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Streams.html">Change data
 *     capture for DynamoDB Streams</a>
 */
public final class TopTenHandler implements RequestHandler<DynamodbEvent, Void> {
    private final TopTenStore store;

    /** Lambda's constructor: the table from {@code TABLE_NAME}, the client built once. Given. */
    public TopTenHandler() {
        this(new TopTenStore(DynamoDbClient.create(), System.getenv("TABLE_NAME")));
    }

    /** For tests, in-process. Given. */
    public TopTenHandler(TopTenStore store) {
        this.store = store;
    }

    /**
     * Merges the batch's new best scores into each game's top 10: reads the item with
     * {@link TopTenStore#load}, merges with {@link #merge}, and saves with {@link TopTenStore#save},
     * loading again and retrying when another writer saved first. A batch delivered twice, or an
     * older batch delivered after a newer one, leaves the items as they were.
     *
     * @param event the stream batch: records with {@code eventName}, and {@code dynamodb.NewImage} in
     *     the table's layout ({@code PK}, {@code SK}, {@code game}, {@code playerId}, {@code score} as N)
     * @return null
     */
    @Override
    public Void handleRequest(DynamodbEvent event, Context context) {
        throw new UnsupportedOperationException("TODO 3.6: merge the batch's new best scores into each game's top-10 item");
    }

    /**
     * Merges best scores into a top 10: each player once, with the highest score either list has for
     * them; best first, players with equal scores by {@code playerId} in alphabetical order; at most
     * {@value ScoreTable#TOP_SIZE} entries.
     *
     * @param current the top 10 as stored, best first
     * @param updates new best scores, in any order, a player possibly more than once
     * @return the new top 10
     */
    public static List<LeaderboardEntry> merge(List<LeaderboardEntry> current, List<LeaderboardEntry> updates) {
        throw new UnsupportedOperationException("TODO 3.6: merge best scores into a top 10 (each player once, best first, at most 10)");
    }
}
