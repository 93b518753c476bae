package dev.arcade.grader.cli;

import dev.arcade.grader.course.CourseLayout;
import dev.arcade.grader.course.CourseModule;
import java.util.List;
import java.util.stream.Collectors;

/** Turns what a user typed into modules. */
final class Modules {
    private Modules() {}

    static List<CourseModule> select(CourseLayout layout, String name) {
        List<CourseModule> all = layout.modules();
        if (name == null) {
            return all;
        }
        return List.of(layout.module(name)
                .orElseThrow(() -> new IllegalArgumentException("There is no module '"
                        + name + "'; the modules are: "
                        + all.stream().map(CourseModule::name).collect(Collectors.joining(", "))
                        + ".")));
    }
}
