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

    static RunEvent simple(String type, String unit) {
        return new RunEvent(type, unit, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    static RunEvent start(String unit, String id) {
        return new RunEvent("start", unit, id, null, null, null, null, null, null, null, null, null, null, null);
    }
}
