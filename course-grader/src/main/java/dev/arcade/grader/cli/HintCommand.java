package dev.arcade.grader.cli;

import dev.arcade.grader.course.CourseLayout;
import dev.arcade.grader.course.CourseModule;
import dev.arcade.grader.course.HintProgress;
import dev.arcade.grader.course.Hints;
import dev.arcade.grader.course.Lesson;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./workshop hint <exercise> [level]}: the next hint, level by level. */
@Command(
        name = "hint",
        mixinStandardHelpOptions = true,
        footer = {
            "",
            "Examples:",
            "  ./workshop hint 1.3         the next hint for 1.3",
            "  ./workshop hint 1.3 2       its second hint",
            "  ./workshop hint 1.3 --reset from the first hint again"
        },
        description = "Show the next hint for an exercise (a nudge, then the concept, then nearly the"
                + " solution), or the level you ask for.")
final class HintCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "EXERCISE", description = "the exercise id, for example 1.3")
    String exercise;

    @Parameters(index = "1", arity = "0..1", paramLabel = "LEVEL", description = "1, 2 or 3; without it, the next one")
    Integer level;

    @Option(names = "--reset", description = "start this exercise's hints from the first again")
    boolean reset;

    @Option(names = "--no-color", description = "plain text (also: NO_COLOR=1)")
    boolean plain;

    @Override
    public Integer call() throws IOException {
        Console c = new Console(plain);
        CourseLayout layout = CourseLayout.find(Path.of(""));
        ExerciseId.Target named = ExerciseId.exercise(layout, exercise);
        exercise = named.exercise();
        CourseModule module = named.module();
        List<Hints.Hint> hints = Hints.read(module.hints(exercise));
        if (hints.isEmpty()) {
            throw new IllegalArgumentException("Exercise " + exercise + " has no hints ("
                    + layout.root().relativize(module.hints(exercise)) + " is missing).");
        }
        HintProgress progress = HintProgress.of(layout);
        int shown = reset ? 0 : progress.seen(exercise);
        int n = level != null ? level : Math.min(shown + 1, hints.size());
        if (n < 1 || n > hints.size()) {
            throw new IllegalArgumentException("Exercise " + exercise + " has hints 1 to " + hints.size() + ".");
        }
        progress.record(exercise, Math.max(n, reset ? n : shown));

        String title = Lesson.exerciseTitles(module.lesson()).getOrDefault(exercise, "");
        Hints.Hint h = hints.get(n - 1);
        c.println(c.bold("Hint " + n + " of " + hints.size() + " for " + exercise + " " + title)
                + c.dim("  (" + h.heading() + ")"));
        c.println();
        h.text().lines().forEach(l -> c.println("  " + l));
        c.println();
        if (n < hints.size()) {
            c.println(c.dim("More: ./workshop hint " + exercise + "   (hint " + (n + 1) + " of " + hints.size() + ")"));
        } else {
            c.println(c.dim("That was the last hint. The lesson: " + module.name() + "/README.md#"
                    + Lesson.anchor(exercise, title) + "   Check your work: ./workshop test " + exercise));
        }
        return 0;
    }
}
