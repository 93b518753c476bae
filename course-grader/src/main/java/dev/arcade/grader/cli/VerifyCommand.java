package dev.arcade.grader.cli;

import dev.arcade.grader.course.CourseLayout;
import dev.arcade.grader.course.CourseModule;
import dev.arcade.grader.course.Manifest;
import dev.arcade.grader.report.Verification;
import dev.arcade.grader.report.Verification.Row;
import dev.arcade.grader.session.TestOutcome;
import dev.arcade.grader.session.TestSession;
import dev.arcade.kit.backend.Backend;
import dev.arcade.runner.Discovery;
import dev.arcade.runner.RunSpec;
import dev.arcade.runner.TestCase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./workshop verify}: the instructor's proof that the course is sound.
 *
 * <p>Compiles every module's reference solution and (when untouched) skeleton, runs all their tests
 * in one session and prints a table per module; the rules are {@link Verification}'s.
 */
@Command(
        name = "verify",
        mixinStandardHelpOptions = true,
        footer = {
            "",
            "Examples:",
            "  ./workshop verify           prove every module",
            "  ./workshop verify 02        prove module 02 only"
        },
        description = "For instructors and authors: prove the course. Every test passes on the"
                + " reference solution, every graded test fails on the untouched skeleton for the right reason, every exercise"
                + " has graded tests, a lesson section and three hints. Exits non-zero on any breach.")
final class VerifyCommand implements Callable<Integer> {
    /** Width of the exercise title column, in characters (as in the table's format). */
    private static final int TITLE_WIDTH = 36;

    @Parameters(arity = "0..1", paramLabel = "MODULE", description = "only this module")
    String module;

    @Option(
            names = "--classes-from-maven",
            description = "use the classes Maven just compiled (target/classes and"
                    + " target/test-classes) instead of compiling; how ./mvnw verify calls it")
    boolean fromMaven;

    @Option(names = "--no-color", description = "plain text (also: NO_COLOR=1)")
    boolean plain;

    @Override
    public Integer call() {
        Console c = new Console(plain);
        CourseLayout layout = CourseLayout.find(Path.of(""));
        List<CourseModule> modules = Modules.select(layout, module);
        long t0 = System.nanoTime();
        Verification verification = new Verification();

        Optional<Manifest> recorded = Manifest.recorded(layout);
        Manifest now = Manifest.current(layout);
        verification.checkManifest(recorded);
        verification.checkReactor(layout);

        Supplier<Backend> backendStart = BackendStarter.startInBackground(c);
        Grader grader = new Grader(layout);
        List<RunSpec.Unit> units = new ArrayList<>();
        Map<String, List<TestCase>> catalogs = new LinkedHashMap<>();
        Map<String, String> skeletonUnits = new HashMap<>();
        for (CourseModule m : modules) {
            c.progress("  compiling " + m.name() + "…");
            Compiled reference = grader.compile(m, Grader.Variant.REFERENCE, fromMaven);
            if (!reference.ok()) {
                verification.referenceDoesNotCompile(m, reference.error());
                continue;
            }
            units.add(reference.toUnit());
            catalogs.put(m.name(), Discovery.tests(reference.unit(), reference.main(), reference.tests()));
            if (!verification.skeletonUntouched(m, recorded, now)) {
                continue;
            }
            Compiled skeleton = grader.compile(m, Grader.Variant.SKELETON, fromMaven);
            if (!skeleton.ok()) {
                verification.skeletonDoesNotCompile(m, skeleton.error());
                continue;
            }
            units.add(skeleton.toUnit());
            skeletonUnits.put(m.name(), skeleton.unit());
            verification.checkSources(layout, m, recorded, now);
        }

        Map<String, TestOutcome> outcomes = new HashMap<>();
        if (!units.isEmpty()) {
            TestSession session = new TestSession(
                    grader.classpath, backendStart, layout.workDir().resolve("verify"), false);
            for (TestOutcome o : session.run(units, null, GradeCommand.progress(c))) {
                outcomes.put(o.test().key(), o);
            }
        }
        c.clearProgress();

        for (CourseModule m : modules) {
            List<TestCase> catalog = catalogs.get(m.name());
            if (catalog != null) {
                printTable(c, m, verification.checkRuns(m, catalog, outcomes, skeletonUnits.get(m.name())));
            }
        }

        c.println();
        verification.notes().forEach(n -> c.println(c.yellow("note: ") + n));
        if (verification.holds()) {
            c.println(c.green(String.format(
                    "✔ The course holds: %d module%s verified in %.1f s.",
                    modules.size(), modules.size() == 1 ? "" : "s", (System.nanoTime() - t0) / 1e9)));
            return 0;
        }
        List<String> breaches = verification.breaches();
        c.println(c.red("✘ " + breaches.size() + " breach" + (breaches.size() == 1 ? "" : "es") + ":"));
        breaches.forEach(b -> c.println("  - " + b));
        return 1;
    }

    private static void printTable(Console c, CourseModule m, List<Row> rows) {
        c.println();
        c.println(c.bold(m.name() + " · " + m.title()));
        c.println(c.dim(String.format(
                "  %-5s %-36s %5s %4s  %-28s %-18s %-6s %s",
                "id", "exercise", "tests", "pts", "reference", "skeleton", "lesson", "hints")));
        for (Row r : rows) {
            c.println(String.format(
                    "  %-5s %-36s %5d %4d  %s %s %s %s",
                    r.exercise(),
                    Console.cut(r.title(), TITLE_WIDTH),
                    r.tests(),
                    r.points(),
                    color(c, r.referenceOk(), String.format("%-28s", r.reference())),
                    color(c, r.skeletonOk(), String.format("%-18s", r.skeleton())),
                    color(c, r.lesson(), String.format("%-6s", r.lesson() ? "yes" : "no")),
                    color(c, r.hintsOk(), Integer.toString(r.hints()))));
        }
    }

    private static String color(Console c, boolean ok, String s) {
        return ok ? c.green(s) : c.red(s);
    }
}
