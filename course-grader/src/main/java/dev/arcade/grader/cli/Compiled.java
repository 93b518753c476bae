package dev.arcade.grader.cli;

import dev.arcade.grader.course.CourseModule;
import dev.arcade.grader.session.CompileDiagnostic;
import dev.arcade.grader.session.LearnerBuild;
import dev.arcade.runner.RunSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A module compiled in one variant: the learner's code, the untouched skeleton, or the reference.
 *
 * @param module the module
 * @param unit the unit name used in runs, for example {@code module-01-dynamodb} or {@code module-01-dynamodb@reference}
 * @param main the compiled code under test
 * @param tests the compiled tests
 * @param error the first compiler message when the module cannot be graded at all, else null
 * @param note why the module's compile errors could not be kept to their exercises, or null
 * @param diagnostics every compiler error when {@code error} is set
 * @param broken the learner's exercises that do not compile while the rest of the module does, by id
 */
record Compiled(
        CourseModule module,
        String unit,
        Path main,
        Path tests,
        String error,
        String note,
        List<CompileDiagnostic> diagnostics,
        Map<String, LearnerBuild.Broken> broken) {

    /** A compile without isolation: the module compiles, or it does not. */
    Compiled(CourseModule module, String unit, Path main, Path tests, String error) {
        this(module, unit, main, tests, error, null, List.of(), Map.of());
    }

    boolean ok() {
        return error == null;
    }

    RunSpec.Unit toUnit() {
        return new RunSpec.Unit(unit, main.toString(), tests.toString());
    }
}
