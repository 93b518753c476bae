package dev.arcade.runner;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One line of the stream a grading JVM writes for the grader: a JSON object per event.
 *
 * <p>Types: {@code plan} (a test that will run, with its exercise and points), {@code start},
 * {@code end} (with status, message, exception, location, duration), {@code unit-done},
 * {@code done} (the JVM finished normally).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunEvent(
        String type,
        String unit,
        String id,
        String className,
        String methodName,
        String displayName,
        String exercise,
        Integer points,
        Boolean graded,
        TestStatus status,
        String message,
        String exception,
        String location,
        Long durationMs) {

    /** The type of the event that announces a test that will run. */
    public static final String PLAN = "plan";
    /** The type of the event that says a test is starting. */
    public static final String START = "start";
    /** The type of the event that says how a test ended. */
    public static final String END = "end";
    /** The type of the event that says a unit's tests are done. */
    public static final String UNIT_DONE = "unit-done";
    /** The type of the last event of a grading JVM that finished normally. */
    public static final String DONE = "done";

    /** A test that will run, with its exercise and points. */
    public static RunEvent planned(TestCase t) {
        return new RunEvent(
                PLAN,
                t.unit(),
                t.id(),
                t.className(),
                t.methodName(),
                t.displayName(),
                t.exercise(),
                t.points(),
                t.graded(),
                null,
                null,
                null,
                null,
                null);
    }

    /** The test {@code id} of {@code unit} is starting. */
    public static RunEvent started(String unit, String id) {
        return new RunEvent(START, unit, id, null, null, null, null, null, null, null, null, null, null, null);
    }

    /**
     * The test {@code id} of {@code unit} ended.
     *
     * @param message what went wrong, or null when it passed
     * @param exception the exception's class name, or null
     * @param location where in the code under test it was thrown, or null
     * @param durationMs how long it ran, in milliseconds
     */
    public static RunEvent ended(
            String unit,
            String id,
            TestStatus status,
            String message,
            String exception,
            String location,
            long durationMs) {
        return new RunEvent(
                END, unit, id, null, null, null, null, null, null, status, message, exception, location, durationMs);
    }

    /** Every test of {@code unit} has run. */
    public static RunEvent unitDone(String unit) {
        return new RunEvent(UNIT_DONE, unit, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** The grading JVM finished normally. */
    public static RunEvent done() {
        return new RunEvent(DONE, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }
}
