package dev.arcade.grader.cli;

import dev.arcade.grader.course.CourseModule;
import dev.arcade.runner.RunSpec;
import java.nio.file.Path;

/**
 * A module compiled in one variant: the learner's code, the untouched skeleton, or the reference.
 *
 * @param module the module
 * @param unit the unit name used in runs, for example {@code module-01-dynamodb} or {@code module-01-dynamodb@reference}
 * @param main the compiled code under test
 * @param tests the compiled tests
 * @param error the first compiler message when it failed, else null
 */
record Compiled(CourseModule module, String unit, Path main, Path tests, String error) {
    boolean ok() {
        return error == null;
    }

    RunSpec.Unit toUnit() {
        return new RunSpec.Unit(unit, main.toString(), tests.toString());
    }
}
