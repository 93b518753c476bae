package dev.arcade.grader.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arcade.grader.session.TestOutcome;
import dev.arcade.runner.TestCase;
import dev.arcade.runner.TestStatus;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The HTML report: links to each exercise's lesson and hints, the course's sentence before AssertJ's. */
@DisplayName("The HTML report")
class HtmlReportTest {
    static final String ASSERTJ_MESSAGE = """
            [expected one conditional PutItem, but your code called: GetItem, PutItem]\s
            Expecting actual not to be null (hint: ./workshop hint 1.3)""";

    static ScoreReport report(TestStatus... statuses) {
        TestCase t = new TestCase(
                "module-01-dynamodb", "[t]", "a.T", "t", "a lower score leaves the best untouched", "1.3", 3, true);
        TestOutcome failing = new TestOutcome(t, TestStatus.FAILING, ASSERTJ_MESSAGE, "AssertionError", null, 5);
        List<ExerciseResult> exercises = List.of(
                Scoring.exercise(
                        "1.2",
                        "Save and load a score item",
                        List.of(TestOutcome.withoutException(
                                t, statuses[0], statuses[0] == TestStatus.PASSED ? null : "x"))),
                Scoring.exercise("1.3", "Keep only a player's best score", List.of(failing)));
        return new ScoreReport(
                "Backend: test",
                "test",
                Instant.EPOCH,
                List.of(),
                List.of(new ModuleResult("module-01-dynamodb", "DynamoDB", null, exercises)));
    }

    @Test
    @DisplayName("links every exercise to its lesson section, with GitHub's anchor, and to its hints")
    void lessonAndHintLinks() {
        String html = HtmlReport.render(report(TestStatus.PASSED));
        assertThat(html)
                .contains("href=\"../../module-01-dynamodb/README.md#13-keep-only-a-players-best-score\"")
                .contains("href=\"../../module-01-dynamodb/hints/1.3.md\"")
                .contains("href=\"../../module-01-dynamodb/README.md#12-save-and-load-a-score-item\"");
    }

    @Test
    @DisplayName("shows the course's sentence first and folds AssertJ's lines away")
    void sentenceFirstRestFolded() {
        String html = HtmlReport.render(report(TestStatus.PASSED));
        String sentence = "expected one conditional PutItem, but your code called: GetItem, PutItem"
                + " (hint: ./workshop hint 1.3)";
        assertThat(html).contains("<pre>" + sentence + "</pre><details class=\"more\">");
        assertThat(html.indexOf("Expecting actual not to be null"))
                .as("AssertJ's line comes after the fold")
                .isGreaterThan(html.indexOf("<details class=\"more\">"));
        assertThat(html).as("the summary line").contains("<span class=\"msg\">" + sentence + "</span>");
    }

    @Test
    @DisplayName("Next: points at the exercise started and not finished, before one not started")
    void nextIsTheStartedOne() {
        assertThat(HtmlReport.render(report(TestStatus.NOT_STARTED)))
                .contains("Next: <b>1.3 Keep only a player's best score</b> (started: failing)")
                .doesNotContain("Next: <b>1.2");
    }
}
