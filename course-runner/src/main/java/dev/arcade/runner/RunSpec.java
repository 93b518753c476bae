package dev.arcade.runner;

import java.util.List;

/**
 * What one grading JVM is asked to run, written by the grader as JSON.
 *
 * @param events the file to append events to
 * @param backend the running backend, as {@link dev.arcade.kit.backend.InheritedBackend#encode} writes it
 * @param units the compiled modules, in order
 * @param skip keys ({@link TestCase#key()}) of tests already done by an earlier JVM
 * @param exercise only the tests of this exercise, or null for all
 * @param haltOnTimeout end the JVM after a timed-out test, so its runaway thread stops (the grader goes on in a new one)
 */
public record RunSpec(
        String events, String backend, List<Unit> units, List<String> skip, String exercise, boolean haltOnTimeout) {

    /**
     * One compiled module.
     *
     * @param name the unit's name, for example {@code module-01-dynamodb} or {@code module-01-dynamodb@reference}
     * @param mainClasses the compiled code under test
     * @param testClasses the compiled tests
     */
    public record Unit(String name, String mainClasses, String testClasses) {}
}
