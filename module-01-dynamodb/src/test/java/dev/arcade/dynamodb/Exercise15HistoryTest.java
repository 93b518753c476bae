package dev.arcade.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arcade.kit.AwsTest;
import dev.arcade.kit.CodeUnderTest;
import dev.arcade.kit.Exercise;
import dev.arcade.kit.Graded;
import dev.arcade.kit.Learner;
import dev.arcade.kit.ResourceNames;
import dev.arcade.kit.sdk.ApiCalls;
import dev.arcade.kit.sdk.FaultPlan;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

@AwsTest
@Exercise("1.5")
@DisplayName("1.5 Page through a player's history")
class Exercise15HistoryTest {
    private static final Instant START = Instant.parse("2026-11-26T10:00:00Z");
    /** More pages than 7 plays in pages of 3 can need, so a token that never ends fails instead of looping. */
    private static final int MAX_PAGES = 10;

    private Learner learner;
    private ScoresFixture scores;
    private DynamoDbClient forLearner;
    private ScoreHistory history;

    /** alice's 7 tetris plays, oldest first: tetris(0) .. tetris(6). */
    private static Play tetris(int i) {
        // some plays end in half a second, so that playedAt must be read back exactly
        return new Play(1000L + 10 * i, START.plusSeconds(90L * i).plusMillis(i % 2 == 0 ? 0 : 500));
    }

    @BeforeEach
    void seed(Learner learner, DynamoDbClient kit, @CodeUnderTest DynamoDbClient forLearner, ResourceNames names) {
        this.learner = learner;
        this.forLearner = forLearner;
        scores = ScoresFixture.create(kit, names);
        history = new ScoreHistory(forLearner, scores.table());
        for (int i = 0; i < 7; i++) {
            scores.putPlay("alice", "tetris", tetris(i).score(), tetris(i).playedAt());
        }
        // neighbours in alice's item collection that a history of tetris must not show
        scores.putPlay("alice", "pacman", 77, START.plusSeconds(30));
        scores.putPlay("alice", "pacman", 78, START.plusSeconds(3000));
        scores.putPlay("alice", "tetris-duel", 5, START.plusSeconds(5000));
        scores.putPlay("alice", "tetris-duel", 6, START.plusSeconds(6000));
        scores.putBest("alice", "tetris", 1060, tetris(6).playedAt());
        scores.putProfile("alice", java.util.Map.of("gamesPlayed", ScoresFixture.n(11)));
        // and another player's tetris plays
        for (int i = 0; i < 3; i++) {
            scores.putPlay("bob", "tetris", 500 + i, START.plusSeconds(45L * i));
        }
    }

    private HistoryPage page(ScoreHistory from, String player, String game, int pageSize, String token) {
        HistoryPage page = learner.call(
                "history(\"" + player + "\", \"" + game + "\", " + pageSize + ", " + token + ")",
                () -> from.history(player, game, pageSize, token));
        assertThat(page)
                .as("expected history(...) to return a page, but it returned null")
                .isNotNull();
        return page;
    }

    private static List<Play> newestFirst(int fromIndex, int toIndex) {
        List<Play> plays = new ArrayList<>();
        for (int i = toIndex; i >= fromIndex; i--) {
            plays.add(tetris(i));
        }
        return plays;
    }

    @Graded(points = 2)
    @DisplayName("the first page holds the newest plays of that game, newest first, exactly page size of them")
    void history_returnsTheFirstPageNewestFirst() {
        HistoryPage first = page(history, "alice", "tetris", 3, null);

        assertThat(first.plays())
                .as(
                        "expected alice's 3 newest tetris plays, newest first (ScanIndexForward = false; the key condition"
                                + " begins_with(SK, \"PLAY#tetris#\") keeps out pacman, tetris-duel, the BEST and the PROFILE items)")
                .containsExactlyElementsOf(newestFirst(4, 6));
        assertThat(first.nextPageToken())
                .as("expected a next-page token, since 4 more plays are left (the response's LastEvaluatedKey)")
                .isNotNull();
    }

    @Graded(points = 3)
    @DisplayName("following the tokens returns every play exactly once, in order, and the last token is null")
    void history_walksEveryPageExactlyOnce() {
        List<Play> all = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            HistoryPage page = page(history, "alice", "tetris", 3, token);
            all.addAll(page.plays());
            sizes.add(page.plays().size());
            token = page.nextPageToken();
            pages++;
        } while (token != null && pages < MAX_PAGES);

