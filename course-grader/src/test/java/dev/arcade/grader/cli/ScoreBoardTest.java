package dev.arcade.grader.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arcade.grader.report.ExerciseResult;
import dev.arcade.grader.report.ModuleResult;
import dev.arcade.grader.report.ScoreReport;
import dev.arcade.runner.TestStatus;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The score board: its layout at the terminal's width, and what its "Next:" points at. */
@DisplayName("The score board")
class ScoreBoardTest {
    /** 48 characters: fits an 80-column line, did not fit the old 38-character column. */
    static final String LONG_TITLE = "Edit settings from two devices with optimistic l";
    /** 75 characters: fits no 80-column line. */
    static final String TOO_LONG_TITLE =
            "Edit settings from two devices with optimistic locking, and retry on conflict";

    static ExerciseResult exercise(String id, String title, TestStatus status, String message) {
        int earned = status == TestStatus.PASSED ? 5 : 0;
        return new ExerciseResult(id, title, status, earned, 5, 0, message, List.of());
    }

    static ScoreReport report(ExerciseResult... exercises) {
        return new ScoreReport(
                "Backend: test",
                "test",
                Instant.EPOCH,
                List.of(),
                List.of(new ModuleResult(
                        "module-01-dynamodb", "DynamoDB, the score service's data layer", null, List.of(exercises))));
    }

    static String print(ScoreReport r, int columns) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Console c = new Console(new PrintStream(bytes, true, StandardCharsets.UTF_8), false, columns);
        ScoreBoard.print(r, c);
        ScoreBoard.printNext(r, c);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Nested
    @DisplayName("uses the width there is")
    class Width {
        final ScoreReport r = report(
                exercise("1.1", "Create the scores table", TestStatus.PASSED, ""),
                exercise("1.8", LONG_TITLE, TestStatus.FAILING, "[expected 25 items in one batch] Expecting more"),
                exercise("1.9", TOO_LONG_TITLE, TestStatus.NOT_STARTED, ""));

        @Test
        @DisplayName("in 80 columns a 48-character title is shown whole")
        void wholeTitleIn80Columns() {
            assertThat(print(r, 80)).as("the score board in 80 columns").contains("1.8  " + LONG_TITLE + " ");
        }

        @Test
        @DisplayName("a title that would overflow the line is cut with an ellipsis")
        void cutOnlyWhenTheLineWouldOverflow() {
            String out = print(r, 80);
            assertThat(out)
                    .as("the score board in 80 columns")
                    .doesNotContain(TOO_LONG_TITLE)
                    .contains("…");
            assertThat(print(r, 140))
                    .as("the score board in 140 columns")
                    .contains(TOO_LONG_TITLE)
                    .doesNotContain("…");
        }

        @ParameterizedTest(name = "{0} columns")
        @ValueSource(ints = {60, 80, 100, 120})
        @DisplayName("no line of the board is wider than the terminal")
        void noLineOverflows(int columns) {
            // the lesson's address is not cut: it is to be copied whole
            for (String line : print(r, columns)
                    .lines()
                    .filter(l -> !l.contains("lesson: "))
                    .toList()) {
                assertThat(line.length()).as("length of %s", line).isLessThan(columns);
            }
        }

        @Test
        @DisplayName("the points not gradable here go on their own line when the exercise's line is full")
        void notGradableFits() {
            ScoreReport withNotGradable = report(
                    new ExerciseResult("1.8", TOO_LONG_TITLE, TestStatus.PASSED, 5, 5, 3, "", List.of()),
                    exercise("1.9", "Short", TestStatus.NOT_STARTED, ""));
            List<String> lines = print(withNotGradable, 80).lines().toList();
            assertThat(lines).contains("       +3 not gradable here");
            lines.forEach(l -> assertThat(l.length()).as("length of %s", l).isLessThan(80));
            assertThat(print(withNotGradable, 160)).contains("5/5   +3 not gradable here");
        }

        @Test
        @DisplayName("a terminal narrower than the layout's minimum still gets every id, status and points")
        void narrowTerminal() {
            String out = print(r, 30);
            assertThat(out).contains("1.1", "1.8", "1.9", "passed", "failing", "not started", "5/5", "0/5");
        }

        @Test
        @DisplayName("the exercises' points line up under the module's when the titles leave room")
        void pointsAligned() {
            ScoreReport shortTitles = report(
                    exercise("1.1", "Create the scores table", TestStatus.PASSED, ""),
                    exercise("1.2", "Save a score", TestStatus.NOT_STARTED, ""));
            List<String> lines = print(shortTitles, 100).lines().toList();
            String module = lines.stream()
                    .filter(l -> l.startsWith("module-01"))
                    .findFirst()
                    .orElseThrow();
            String first = lines.stream()
                    .filter(l -> l.startsWith("  1.1"))
                    .findFirst()
                    .orElseThrow();
            assertThat(module.indexOf('/'))
                    .as("column of / in%n%s%n%s", module, first)
                    .isEqualTo(first.indexOf('/'));
        }

        @Test
        @DisplayName("the message line starts with the course's sentence, not AssertJ's")
        void messageSentenceFirst() {
            assertThat(print(r, 100)).contains("       expected 25 items in one batch");
        }
    }

    @Nested
    @DisplayName("Next:")
    class Next {
        @Test
        @DisplayName("points at the first exercise started and not finished, not at the next one not started")
        void startedFirst() {
            String out = print(
                    report(
                            exercise("1.1", "One", TestStatus.PASSED, ""),
                            exercise("1.2", "Two", TestStatus.NOT_STARTED, ""),
                            exercise("1.3", "Three", TestStatus.FAILING, "[wrong] no"),
                            exercise("1.4", "Four", TestStatus.TIMED_OUT, "slow")),
                    100);
            assertThat(out).contains("Next: 1.3 Three  (started: failing)").contains("./workshop test 1.3");
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"TIMED_OUT", "CRASHED", "DOES_NOT_COMPILE"})
        @DisplayName("counts a timed out, crashed or uncompilable exercise as started")
        void otherUnfinished(String status) {
            String out = print(
                    report(
                            exercise("1.1", "One", TestStatus.NOT_STARTED, ""),
                            exercise("1.2", "Two", TestStatus.valueOf(status), "why")),
                    100);
            assertThat(out).contains("Next: 1.2 Two");
        }

        @Test
        @DisplayName("then points at the first one not started")
        void thenNotStarted() {
            String out = print(
                    report(
                            exercise("1.1", "One", TestStatus.PASSED, ""),
                            exercise("1.2", "Two", TestStatus.NOT_STARTED, ""),
                            exercise("1.3", "Three", TestStatus.NOT_STARTED, "")),
                    100);
            assertThat(out).contains("Next: 1.2 Two").doesNotContain("started:");
        }

        @Test
        @DisplayName("says so when every exercise passes")
        void allPass() {
            String out = print(
                    report(
                            exercise("1.1", "One", TestStatus.PASSED, ""),
                            exercise("1.2", "Two", TestStatus.PASSED, "")),
                    100);
            assertThat(out).contains("Every exercise passes").doesNotContain("Next:");
        }
    }
}
