package dev.arcade.grader.session;

import dev.arcade.runner.TestCase;
import dev.arcade.runner.TestStatus;

/**
 * How one test ended.
 *
 * @param test the test
 * @param status its status
 * @param message what went wrong, in the test's own words (null when it passed)
 * @param exception the exception's class name, if one was thrown
 * @param location where in the learner's code it was thrown, for example {@code ScoreRepository.java:42}
 * @param durationMs how long it ran
 */
public record TestOutcome(
        TestCase test, TestStatus status, String message, String exception, String location, long durationMs) {

    /** How many of the message's (non-blank) lines the headline joins. */
    public static final int HEADLINE_LINES = 6;

    /** The longest headline, in characters; a longer one is cut and ends with an ellipsis. */
    public static final int HEADLINE_CHARS = 300;

    /** An outcome the grader decides itself (a crash, a test not run), with no exception or location. */
    public static TestOutcome withoutException(TestCase test, TestStatus status, String message) {
        return new TestOutcome(test, status, message, null, null, 0);
    }

    /**
     * The message on one line, for one-line displays: its first lines joined, since an assertion's
     * first line alone ("[4 * 3]") often says too little.
     */
    public String headline() {
        if (message == null || message.isBlank()) {
            return "";
        }
        String joined = String.join(
                " ",
                message.strip()
                        .lines()
                        .map(String::strip)
                        .filter(l -> !l.isEmpty())
                        .limit(HEADLINE_LINES)
                        .toList());
        return joined.length() <= HEADLINE_CHARS ? joined : joined.substring(0, HEADLINE_CHARS - 1) + "…";
    }
}