        assertThat(token)
                .as(
                        "expected the token to become null after the last page, but after %d pages (sizes %s) it was still"
                                + " not null: pass the LastEvaluatedKey back as ExclusiveStartKey, and return null when the response"
                                + " has no LastEvaluatedKey (hasLastEvaluatedKey())",
                        pages, sizes)
                .isNull();
        assertThat(all)
                .as("expected all 7 tetris plays across the pages, each once, newest first; page sizes were %s", sizes)
                .containsExactlyElementsOf(newestFirst(0, 6));
    }

    @Graded(points = 2)
    @DisplayName(
            "a page that DynamoDB ends early (its 1 MB limit) still has a next token: only LastEvaluatedKey says more"
                    + " plays follow")
    void history_followsLastEvaluatedKeyNotThePageSize(FaultPlan faults) {
        // On AWS a Query page also ends at 1 MB, before Limit: a short page is not the last page.
        faults.shortPages("Query", 1);
        HistoryPage first = page(history, "alice", "tetris", 4, null);

        assertThat(first.plays())
                .as(
                        "expected the 2 plays DynamoDB returned on this short page (it ended early with a LastEvaluatedKey)")
                .containsExactlyElementsOf(newestFirst(5, 6));
        assertThat(first.nextPageToken())
                .as(
                        "expected a next-page token although the page holds 2 plays, not 4: DynamoDB ended the page early and"
                                + " said so with a LastEvaluatedKey; a page shorter than Limit is not the last one, and a full one"
                                + " need not be followed by more (hasLastEvaluatedKey() decides)")
                .isNotNull();
        HistoryPage second = page(history, "alice", "tetris", 4, first.nextPageToken());
        assertThat(second.plays())
                .as("expected the next page to carry on after the short one, with the 4 plays that follow")
                .containsExactlyElementsOf(newestFirst(1, 4));
    }

    @Graded(points = 2)
    @DisplayName(
            "each page is one Query on the table with Limit = page size and ScanIndexForward = false, never a Scan")
    void history_queriesThePlayersPlaysWithLimit(ApiCalls calls) {
        HistoryPage first = page(history, "alice", "tetris", 3, null);
        page(history, "alice", "tetris", 3, first.nextPageToken());

        assertThat(calls.operations())
                .as(
                        "expected one Query per page (the player is the partition key, so a Query reads only alice's items;"
                                + " a Scan reads the whole table), but your code called: %s",
                        calls.summary())
                .containsExactly("Query", "Query");
        for (QueryRequest q : calls.requests(QueryRequest.class)) {
            assertThat(q.limit())
                    .as(
                            "expected each Query to carry Limit = 3 (the page size), so DynamoDB reads no more than one page,"
                                    + " but it carried %s",
                            q.limit())
                    .isEqualTo(3);
            assertThat(q.scanIndexForward())
                    .as("expected ScanIndexForward = false (newest first), but it was %s", q.scanIndexForward())
                    .isFalse();
            assertThat(q.indexName())
                    .as("expected a Query on the table itself, not on an index")
                    .isNull();
        }
    }

    @Graded(points = 2)
    @DisplayName("the token alone is enough: a new ScoreHistory continues where another one stopped")
    void history_continuesFromTheTokenAlone() {
        HistoryPage first = page(history, "alice", "tetris", 3, null);
        assertThat(first.nextPageToken())
                .as("expected a next-page token after the first of 3 pages")
                .isNotNull();

        ScoreHistory anotherServer = new ScoreHistory(forLearner, scores.table());
        HistoryPage second = page(anotherServer, "alice", "tetris", 3, first.nextPageToken());

        assertThat(second.plays())
                .as(
                        "expected the 2nd page (the 4th to 6th newest plays) from a fresh ScoreHistory given only the token:"
                                + " the token must carry the position itself, not point at state kept in a field")
                .containsExactlyElementsOf(newestFirst(1, 3));
    }

    @Graded(points = 1)
    @DisplayName("other games and other players stay out, and a short history fits on one page with no token")
    void history_keepsOtherGamesAndPlayersOut() {
        HistoryPage pacman = page(history, "alice", "pacman", 10, null);
        HistoryPage bob = page(history, "bob", "tetris", 10, null);
        HistoryPage nobody = page(history, "carol", "tetris", 10, null);

        // Which plays, not their order: the order is what the newest-first tests grade.
        assertThat(pacman.plays())
                .as(
                        "expected alice's 2 pacman plays (scores 78 and 77) and nothing of her other games"
                                + " (tetris, tetris-duel) or of other players, but got the scores %s",
                        scoresOf(pacman))
                .extracting(Play::score)
                .containsExactlyInAnyOrder(78L, 77L);
        assertThat(pacman.nextPageToken())
                .as("expected no token when everything fit on one page")
                .isNull();
        assertThat(bob.plays())
                .as(
                        "expected bob's 3 tetris plays (scores 500, 501, 502) and none of alice's, but got the scores %s",
                        scoresOf(bob))
                .extracting(Play::score)
                .containsExactlyInAnyOrder(502L, 501L, 500L);
        assertThat(nobody.plays())
                .as("expected an empty page for a player with no plays")
                .isEmpty();
        assertThat(nobody.nextPageToken())
                .as("expected no token for an empty history")
                .isNull();
    }

    private static List<Long> scoresOf(HistoryPage page) {
        return page.plays() == null
                ? List.of()
                : page.plays().stream().map(Play::score).toList();
    }
}
