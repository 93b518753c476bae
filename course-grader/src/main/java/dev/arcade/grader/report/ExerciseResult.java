package dev.arcade.grader.report;

import dev.arcade.grader.session.CompileDiagnostic;
import dev.arcade.grader.session.TestOutcome;
import dev.arcade.runner.TestStatus;
import java.util.List;

/**
 * One exercise on the score board.
 *
 * @param id the exercise id, for example {@code 1.3}
 * @param title its title, from the lesson
 * @param status how it stands
 * @param earned points of its passed graded tests
 * @param possible points of its graded tests that this backend can grade
 * @param notGradable points of graded tests this backend cannot grade
 * @param message the first problem, on one line (empty when passed)
 * @param tests every graded test's outcome
 * @param diagnostics when this exercise alone does not compile (the rest of its module does), the compiler's
 *     errors in its files; else empty
 */
public record ExerciseResult(
        String id,
        String title,
        TestStatus status,
        int earned,
        int possible,
        int notGradable,
        String message,
        List<TestOutcome> tests,
        List<CompileDiagnostic> diagnostics) {

    /** An exercise without compile errors of its own. */
    public ExerciseResult(
            String id,
            String title,
            TestStatus status,
            int earned,
            int possible,
            int notGradable,
            String message,
            List<TestOutcome> tests) {
        this(id, title, status, earned, possible, notGradable, message, tests, List.of());
    }
}
