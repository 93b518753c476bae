package dev.arcade.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arcade.kit.AwsTest;
import dev.arcade.kit.CodeUnderTest;
import dev.arcade.kit.Exercise;
import dev.arcade.kit.Graded;
import dev.arcade.kit.Learner;
import dev.arcade.kit.ResourceNames;
import dev.arcade.kit.sdk.ApiCall;
import dev.arcade.kit.sdk.ApiCalls;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

@AwsTest
@Exercise("1.6")
@DisplayName("1.6 Serve a game's leaderboard from the index")
class Exercise16LeaderboardTest {
    private static final Instant WHEN = Instant.parse("2026-11-26T10:15:30Z");

    private Learner learner;
    private ScoresFixture scores;
    private LeaderboardQueries leaderboard;

    @BeforeEach
    void seed(Learner learner, DynamoDbClient kit, @CodeUnderTest DynamoDbClient forLearner, ResourceNames names) {
        this.learner = learner;
        scores = ScoresFixture.create(kit, names);
        leaderboard = new LeaderboardQueries(forLearner, scores.table());
        // as Strings these would rank 99999, 900, 7, 4200, 30, 2500, 15000, 1000
        Map<String, Long> tetris = new LinkedHashMap<>();
        tetris.put("ann", 900L);
        tetris.put("bo", 1000L);
        tetris.put("cy", 15000L);
        tetris.put("di", 2500L);
        tetris.put("ed", 30L);
        tetris.put("flo", 4200L);
        tetris.put("gus", 99999L);
        tetris.put("hal", 7L);
        tetris.forEach((player, score) -> scores.putBest(player, "tetris", score, WHEN));
        scores.putBest("ann", "pacman", 999_999, WHEN);
        scores.putBest("ivy", "pacman", 500_000, WHEN);
        scores.putBest("jo", "pacman", 750_000, WHEN);
        // scores an int cannot hold (above 2^31 - 1), one that a double cannot hold exactly (2^53 + 1)
        scores.putBest("xia", "marathon", 2_147_483_647L, WHEN);
        scores.putBest("yan", "marathon", 9_007_199_254_740_993L, WHEN);
        scores.putBest("zed", "marathon", 2_147_483_648L, WHEN);
        // history items have a score but no game attribute: they are not in the index
        scores.putPlay("gus", "tetris", 123_456_789, WHEN);
        scores.putProfile("gus", Map.of("coins", ScoresFixture.n(10)));
    }

    private List<LeaderboardEntry> top(String game, int n) {
        List<LeaderboardEntry> top = learner.call("top(\"" + game + "\", " + n + ")", () -> leaderboard.top(game, n));
        assertThat(top)
                .as("expected top(...) to return a list, but it returned null")
                .isNotNull();
        return top;
    }

    @Graded(points = 3)
    @DisplayName("top 3 of tetris is the three highest scores, highest first, ranked 1, 2, 3")
    void top_returnsTheHighestScoresFirstWithRanks() {
        List<LeaderboardEntry> top = top("tetris", 3);

        assertThat(top)
                .as("expected gus (99999), cy (15000), flo (4200): a descending Query (ScanIndexForward = false) on the"
                        + " Leaderboard index, whose sort key is the numeric score")
                .containsExactly(
                        new LeaderboardEntry(1, "gus", 99999),
                        new LeaderboardEntry(2, "cy", 15000),
                        new LeaderboardEntry(3, "flo", 4200));
    }

    @Graded(points = 2)
    @DisplayName("scores beyond an int (2^31 - 1) and beyond a double's exact range come back exactly, and top 1 is"
            + " the single best")
    void top_readsEveryScoreAsALong() {
        List<LeaderboardEntry> top = top("marathon", 3);
        List<LeaderboardEntry> best = top("marathon", 1);

        assertThat(top)
                .as(
                        "expected yan (9007199254740993), zed (2147483648), xia (2147483647): a score is a DynamoDB number of"
                                + " up to 38 digits and LeaderboardEntry holds a long, so read it with Long.parseLong (an int"
                                + " overflows above 2147483647, a double rounds 9007199254740993)")
                .containsExactly(
                        new LeaderboardEntry(1, "yan", 9_007_199_254_740_993L),
                        new LeaderboardEntry(2, "zed", 2_147_483_648L),
                        new LeaderboardEntry(3, "xia", 2_147_483_647L));
        assertThat(best)
                .as("expected top 1 of marathon to be yan alone")
                .containsExactly(new LeaderboardEntry(1, "yan", 9_007_199_254_740_993L));
    }

