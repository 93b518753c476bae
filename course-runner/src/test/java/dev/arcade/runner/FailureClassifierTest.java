package dev.arcade.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.opentest4j.AssertionFailedError;

/** How a failed test's exception becomes a status and a message, without a stack trace. */
@DisplayName("Classifying a failed test")
class FailureClassifierTest {
    static final TestCase TEST_1_3 =
            new TestCase("module-01-mini", "[test:1]", "mini.CalcTest", "multiplies", "multiplies", "1.3", 3, true);

    static Stream<Arguments> verdicts() {
        return Stream.of(
                arguments(
                        "its own exercise's TODO",
                        new UnsupportedOperationException("TODO 1.3: multiply"),
                        TestStatus.NOT_STARTED,
                        "TODO 1.3: multiply"),
                arguments(
                        "its own exercise's TODO, padded",
                        new UnsupportedOperationException("  TODO 1.3 multiply\n"),
                        TestStatus.NOT_STARTED,
                        "TODO 1.3 multiply"),
                arguments(
                        "another exercise's TODO",
                        new UnsupportedOperationException("TODO 1.2: subtract"),
                        TestStatus.FAILING,
                        "reached the unfinished exercise 1.2: TODO 1.2: subtract"),
                arguments(
                        "a TODO of exercise 1.30, not 1.3",
                        new UnsupportedOperationException("TODO 1.30: later"),
                        TestStatus.FAILING,
                        "reached the unfinished exercise 1.30: TODO 1.30: later"),
                arguments(
                        "an UnsupportedOperationException that is no TODO",
                        new UnsupportedOperationException("not here"),
                        TestStatus.FAILING,
                        "your code threw UnsupportedOperationException: not here"),
                arguments(
                        "a TODO that is not at the start",
                        new UnsupportedOperationException("see TODO 1.3"),
                        TestStatus.FAILING,
                        "your code threw UnsupportedOperationException: see TODO 1.3"),
                arguments(
                        "an assertion",
                        new AssertionError("[4 * 3] expected: 12 but was: 7"),
                        TestStatus.FAILING,
                        "[4 * 3] expected: 12 but was: 7"),
                arguments(
                        "an opentest4j assertion",
                        new AssertionFailedError("expected: <1> but was: <2>"),
                        TestStatus.FAILING,
                        "expected: <1> but was: <2>"),
                arguments(
                        "an assertion without a message",
                        new AssertionError(),
                        TestStatus.FAILING,
                        "an assertion failed"),
                arguments(
                        "another exception",
                        new IllegalStateException("boom"),
                        TestStatus.FAILING,
                        "your code threw IllegalStateException: boom"),
                arguments(
                        "another exception without a message",
                        new NullPointerException(),
                        TestStatus.FAILING,
                        "your code threw NullPointerException"),
                arguments(
                        "a timeout",
                        new TimeoutException("multiplies() timed out after 10 seconds"),
                        TestStatus.TIMED_OUT,
                        "did not finish in time (multiplies() timed out after 10 seconds): an"
                                + " endless loop, or a wait that never ends?"));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("verdicts")
    void verdict(String what, Throwable thrown, TestStatus status, String message) {
        FailureClassifier.Verdict v = FailureClassifier.classify(thrown, TEST_1_3, null);
        assertThat(v.status()).isEqualTo(status);
        assertThat(v.message()).isEqualTo(message);
        assertThat(v.exception()).isEqualTo(thrown.getClass().getName());
        assertThat(v.location()).isNull();
    }

    @Test
    @DisplayName("another exception names the line of the code under test that threw it")
    void location(@TempDir Path main) throws IOException {
        Files.createDirectories(main.resolve("mini"));
        Files.createFile(main.resolve("mini/Calc.class"));
        IllegalStateException thrown = new IllegalStateException("boom");
        thrown.setStackTrace(new StackTraceElement[] {
            new StackTraceElement("java.util.Objects", "requireNonNull", "Objects.java", 233),
            new StackTraceElement("mini.Calc$Inner", "add", "Calc.java", 42),
            new StackTraceElement("mini.CalcTest", "adds", "CalcTest.java", 7)
        });
        FailureClassifier.Verdict v =
                FailureClassifier.classify(new RuntimeException("wrapped", thrown), TEST_1_3, main);
        assertThat(v.location()).isEqualTo("Calc.java:42");
        assertThat(v.message()).isEqualTo("your code threw RuntimeException at Calc.java:42: wrapped");
    }

    static final String POINTER = " (hint: ./workshop hint 1.3)";

    @ParameterizedTest(name = "{0} characters, pointer {1}: {2} characters kept, pointer kept {3}")
    @CsvSource({
        // length of the message before any pointer, with a pointer, expected length, pointer at the end
        "100,   false, 100,  false",
        "100,   true,  128,  true",
        "4000,  false, 4000, false",
        "3972,  true,  4000, true",
        "4001,  false, 4002, false",
        "3973,  true,  4002, true",
        "10000, false, 4002, false",
        "10000, true,  4002, true"
    })
    void trimming(int length, boolean pointer, int expectedLength, boolean pointerKept) {
        String message = "x".repeat(length) + (pointer ? POINTER : "");
        String trimmed = FailureClassifier.trim(message);
        assertThat(trimmed).hasSize(expectedLength);
        assertThat(trimmed.endsWith(POINTER)).isEqualTo(pointerKept);
        if (expectedLength > FailureClassifier.MAX_MESSAGE_CHARS) {
            assertThat(trimmed)
                    .contains(FailureClassifier.CUT_MARK + (pointer ? POINTER : ""))
                    .startsWith("xxx");
        } else {
            assertThat(trimmed).isEqualTo(message);
        }
    }

    @Test
    @DisplayName("a long assertion keeps its hint pointer, and so does a long exception message")
    void longMessagesKeepTheirPointer() {
        String longText = "expected the leaderboard ".repeat(400) + "in order" + POINTER;
        FailureClassifier.Verdict assertion = FailureClassifier.classify(new AssertionError(longText), TEST_1_3, null);
        assertThat(assertion.message())
                .startsWith("expected the leaderboard")
                .endsWith(" …" + POINTER)
                .hasSize(FailureClassifier.MAX_MESSAGE_CHARS + FailureClassifier.CUT_MARK.length());
        FailureClassifier.Verdict other =
                FailureClassifier.classify(new IllegalArgumentException(longText), TEST_1_3, null);
        assertThat(other.message())
                .startsWith("your code threw IllegalArgumentException: expected")
                .endsWith(" …" + POINTER);
    }

    @Test
    @DisplayName("a pointer in the middle of a long message is no trailing pointer")
    void pointerInTheMiddle() {
        String message = "[the best score" + POINTER + "] " + "y".repeat(5000);
        assertThat(FailureClassifier.trim(message))
                .startsWith("[the best score" + POINTER)
                .endsWith("y …");
    }
}
