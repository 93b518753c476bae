package dev.arcade.dynamodb;

import static dev.arcade.dynamodb.ItemAssert.assertThatItem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arcade.kit.AwsTest;
import dev.arcade.kit.CodeUnderTest;
import dev.arcade.kit.Exercise;
import dev.arcade.kit.Graded;
import dev.arcade.kit.Learner;
import dev.arcade.kit.ResourceNames;
import dev.arcade.kit.sdk.ApiCalls;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

@AwsTest
@Exercise("1.2")
@DisplayName("1.2 Save and load a score item")
class Exercise12ScoreItemTest {
    private static final Instant WHEN = Instant.parse("2026-11-26T10:15:30.250Z");

    private Learner learner;
    private ScoresFixture scores;
    private ScoreStore store;

    @BeforeEach
    void freshTable(
            Learner learner, DynamoDbClient kit, @CodeUnderTest DynamoDbClient forLearner, ResourceNames names) {
        this.learner = learner;
        scores = ScoresFixture.create(kit, names);
        store = new ScoreStore(forLearner, scores.table());
    }

    private void save(Score score) {
        learner.run("save(" + score + ")", () -> store.save(score));
    }

    private Optional<Score> find(String playerId, String game) {
        return learner.call("find(\"" + playerId + "\", \"" + game + "\")", () -> store.find(playerId, game));
    }

    @Graded(points = 2)
    @DisplayName("save writes the item PK = PLAYER#<player>, SK = BEST#<game> with playerId and game attributes")
    void save_writesTheBestScoreItemUnderThePlayersKey() {
        save(new Score("alice", "tetris", 4200, WHEN));

        assertThatItem(scores.best("alice", "tetris"))
                .as("the item with key PK = PLAYER#alice, SK = BEST#tetris after save(alice, tetris, 4200)")
                .exists()
                .hasString("playerId", "alice")
                .hasString("game", "tetris");
    }

    @Graded(points = 2)
    @DisplayName("save stores the score as a Number (N) and the time as an ISO-8601 String (S)")
    void save_keepsNumbersAsNumbersAndTimesAsIsoStrings() {
        save(new Score("alice", "tetris", 4200, WHEN));

        assertThatItem(scores.best("alice", "tetris"))
                .as("the saved item of alice's tetris score")
                .exists()
                .hasNumber("score", 4200)
                .hasTimestamp("achievedAt", WHEN);
    }

    @Graded(points = 2)
    @DisplayName("find reads back a stored score, every field intact")
    void find_readsBackAStoredScore() {
        scores.putBest("alice", "tetris", 4200, WHEN);
        scores.putBest("alice", "pacman", 310, WHEN.minusSeconds(60));

        Optional<Score> found = find("alice", "tetris");

        assertThat(found)
                .as("expected find(alice, tetris) to return a score, but it returned null")
                .isNotNull();
        assertThat(found)
                .as("expected find(alice, tetris) to find the stored item")
                .contains(new Score("alice", "tetris", 4200, WHEN));
    }

    @Graded(points = 1)
    @DisplayName("find reads the one item by its key with GetItem, not with a Query or a Scan")
    void find_usesGetItemOnTheKey(ApiCalls calls) {
        scores.putBest("alice", "tetris", 4200, WHEN);

        find("alice", "tetris");

        assertThat(calls.operations())
                .as(
                        "expected exactly one GetItem (the whole key is known, so no Query or Scan is needed), but your code"
                                + " called: %s",
                        calls.summary())
                .containsExactly("GetItem");
    }

    @Graded(points = 2)
    @DisplayName("find returns Optional.empty() for a score that does not exist: no null, no exception")
    void find_returnsEmptyForAMissingScore() {
        scores.putBest("alice", "pacman", 310, WHEN);

        Optional<Score> found = find("alice", "tetris");

        assertThat(found)
                .as("expected Optional.empty() for a player with no tetris score, but find returned null")
                .isNotNull();
        assertThat(found)
                .as("expected Optional.empty() for a player with no tetris score (GetItem answers with no item,"
                        + " response.hasItem() is false)")
                .isEmpty();
    }

    @Graded(points = 1)
    @DisplayName("a score beyond what a double holds exactly (9007199254740993) survives save and find")
    void saveThenFind_keepsLargeNumbersExact() {
        Score big = new Score("alice", "tetris", 9_007_199_254_740_993L, WHEN);

        save(big);
        Optional<Score> found = find("alice", "tetris");

        assertThat(found)
                .as(
                        "expected the score 9007199254740993 back exactly: DynamoDB sends numbers as decimal strings, so parse"
                                + " them with Long.parseLong, not through a double")
                .contains(big);
    }
}
