package dev.arcade.grader.report;

import dev.arcade.grader.course.CourseModule;
import dev.arcade.grader.session.CompileDiagnostic;
import dev.arcade.grader.session.LearnerBuild;
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
        return module(module, catalog, outcomes, titles, compileError, null, List.of(), Map.of());
    }

    /**
     * The results of one module, some of whose exercises may not compile while the rest does.
     *
     * @param compileNote why the module's errors could not be kept to their exercises, or null
     * @param compileDiagnostics every compiler error when {@code compileError} is set
     * @param broken the exercises that do not compile on their own: their tests are {@code does_not_compile},
     *     whatever their outcomes
     */
    public static ModuleResult module(
            CourseModule module,
            List<TestCase> catalog,
            Map<String, TestOutcome> outcomes,
            Map<String, String> titles,
            String compileError,
            String compileNote,
            List<CompileDiagnostic> compileDiagnostics,
            Map<String, LearnerBuild.Broken> broken) {
        Map<String, List<TestCase>> byExercise = byExercise(catalog, titles);
        byExercise.values().removeIf(List::isEmpty);
        List<ExerciseResult> exercises = new ArrayList<>();
        for (Map.Entry<String, List<TestCase>> e : byExercise.entrySet()) {
            List<TestOutcome> tests = new ArrayList<>();
            LearnerBuild.Broken own = broken.get(e.getKey());
            String ownError = own == null ? null : brokenMessage(e.getKey(), own);
            for (TestCase t : e.getValue()) {
                TestOutcome o = compileError != null
                        ? TestOutcome.withoutException(t, TestStatus.DOES_NOT_COMPILE, compileError)
                        : own != null
                                ? TestOutcome.withoutException(t, TestStatus.DOES_NOT_COMPILE, ownError)
                                : outcomes.getOrDefault(
                                        t.key(),
                                        TestOutcome.withoutException(t, TestStatus.CRASHED, "this test did not run"));
                tests.add(o);
            }
            ExerciseResult r = exercise(e.getKey(), titles.getOrDefault(e.getKey(), "Exercise " + e.getKey()), tests);
            if (own != null) {
                r = new ExerciseResult(
                        r.id(),
                        r.title(),
                        r.status(),
                        r.earned(),
                        r.possible(),
                        r.notGradable(),
                        r.message(),
                        r.tests(),
                        own.diagnostics());
            }
            exercises.add(r);
        }
        return new ModuleResult(
                module.name(), module.title(), compileError, exercises, compileNote, List.copyOf(compileDiagnostics));
    }

    /**
     * The one line an exercise that does not compile gets on the score board: its first error, how many
     * there are and where to see them all.
     */
    static String brokenMessage(String exercise, LearnerBuild.Broken broken) {
        List<CompileDiagnostic> ds = broken.diagnostics();
        String first = ds.isEmpty() ? broken.reason() : ds.get(0).headline();
        String prefix = broken.reason().equals(LearnerBuild.CODE_DOES_NOT_COMPILE) ? "" : broken.reason() + ": ";
        return prefix + first + " (" + CompileDiagnostic.count(ds) + "; ./workshop test " + exercise + " shows them)";
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
