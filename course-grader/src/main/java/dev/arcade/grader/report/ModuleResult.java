package dev.arcade.grader.report;

import dev.arcade.grader.session.CompileDiagnostic;
import java.util.List;

/**
 * One module on the score board.
 *
 * @param name the folder name, for example {@code module-01-dynamodb}
 * @param title the lesson's title
 * @param compileError the first compiler message when the module does not compile, else null
 * @param exercises its exercises, in order
 * @param compileNote when the module does not compile, why its errors could not be kept to the exercises they
 *     are in, or null
 * @param compileDiagnostics every compiler error when the module does not compile, else empty
 */
public record ModuleResult(
        String name,
        String title,
        String compileError,
        List<ExerciseResult> exercises,
        String compileNote,
        List<CompileDiagnostic> compileDiagnostics) {

    /** A module that compiles, or whose compile error came without diagnostics. */
    public ModuleResult(String name, String title, String compileError, List<ExerciseResult> exercises) {
        this(name, title, compileError, exercises, null, List.of());
    }

    /** Points earned. */
    public int earned() {
        return exercises.stream().mapToInt(ExerciseResult::earned).sum();
    }

    /** Points possible on this backend. */
    public int possible() {
        return exercises.stream().mapToInt(ExerciseResult::possible).sum();
    }
}
