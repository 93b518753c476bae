package dev.arcade.grader.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A failure message split into the course's sentence and what AssertJ adds. */
@DisplayName("A failure message")
class FailureTextTest {
    @Test
    @DisplayName("puts the test's description first, with the hint pointer, and AssertJ's lines after")
    void description() {
        FailureText t = FailureText.of("[expected a list, but top(...) returned null] \n"
                + "Expecting actual not to be null (hint: ./workshop hint 1.6)");
        assertThat(t.lead()).isEqualTo("expected a list, but top(...) returned null (hint: ./workshop hint 1.6)");
        assertThat(t.details()).isEqualTo("Expecting actual not to be null");
        assertThat(t.oneLine()).isEqualTo(t.lead());
    }

    @Test
    @DisplayName("keeps brackets inside the description")
    void nestedBrackets() {
        FailureText t = FailureText.of("[expected [gus, cy] in that order] \nexpected: [gus, cy]\n but was: [cy]");
        assertThat(t.sentence()).isEqualTo("expected [gus, cy] in that order");
        assertThat(t.details()).isEqualTo("expected: [gus, cy]\n but was: [cy]");
    }

    @Test
    @DisplayName("leaves a message whole when its description is only a label")
    void label() {
        FailureText t = FailureText.of("[4 * 3] \nexpected: 12\n but was: 7 (hint: ./workshop hint 1.3)");
        assertThat(t.lead()).isEqualTo("[4 * 3] \nexpected: 12\n but was: 7 (hint: ./workshop hint 1.3)");
        assertThat(t.details()).isEmpty();
        assertThat(t.oneLine()).isEqualTo("[4 * 3] expected: 12 but was: 7 (hint: ./workshop hint 1.3)");
    }

    @Test
    @DisplayName("leaves a message without a description whole")
    void noDescription() {
        FailureText t = FailureText.of("Table Scores is not ACTIVE; did createTable wait? (hint: ./workshop hint 1.1)");
        assertThat(t.lead()).isEqualTo("Table Scores is not ACTIVE; did createTable wait? (hint: ./workshop hint 1.1)");
        assertThat(t.details()).isEmpty();
    }

    @Test
    @DisplayName("folds what the assertion saw without the stack frames AssertJ quotes")
    void stackFramesLeftOut() {
        FailureText t = FailureText.of("[expected createTable to return the table's description] \n"
                + "Expecting code not to raise a throwable but caught\n"
                + "  \"java.lang.UnsupportedOperationException: TODO 1.1\n"
                + "\tat dev.arcade.dynamodb.ScoreTableDefinition.createTable(ScoreTableDefinition.java:30)\n"
                + "\tat java.base/jdk.internal.reflect.NativeMethodAccessorImpl.invoke0(Native Method)\n"
                + "\t...(63 remaining lines not displayed, this can be changed with"
                + " Assertions.setMaxStackTraceElementsDisplayed)\" (hint: ./workshop hint 1.1)");
        assertThat(t.details())
                .isEqualTo("Expecting code not to raise a throwable but caught\n"
                        + "  \"java.lang.UnsupportedOperationException: TODO 1.1");
        assertThat(t.lead())
                .isEqualTo("expected createTable to return the table's description (hint: ./workshop hint 1.1)");
    }
}
