package dev.arcade.grader.cli;

import dev.arcade.grader.course.CourseLayout;
import dev.arcade.grader.course.CourseModule;
import dev.arcade.grader.report.ExerciseResult;
import dev.arcade.grader.report.FailureText;
import dev.arcade.grader.report.ModuleResult;
import dev.arcade.grader.report.ScoreReport;
import dev.arcade.grader.session.CompileDiagnostic;
import dev.arcade.grader.session.LearnerBuild;
import dev.arcade.grader.session.TestOutcome;
import dev.arcade.grader.session.TestSession;
import dev.arcade.runner.TestStatus;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./workshop test <exercise|module>}: just those tests, with everything they say. */
@Command(
        name = "test",
        mixinStandardHelpOptions = true,
        footer = {
            "",
            "Examples:",
            "  ./workshop test 1.3         exercise 1.3's tests, with full messages",
            "  ./workshop test 01          every test of module 01"
        },
        description = "Run one exercise's tests (1.3) or one module's (01), with full messages and"
                + " whatever your code prints.")
final class TestCommand implements Callable<Integer> {
    /** How many lines of a test's message are shown; the report has all of them. */
    static final int MESSAGE_LINES = 30;

    @Parameters(paramLabel = "EXERCISE|MODULE", description = "an exercise id such as 1.3, or a module such as 01")
    String target;

    @Option(names = "--no-color", description = "plain text, no colours (also: NO_COLOR=1)")
    boolean plain;

    @Override
    public Integer call() {
        Console c = new Console(plain);
        CourseLayout layout = CourseLayout.find(Path.of(""));
        ExerciseId.Target named = ExerciseId.exerciseOrModule(layout, target);
        String exercise = named.exercise();
        CourseModule module = named.module();
        var backend = BackendStarter.startInBackground(c);
        Grader grader = new Grader(layout);
        ScoreReport report =
                grader.grade(List.of(module), exercise, backend, true, printer(c), s -> c.progress("  " + s + "…"));
        c.clearProgress();
        ModuleResult m = report.modules().get(0);
        if (m.compileError() != null) {
            if (m.compileDiagnostics().isEmpty()) {
                c.println(c.red("✘ " + m.name() + " does not compile: ") + m.compileError());
            } else {
                c.println(c.red("✘ " + m.name() + " does not compile ("
                        + CompileDiagnostic.count(m.compileDiagnostics()) + "):"));
                printDiagnostics(m.compileDiagnostics(), c);
            }
            if (m.compileNote() != null) {
                c.println(c.yellow(m.compileNote()));
            }
            return 1;
        }
        if (exercise != null && m.exercises().isEmpty()) {
            throw new IllegalArgumentException("Exercise " + exercise + " has no graded tests in " + m.name() + ".");
        }
        c.println();
        if (report.nothingToGrade().isPresent()) {
            c.println(c.yellow(report.nothingToGrade().get()));
        }
        for (ExerciseResult e : m.exercises()) {
            if (!e.diagnostics().isEmpty()) {
                String why = e.message().startsWith(LearnerBuild.TESTS_DO_NOT_COMPILE)
                        ? LearnerBuild.TESTS_DO_NOT_COMPILE
                        : LearnerBuild.CODE_DOES_NOT_COMPILE;
                c.println(c.red("✘ " + e.id() + " " + e.title() + ": " + why + " ("
                        + CompileDiagnostic.count(e.diagnostics()) + "):"));
                printDiagnostics(e.diagnostics(), c);
                c.println();
            }
        }
        boolean allPassed = true;
        for (ExerciseResult e : m.exercises()) {
            allPassed &= e.status() == TestStatus.PASSED;
            c.println(ScoreBoard.paint(
                            e.status(),
                            ScoreBoard.icon(e.status(), c) + " " + e.id() + " " + e.title() + ": "
                                    + e.status().label(),
                            c)
                    + String.format("  %d/%d points", e.earned(), e.possible())
                    + (e.status() == TestStatus.PASSED ? "" : c.dim("   hint: ./workshop hint " + e.id())));
        }
        return allPassed ? 0 : 1;
    }

    /** javac's errors as javac prints them (source line and caret), indented, the first ten of them. */
    static void printDiagnostics(List<CompileDiagnostic> diagnostics, Console c) {
        for (String d : CompileDiagnostic.render(diagnostics, CompileDiagnostic.SHOWN)) {
            d.lines().forEach(l -> c.println("    " + l));
        }
    }

    static TestSession.Listener printer(Console c) {
        return new TestSession.Listener() {
            @Override
            public void started(dev.arcade.runner.TestCase test) {
                c.progress("  running: " + test.displayName());
            }

            @Override
            public void finished(TestOutcome o) {
                String pts = o.test().graded()
                        ? c.dim(" (" + o.test().points() + (o.test().points() == 1 ? " point)" : " points)"))
                        : c.dim(" (not graded)");
                c.println(ScoreBoard.paint(
                                o.status(),
                                ScoreBoard.icon(o.status(), c) + " " + o.test().exercise() + " "
                                        + o.test().displayName(),
                                c)
                        + pts
                        + c.dim("  " + o.durationMs() + " ms"));
                if (o.status() != TestStatus.PASSED && o.message() != null) {
                    // the course's sentence first, then what the assertion library adds, dimmed
                    FailureText text = FailureText.of(o.message());
                    text.lead().lines().limit(MESSAGE_LINES).forEach(l -> c.println("      " + l));
                    text.details().lines().limit(MESSAGE_LINES).forEach(l -> c.println(c.dim("      " + l)));
                    if (o.location() != null) {
                        c.println(c.dim("      at " + o.location()));
                    }
                }
            }
        };
    }
}
