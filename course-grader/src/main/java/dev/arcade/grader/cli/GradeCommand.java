package dev.arcade.grader.cli;

import dev.arcade.grader.course.CourseLayout;
import dev.arcade.grader.course.CourseModule;
import dev.arcade.grader.report.ReportWriter;
import dev.arcade.grader.report.ScoreReport;
import dev.arcade.grader.session.TestOutcome;
import dev.arcade.grader.session.TestSession;
import dev.arcade.runner.TestCase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./workshop grade [module]}: the score board. */
@Command(
        name = "grade",
        mixinStandardHelpOptions = true,
        footer = {
            "",
            "Examples:",
            "  ./workshop grade            every module's score board",
            "  ./workshop grade 01         one module (also 1, dynamodb, module-01-dynamodb)"
        },
        description = "Build what is needed, run every module's graded tests (or one module's),"
                + " print the score board and write target/workshop/report.json and report.html.")
final class GradeCommand implements Callable<Integer> {
    /** How many changed test files the warning lists; report.json has all of them. */
    static final int TAMPERED_SHOWN = 10;
    /** Cells of the live progress bar. */
    static final int PROGRESS_BAR_CELLS = 12;

    @Parameters(
            arity = "0..1",
            paramLabel = "MODULE",
            description = "only this module: module-01-dynamodb, 01, 1 or dynamodb")
    String module;

    @Option(names = "--no-color", description = "plain text, no colours or live progress (also: NO_COLOR=1)")
    boolean plain;

    @Override
    public Integer call() throws IOException {
        Console c = new Console(plain);
        CourseLayout layout = CourseLayout.find(Path.of(""));
        List<CourseModule> modules = Modules.select(layout, module);
        long t0 = System.nanoTime();
        var backend = BackendStarter.startInBackground(c);
        Grader grader = new Grader(layout);
        ScoreReport report = grader.grade(modules, null, backend, false, progress(c), s -> c.progress("  " + s + "…"));
        c.clearProgress();
        ScoreBoard.print(report, c);
        if (!report.tampered().isEmpty()) {
            c.println();
            c.println(c.yellow("⚠ Test files differ from the course's manifest, so this score is not the course's:"));
            report.tampered().stream().limit(TAMPERED_SHOWN).forEach(f -> c.println(c.yellow("    " + f)));
            c.println(c.yellow("  Restore them with: git checkout -- '*/src/test/*'"));
        }
        Path html = ReportWriter.write(report, grader.workDir());
        c.println();
        c.println(c.dim(String.format(
                "Report: %s (and report.json)   %.1f s",
                layout.root().relativize(html), (System.nanoTime() - t0) / 1e9)));
        nextStep(report, c);
        githubOutput(report);
        return 0;
    }

    static TestSession.Listener progress(Console c) {
        AtomicInteger planned = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        return new TestSession.Listener() {
            @Override
            public void planned(TestCase test) {
                planned.incrementAndGet();
            }

            @Override
            public void started(TestCase test) {
                c.progress(String.format(
                        "  %s %d/%d  %s › %s",
                        c.bar((double) done.get() / Math.max(1, planned.get()), PROGRESS_BAR_CELLS),
                        done.get(),
                        planned.get(),
                        test.exercise(),
                        test.displayName()));
            }

            @Override
            public void finished(TestOutcome outcome) {
                done.incrementAndGet();
            }
        };
    }

    private static void nextStep(ScoreReport report, Console c) {
        ScoreBoard.printNext(report, c);
    }

    /** In GitHub Actions, hands the points to the Classroom reporter as the step output {@code result}. */
    private static void githubOutput(ScoreReport report) throws IOException {
        String out = System.getenv("GITHUB_OUTPUT");
        if (out != null && !out.isBlank()) {
            Files.writeString(
                    Path.of(out),
                    "result=" + ReportWriter.classroomBase64(report) + "\n",
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        }
    }
}