    @Graded(points = 2)
    @DisplayName("the leaderboard is one Query on the Leaderboard index, never a Scan of the table")
    void top_queriesTheLeaderboardIndex(ApiCalls calls) {
        top("tetris", 3);

        assertThat(calls.operations())
                .as(
                        "expected exactly one Query (the index is partitioned by game, so one Query reads one game's scores,"
                                + " already sorted; a Scan reads every item of every game), but your code called: %s",
                        calls.summary())
                .containsExactly("Query");
        QueryRequest query = calls.requests(QueryRequest.class).get(0);
        assertThat(query.indexName())
                .as("expected the Query to name IndexName = Leaderboard, but it named %s", query.indexName())
                .isEqualTo("Leaderboard");
        assertThat(query.scanIndexForward())
                .as(
                        "expected ScanIndexForward = false, so the highest score comes first, but it was %s",
                        query.scanIndexForward())
                .isFalse();
    }

    @Graded(points = 2)
    @DisplayName("top N reads no more than N items from the index (Limit = N)")
    void top_readsOnlyAsManyItemsAsItShows(ApiCalls calls) {
        top("tetris", 3);

        List<QueryRequest> queries = calls.requests(QueryRequest.class);
        assertThat(queries)
                .as("expected a Query, but your code called: %s", calls.summary())
                .isNotEmpty();
        assertThat(queries.get(0).limit())
                .as(
                        "expected the Query to carry Limit = 3: without it DynamoDB reads (and bills) the whole game's"
                                + " leaderboard, though only 3 are shown; it carried %s",
                        queries.get(0).limit())
                .isNotNull()
                .isBetween(1, 3);
        int read = calls.of("Query").stream()
                .map(ApiCall::response)
                .flatMap(java.util.Optional::stream)
                .mapToInt(r -> ((QueryResponse) r).scannedCount() == null ? 0 : ((QueryResponse) r).scannedCount())
                .sum();
        assertThat(read)
                .as("expected at most 3 index items read in all, but your Queries read %d", read)
                .isLessThanOrEqualTo(3);
    }

    @Graded(points = 2)
    @DisplayName("the Query asks only for playerId and score, with a ProjectionExpression")
    void top_asksOnlyForThePlayerAndTheScore(ApiCalls calls) {
        top("tetris", 3);

        List<QueryRequest> queries = calls.requests(QueryRequest.class);
        assertThat(queries)
                .as("expected a Query, but your code called: %s", calls.summary())
                .isNotEmpty();
        QueryRequest query = queries.get(0);
        assertThat(query.projectionExpression())
                .as("expected a ProjectionExpression such as \"playerId, score\": the index also holds PK, SK, game and"
                        + " achievedAt, which a leaderboard does not show")
                .isNotBlank();
        Set<String> asked = attributes(query);
        assertThat(asked)
                .as(
                        "expected the ProjectionExpression to name playerId and score (and at most game besides), but it"
                                + " names %s",
                        asked)
                .contains("playerId", "score")
                .isSubsetOf("playerId", "score", "game");
    }

    /** The attribute names a ProjectionExpression asks for, with #aliases resolved. */
    private static Set<String> attributes(QueryRequest query) {
        Set<String> names = new TreeSet<>();
        for (String part : query.projectionExpression().split(",")) {
            String name = part.trim();
            if (name.startsWith("#") && query.expressionAttributeNames().containsKey(name)) {
                name = query.expressionAttributeNames().get(name);
            }
            names.add(name);
        }
        return names;
    }

    @Graded(points = 1)
    @DisplayName(
            "a leaderboard of no places (top 0, or fewer) is refused with IllegalArgumentException before any call")
    void top_refusesLessThanOnePlace(ApiCalls calls) {
        learner.expectThrows(
                IllegalArgumentException.class,
                "expected IllegalArgumentException for top(\"tetris\", 0): a leaderboard has at least one place (and"
                        + " DynamoDB refuses Limit = 0)",
                () -> leaderboard.top("tetris", 0));
        learner.expectThrows(
                IllegalArgumentException.class,
                "expected IllegalArgumentException for top(\"tetris\", -3)",
                () -> leaderboard.top("tetris", -3));
        assertThat(calls.operations())
                .as(
                        "expected no AWS call for a leaderboard that is refused anyway, but your code called: %s",
                        calls.summary())
                .isEmpty();
    }

    @Graded(points = 1)
    @DisplayName("a game with fewer players than N lists them all, and an unknown game lists nobody")
    void top_handlesShortAndEmptyLeaderboards() {
        List<LeaderboardEntry> pacman = top("pacman", 10);
        List<LeaderboardEntry> nobody = top("space-invaders", 10);

        assertThat(pacman)
                .as("expected all 3 pacman players, highest first")
                .containsExactly(
                        new LeaderboardEntry(1, "ann", 999_999),
                        new LeaderboardEntry(2, "jo", 750_000),
                        new LeaderboardEntry(3, "ivy", 500_000));
        assertThat(nobody).as("expected an empty list for a game nobody played").isEmpty();
    }
}
