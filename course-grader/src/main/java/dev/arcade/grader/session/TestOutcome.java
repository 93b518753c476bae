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
public record TestOutcome(TestCase test, TestStatus status, String message, String exception, String location,
        long durationMs) {

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
        String joined = String.join(" ", message.strip().lines().map(String::strip).filter(l -> !l.isEmpty())
                .limit(6).toList());
        return joined.length() <= 300 ? joined : joined.substring(0, 299) + "…";
    }
}
