package dev.arcade.dynamodb;

import static dev.arcade.dynamodb.ItemAssert.assertThatItem;
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
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

@AwsTest
@Exercise("1.3")
@DisplayName("1.3 Keep only a player's best score")
class Exercise13BestScoreTest {
    private static final Instant EARLIER = Instant.parse("2026-11-20T18:02:11Z");
    private static final Instant NOW = Instant.parse("2026-11-26T10:15:30.250Z");

    private Learner learner;
    private ScoresFixture scores;
    private BestScores best;

    @BeforeEach
    void freshTable(
            Learner learner, DynamoDbClient kit, @CodeUnderTest DynamoDbClient forLearner, ResourceNames names) {
        this.learner = learner;
        scores = ScoresFixture.create(kit, names);
        best = new BestScores(forLearner, scores.table());
    }

    private boolean submit(Score score) {
        return learner.call("submit(" + score + ")", () -> best.submit(score));
    }

    @Graded(points = 2)
    @DisplayName("a player's first score in a game is stored and reported as a personal best")
    void submit_storesTheFirstScoreAsAPersonalBest() {
        boolean personalBest = submit(new Score("alice", "tetris", 4200, NOW));

        assertThatItem(scores.best("alice", "tetris"))
                .as("the best-score item after alice's first tetris score (a missing item must pass the condition:"
                        + " attribute_not_exists(PK))")
                .exists()
                .hasNumber("score", 4200)
                .hasString("playerId", "alice")
                .hasString("game", "tetris")
                .hasTimestamp("achievedAt", NOW);
        assertThat(personalBest)
                .as("expected submit to return true for a first score")
                .isTrue();
    }

    @Graded(points = 2)
    @DisplayName("a higher score replaces the best and is reported as a personal best")
    void submit_replacesTheBestWhenTheNewScoreIsHigher() {
        scores.putBest("alice", "tetris", 4200, EARLIER);

        boolean personalBest = submit(new Score("alice", "tetris", 5000, NOW));

        assertThatItem(scores.best("alice", "tetris"))
                .as("the best-score item after 5000 beat 4200")
                .hasNumber("score", 5000)
                .hasTimestamp("achievedAt", NOW);
        assertThat(personalBest)
                .as("expected submit to return true when 5000 beats 4200")
                .isTrue();
    }

    @Graded(points = 2)
    @DisplayName("a lower score leaves the best untouched and is not a personal best (no exception)")
    void submit_keepsTheBestWhenTheNewScoreIsLower() {
        scores.putBest("alice", "tetris", 4200, EARLIER);

        boolean personalBest = submit(new Score("alice", "tetris", 3000, NOW));

        assertThatItem(scores.best("alice", "tetris"))
                .as("the best-score item after a lower score of 3000 (the write must be conditional on score < :new)")
                .hasNumber("score", 4200)
                .hasTimestamp("achievedAt", EARLIER);
        assertThat(personalBest)
                .as("expected submit to return false when 3000 does not beat 4200")
                .isFalse();
    }

    @Graded(points = 1)
    @DisplayName("an equal score is not a new best: whoever reached it first keeps the date")
    void submit_keepsTheFirstHolderOfAnEqualScore() {
        scores.putBest("alice", "tetris", 4200, EARLIER);

        boolean personalBest = submit(new Score("alice", "tetris", 4200, NOW));

        assertThatItem(scores.best("alice", "tetris"))
                .as(
                        "the best-score item after the same 4200 again: an equal score must not replace the best (the write is"
                                + " conditional on score < :new; with no condition, or with score <= :new, it replaces it)")
                .hasTimestamp("achievedAt", EARLIER);
        assertThat(personalBest)
                .as("expected submit to return false for an equal score")
                .isFalse();
    }

    @Graded(points = 2)
    @DisplayName("each submit is one conditional write, with no read before it")
    void submit_usesOneConditionalWriteAndNoRead(ApiCalls calls) {
        scores.putBest("alice", "tetris", 4200, EARLIER);

        submit(new Score("alice", "tetris", 5000, NOW));
        submit(new Score("alice", "tetris", 3000, NOW));

        List<ApiCall> writes = calls.all().stream()
                .filter(c -> c.operation().equals("PutItem") || c.operation().equals("UpdateItem"))
                .toList();
        assertThat(calls.all())
                .as(
                        "expected one conditional PutItem (or UpdateItem) per submit and no GetItem, Query or Scan: a read"
                                + " followed by a write lets two devices both win; but for two submits your code called: %s",
                        calls.summary())
                .hasSize(2)
                .containsExactlyElementsOf(writes);
        assertThat(writes)
                .as(
                        "expected every write to carry a ConditionExpression (for example attribute_not_exists(PK) OR score < :new)"
                                + ", but at least one had none")
                .allSatisfy(c -> assertThat(condition(c)).isNotBlank());
    }

    private static String condition(ApiCall call) {
        if (call.request() instanceof PutItemRequest put) {
            return put.conditionExpression();
        }
        return call.request(UpdateItemRequest.class).conditionExpression();
    }

    @Graded(points = 1)
    @DisplayName("a best score in one game does not block a first score in another game")
    void submit_treatsEachGameSeparately() {
        scores.putBest("alice", "tetris", 9000, EARLIER);

        boolean personalBest = submit(new Score("alice", "pacman", 120, NOW));

        assertThatItem(scores.best("alice", "pacman"))
                .as("the pacman item of alice, who has 9000 in tetris: the sort key is BEST#<game>")
                .exists()
                .hasNumber("score", 120);
        assertThat(personalBest)
                .as("expected a first pacman score to be a personal best")
                .isTrue();
        assertThatItem(scores.best("alice", "tetris")).as("alice's tetris best").hasNumber("score", 9000);
    }

    @Graded(points = 1)
    @DisplayName("only a failed condition means 'not a best': other errors, such as a missing table, are thrown")
    void submit_letsOtherErrorsThrough(@CodeUnderTest DynamoDbClient forLearner, ResourceNames names) {
        BestScores nowhere = new BestScores(forLearner, names.unique("NoSuchTable"));

        learner.expectThrows(
                ResourceNotFoundException.class,
                "expected submit to throw ResourceNotFoundException for a table that does not exist: catch"
                        + " ConditionalCheckFailedException only, not every DynamoDbException",
                () -> nowhere.submit(new Score("alice", "tetris", 4200, NOW)));
    }
}
