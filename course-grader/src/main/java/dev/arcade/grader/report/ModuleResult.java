package dev.arcade.grader.report;

import java.util.List;

/**
 * One module on the score board.
 *
 * @param name the folder name, for example {@code module-01-dynamodb}
 * @param title the lesson's title
 * @param compileError the first compiler message when the module does not compile, else null
 * @param exercises its exercises, in order
 */
public record ModuleResult(String name, String title, String compileError, List<ExerciseResult> exercises) {

    /** Points earned. */
    public int earned() {
        return exercises.stream().mapToInt(ExerciseResult::earned).sum();
    }

    /** Points possible on this backend. */
    public int possible() {
        return exercises.stream().mapToInt(ExerciseResult::possible).sum();
    }
}
