package dev.arcade.grader.cli;

import dev.arcade.grader.course.CourseLayout;
import dev.arcade.grader.course.Scaffold;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./workshop new exercise <id>} and {@code ./workshop new module <NN> <name>}: for authors. */
@Command(
        name = "new",
        mixinStandardHelpOptions = true,
        footer = {
            "",
            "Examples:",
            "  ./workshop new exercise 1.10 --title \"Expire old sessions\"",
            "  ./workshop new module 05 demo"
        },
        description = "For course authors: scaffold an exercise (lesson section, skeleton, graded test,"
                + " three hints, reference solution) or a module (its poms, README and reference twin, registered in every pom"
                + " that must list it). Never overwrites; see docs/authors.md.",
        subcommands = {NewCommand.NewExercise.class, NewCommand.NewModule.class})
final class NewCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(System.err);
        return 2;
    }

    static void print(Scaffold.Result r, boolean plain) {
        Console c = new Console(plain);
        c.println(c.green("✔ ") + "Scaffolded " + r.summary());
        r.created().forEach(f -> c.println("  created  " + f));
        r.edited().forEach(f -> c.println("  edited   " + f));
        c.println();
        c.println(c.bold("Next:"));
        for (int i = 0; i < r.next().size(); i++) {
            c.println("  " + (i + 1) + ". " + r.next().get(i));
        }
    }

    /** {@code ./workshop new exercise 1.10 --title "Expire old sessions"}. */
    @Command(
            name = "exercise",
            mixinStandardHelpOptions = true,
            footer = {"", "Examples:", "  ./workshop new exercise 1.10 --title \"Expire old sessions\""},
            description = "Scaffold exercise ID in its module: the lesson section in README.md,"
                    + " the skeleton (TODO ID), the graded test, hints/ID.md and the reference in solutions/. Refuses if the"
                    + " exercise exists or the module does not.")
    static final class NewExercise implements Callable<Integer> {
        @Parameters(paramLabel = "ID", description = "the exercise id, for example 1.10 (module 1, exercise 10)")
        String id;

        @Option(
                names = "--title",
                paramLabel = "TITLE",
                description =
                        "the lesson heading's title, for example" + " \"Expire old sessions\" (default: New exercise)")
        String title;

        @Option(
                names = "--name",
                paramLabel = "CLASS",
                description = "the skeleton's class name (default: from the" + " title, for example ExpireOldSessions)")
        String name;

        @Option(names = "--no-color", description = "plain text (also: NO_COLOR=1)")
        boolean plain;

        @Override
        public Integer call() {
            CourseLayout layout = CourseLayout.find(Path.of(""));
            print(Scaffold.exercise(layout.root(), id, title, name), plain);
            return 0;
        }
    }

    /** {@code ./workshop new module 05 demo}. */
    @Command(
            name = "module",
            mixinStandardHelpOptions = true,
            footer = {"", "Examples:", "  ./workshop new module 05 demo --title \"Demo\""},
            description = "Scaffold module NN: module-NN-NAME with its pom and README, its reference"
                    + " twin solutions/module-NN-NAME, and its line in every pom that must list it. Completes a README-only"
                    + " placeholder of that name; refuses if the module exists.")
    static final class NewModule implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "NN", description = "the module number, for example 05")
        String number;

        @Parameters(index = "1", paramLabel = "NAME", description = "the folder name's last part, for example lambda")
        String slug;

        @Option(names = "--title", paramLabel = "TITLE", description = "the module's title (default: from NAME)")
        String title;

        @Option(names = "--no-color", description = "plain text (also: NO_COLOR=1)")
        boolean plain;

        @Override
        public Integer call() {
            CourseLayout layout = CourseLayout.find(Path.of(""));
            print(Scaffold.module(layout.root(), number, slug, title), plain);
            return 0;
        }
    }
}
