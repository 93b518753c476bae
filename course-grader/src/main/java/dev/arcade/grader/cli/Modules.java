package dev.arcade.grader.cli;

import dev.arcade.grader.course.CourseLayout;
import dev.arcade.grader.course.CourseModule;
import java.util.List;

/** Turns what a user typed into modules: every module, or the one {@link ExerciseId} finds. */
final class Modules {
    private Modules() {}

    static List<CourseModule> select(CourseLayout layout, String name) {
        if (name == null) {
            return layout.modules();
        }
        return List.of(ExerciseId.module(layout, name));
    }
}
