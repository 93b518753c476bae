package dev.arcade.grader.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arcade.grader.session.TestOutcome;
import dev.arcade.runner.TestCase;
import dev.arcade.runner.TestStatus;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What {@code ./workshop test} prints for a failed test. */
@DisplayName("./workshop test's output")
class TestCommandOutputTest {
    @Test
    @DisplayName("shows the course's sentence and the hint first, then AssertJ's lines")
    void sentenceFirst() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Console c = new Console(new PrintStream(bytes, true, StandardCharsets.UTF_8), false, 100);
        TestCase t = new TestCase("m", "[t]", "a.T", "t", "a lower score leaves the best untouched", "1.3", 3, true);
        TestCommand.printer(c)
                .finished(new TestOutcome(
                        t,
                        TestStatus.FAILING,
                        "[expected one conditional PutItem, but your code called: GetItem, PutItem] \n"
                                + "Expecting actual not to be null (hint: ./workshop hint 1.3)",
                        "AssertionError",
                        "BestScores.java:29",
                        5));
        assertThat(bytes.toString(StandardCharsets.UTF_8).lines().toList())
                .containsSubsequence(
                        "x 1.3 a lower score leaves the best untouched (3 points)  5 ms",
                        "      expected one conditional PutItem, but your code called: GetItem, PutItem"
                                + " (hint: ./workshop hint 1.3)",
                        "      Expecting actual not to be null",
                        "      at BestScores.java:29");
    }
}
