package dev.arcade.grader.report;

import dev.arcade.runner.TestStatus;
import java.util.Optional;
import java.util.Set;

/**
 * The exercise a learner should turn to next, for the score board's and the HTML report's "Next:":
 * the first one started and not finished (failing, timed out, crashed, does not compile), else the
 * first one not started. Empty when every gradable exercise passes.
 *
 * @param module the exercise's module
 * @param exercise the exercise
 */
public record NextStep(ModuleResult module, ExerciseResult exercise) {
    private static final Set<TestStatus> UNFINISHED =
            Set.of(TestStatus.FAILING, TestStatus.TIMED_OUT, TestStatus.CRASHED, TestStatus.DOES_NOT_COMPILE);

    /** The next exercise of {@code report}, if one is left. */
    public static Optional<NextStep> of(ScoreReport report) {
        Optional<NextStep> started = first(report, UNFINISHED);
        return started.isPresent() ? started : first(report, Set.of(TestStatus.NOT_STARTED));
    }

    /** Whether the learner has already started this exercise (it is not merely not started). */
    public boolean started() {
        return UNFINISHED.contains(exercise.status());
    }

    private static Optional<NextStep> first(ScoreReport report, Set<TestStatus> wanted) {
        for (ModuleResult m : report.modules()) {
            for (ExerciseResult e : m.exercises()) {
                if (wanted.contains(e.status())) {
                    return Optional.of(new NextStep(m, e));
                }
            }
        }
        return Optional.empty();
    }
}
