package dev.arcade.grader.report;

import dev.arcade.grader.course.CourseModule;
import dev.arcade.grader.session.TestOutcome;
import dev.arcade.runner.TestCase;
import dev.arcade.runner.TestStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns test outcomes into exercise and module results, by the rules of the score board. */
public final class Scoring {
    private Scoring() {}

    /**
     * The results of one module.
     *
     * @param catalog every test of the module (from discovery), which fixes the exercises and points
     * @param outcomes what happened, by {@link TestCase#key()}; ignored when {@code compileError} is set
     * @param titles exercise titles from the lesson
     */
    public static ModuleResult module(
            CourseModule module,
            List<TestCase> catalog,
            Map<String, TestOutcome> outcomes,
            Map<String, String> titles,
            String compileError) {
        Map<String, List<TestCase>> byExercise = byExercise(catalog, titles);
        byExercise.values().removeIf(List::isEmpty);
        List<ExerciseResult> exercises = new ArrayList<>();
        for (Map.Entry<String, List<TestCase>> e : byExercise.entrySet()) {
            List<TestOutcome> tests = new ArrayList<>();
            for (TestCase t : e.getValue()) {
                TestOutcome o = compileError != null
                        ? TestOutcome.withoutException(t, TestStatus.DOES_NOT_COMPILE, compileError)
                        : outcomes.getOrDefault(
                                t.key(), TestOutcome.withoutException(t, TestStatus.CRASHED, "this test did not run"));
                tests.add(o);
            }
            exercises.add(exercise(e.getKey(), titles.getOrDefault(e.getKey(), "Exercise " + e.getKey()), tests));
        }
        return new ModuleResult(module.name(), module.title(), compileError, exercises);
    }

    /**
     * The graded tests of a module by exercise: the lesson's exercises first, in the lesson's order
     * (with no tests when none is graded for it), then any other exercise the tests name, in catalog
     * order. Tests that are not graded belong to no exercise here. The score board and
     * {@link Verification} both read exercises this way.
     *
     * @param catalog every test of the module
     * @param titles exercise titles from the lesson, in the lesson's order
     */
    static Map<String, List<TestCase>> byExercise(List<TestCase> catalog, Map<String, String> titles) {
        Map<String, List<TestCase>> byExercise = new LinkedHashMap<>();
        for (String id : titles.keySet()) {
            byExercise.put(id, new ArrayList<>());
        }
        for (TestCase t : catalog) {
            if (t.graded()) {
                byExercise.computeIfAbsent(t.exercise(), k -> new ArrayList<>()).add(t);
            }
        }
        return byExercise;
    }

    /** One exercise's status, points and first problem, from its graded tests' outcomes. */
    public static ExerciseResult exercise(String id, String title, List<TestOutcome> tests) {
        int earned = 0;
        int possible = 0;
        int notGradable = 0;
        List<TestOutcome> gradable = new ArrayList<>();
        for (TestOutcome o : tests) {
            if (o.status() == TestStatus.NOT_GRADABLE) {
                notGradable += o.test().points();
            } else {
                gradable.add(o);
                possible += o.test().points();
                if (o.status() == TestStatus.PASSED) {
                    earned += o.test().points();
                }
            }
        }
        TestStatus status;
        if (gradable.isEmpty()) {
            status = TestStatus.NOT_GRADABLE;
        } else if (gradable.stream().anyMatch(o -> o.status() == TestStatus.DOES_NOT_COMPILE)) {
            status = TestStatus.DOES_NOT_COMPILE;
        } else if (gradable.stream().allMatch(o -> o.status() == TestStatus.PASSED)) {
            status = TestStatus.PASSED;
        } else if (gradable.stream().allMatch(o -> o.status() == TestStatus.NOT_STARTED)) {
            status = TestStatus.NOT_STARTED;
        } else if (gradable.stream().anyMatch(o -> o.status() == TestStatus.CRASHED)) {
            status = TestStatus.CRASHED;
        } else if (gradable.stream().anyMatch(o -> o.status() == TestStatus.TIMED_OUT)) {
            status = TestStatus.TIMED_OUT;
        } else {
            status = TestStatus.FAILING;
        }
        String message = "";
        if (status == TestStatus.NOT_GRADABLE) {
            message = tests.get(0).headline();
        } else if (status != TestStatus.PASSED) {
            TestStatus wanted = status == TestStatus.FAILING ? null : status;
            for (TestOutcome o : gradable) {
                if (o.status() != TestStatus.PASSED
                        && (wanted == null ? o.status() != TestStatus.NOT_STARTED : o.status() == wanted)) {
                    message = o.headline();
                    break;
                }
            }
            if (message.isEmpty()) {
                message = gradable.stream()
                        .filter(o -> o.status() != TestStatus.PASSED)
                        .findFirst()
                        .map(TestOutcome::headline)
                        .orElse("");
            }
        }
        return new ExerciseResult(id, title, status, earned, possible, notGradable, message, tests);
    }
}
