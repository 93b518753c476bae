package dev.arcade.grader.cli;

import dev.arcade.kit.backend.Backend;
import dev.arcade.grader.course.CourseLayout;
import dev.arcade.grader.course.CourseModule;
import dev.arcade.runner.Discovery;
import dev.arcade.grader.course.Hints;
import dev.arcade.grader.course.Lesson;
import dev.arcade.grader.course.Manifest;
import dev.arcade.runner.RunSpec;
import dev.arcade.runner.TestCase;
import dev.arcade.grader.session.TestOutcome;
import dev.arcade.grader.session.TestSession;
import dev.arcade.runner.TestStatus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./workshop verify}: the instructor's proof that the course is sound.
 *
 * <p>Every test passes on the reference solution; every graded test fails on the untouched
 * skeleton, for the right reason (an assertion, or the skeleton's own TODO for that exercise; not
 * a compile error, a backend error or another exercise's TODO); every exercise has graded tests, a
 * lesson section and its hints; no test is skipped silently; the manifest matches the tests.
 */
@Command(name = "verify", description = "For instructors and authors: prove the course. Every test passes on the"
        + " reference solution, every graded test fails on the untouched skeleton for the right reason, every exercise"
        + " has graded tests, a lesson section and three hints. Exits non-zero on any breach.")
final class VerifyCommand implements Callable<Integer> {

    @Parameters(arity = "0..1", paramLabel = "MODULE", description = "only this module")
    String module;

    @Option(names = "--classes-from-maven", description = "use the classes Maven just compiled (target/classes and"
            + " target/test-classes) instead of compiling; how ./mvnw verify calls it")
    boolean fromMaven;

    @Option(names = "--no-color", description = "plain text (also: NO_COLOR=1)")
    boolean plain;

    private record Row(String exercise, String title, int tests, int points, String reference, String skeleton,
            boolean lesson, int hints) {}

    @Override
    public Integer call() {
        Console c = new Console(plain);
        CourseLayout layout = CourseLayout.find(Path.of(""));
        List<CourseModule> modules = Modules.select(layout, module);
        long t0 = System.nanoTime();
        List<String> breaches = new ArrayList<>();
        List<String> notes = new ArrayList<>();

        Optional<Manifest> recorded = Manifest.recorded(layout);
        Manifest now = Manifest.current(layout);
        if (recorded.isEmpty()) {
            breaches.add("course-manifest.json is missing: run ./workshop manifest and commit it");
        }

        java.util.function.Supplier<Backend> backendStart = BackendStarter.startInBackground(c);
        Grader grader = new Grader(layout);
        List<RunSpec.Unit> units = new ArrayList<>();
        Map<String, List<TestCase>> catalogs = new LinkedHashMap<>();
        Map<String, Boolean> skeletonChecked = new HashMap<>();
        for (CourseModule m : modules) {
            c.progress("  compiling " + m.name() + "…");
            Compiled reference = grader.compile(m, Grader.Variant.REFERENCE, fromMaven);
            if (!reference.ok()) {
                breaches.add(m.name() + ": the reference solution does not compile with the tests: " + reference.error());
                continue;
            }
            units.add(reference.toUnit());
            catalogs.put(m.name(), Discovery.tests(reference.unit(), reference.main(), reference.tests()));
            List<String> edited = recorded.map(r -> now.differences(r, m.name() + "/src/main/")).orElse(List.of());
            if (!edited.isEmpty()) {
                notes.add(m.name() + ": the skeleton differs from course-manifest.json (" + edited.get(0)
                        + (edited.size() > 1 ? " and " + (edited.size() - 1) + " more" : "")
                        + "), so it is not the untouched skeleton and the skeleton check is skipped. Authors: run"
                        + " ./workshop manifest after changing a skeleton.");
                skeletonChecked.put(m.name(), false);
                continue;
            }
            Compiled skeleton = grader.compile(m, Grader.Variant.SKELETON, fromMaven);
            if (!skeleton.ok()) {
                breaches.add(m.name() + ": the tests do not compile against the skeleton: " + skeleton.error());
                skeletonChecked.put(m.name(), false);
                continue;
            }
            units.add(skeleton.toUnit());
            skeletonChecked.put(m.name(), true);
            breaches.addAll(givenClassesDrift(layout, m));
            recorded.ifPresent(r -> now.differences(r, m.name() + "/src/test/").forEach(d -> breaches.add(
                    "test file differs from course-manifest.json: " + d + " (authors: run ./workshop manifest)")));
        }

        Map<String, TestOutcome> outcomes = new HashMap<>();
        if (!units.isEmpty()) {
            TestSession session = new TestSession(grader.classpath, backendStart, layout.workDir().resolve("verify"), false);
            for (TestOutcome o : session.run(units, null, GradeCommand.progress(c))) {
                outcomes.put(o.test().key(), o);
            }
        }
        c.clearProgress();

        for (CourseModule m : modules) {
            List<TestCase> catalog = catalogs.get(m.name());
            if (catalog == null) {
                continue;
            }
            Map<String, String> titles = Lesson.exerciseTitles(m.lesson());
            Map<String, List<TestCase>> byExercise = new LinkedHashMap<>();
            titles.keySet().forEach(id -> byExercise.put(id, new ArrayList<>()));
            for (TestCase t : catalog) {
                if (t.graded()) {
                    byExercise.computeIfAbsent(t.exercise(), k -> new ArrayList<>()).add(t);
                }
                if (t.graded() && t.exercise().isBlank()) {
                    breaches.add(m.name() + ": graded test " + name(t) + " names no exercise");
                }
            }
            // every test of the module, graded or not, must pass on the reference
            for (TestCase t : catalog) {
                TestOutcome o = outcomes.get(t.key());
                if (o == null) {
                    breaches.add(m.name() + ": " + name(t) + " did not run on the reference");
                } else if (o.status() == TestStatus.NOT_GRADABLE) {
                    if (o.message() == null || !o.message().startsWith("not gradable on ")) {
                        breaches.add(m.name() + ": " + name(t) + " is skipped on the reference: " + o.headline());
                    }
                } else if (o.status() != TestStatus.PASSED) {
                    breaches.add(m.name() + ": " + name(t) + " " + o.status().label() + " on the reference: " + o.headline());
                }
            }
            List<Row> rows = new ArrayList<>();
            for (Map.Entry<String, List<TestCase>> e : byExercise.entrySet()) {
                String id = e.getKey();
                List<TestCase> tests = e.getValue();
                boolean lesson = titles.containsKey(id);
                int hints = Hints.read(m.hints(id)).size();
                if (tests.isEmpty()) {
                    breaches.add(id + ": the lesson has this exercise but no graded test does");
                }
                if (!lesson) {
                    breaches.add(id + ": no lesson section '## " + id + " <title>' in " + m.name() + "/README.md");
                }
                if (hints < 3) {
                    breaches.add(id + ": " + hints + " hint" + (hints == 1 ? "" : "s") + " in " + m.name() + "/hints/" + id
                            + ".md, three are needed (a nudge, the concept, nearly the solution)");
                }
                int refPass = 0;
                int notGradable = 0;
                int skelRight = 0;
                for (TestCase t : tests) {
                    TestOutcome ref = outcomes.get(t.key());
                    if (ref != null && ref.status() == TestStatus.PASSED) {
                        refPass++;
                    }
                    if (ref != null && ref.status() == TestStatus.NOT_GRADABLE) {
                        notGradable++;
                    }
                    if (Boolean.TRUE.equals(skeletonChecked.get(m.name()))) {
                        TestOutcome sk = outcomes.get(m.name() + "@skeleton|" + t.id());
                        String wrong = wrongReason(sk, id);
                        if (wrong == null) {
                            skelRight++;
                        } else {
                            breaches.add(id + ": graded test " + name(t) + " " + wrong);
                        }
                    }
                }
                String reference = refPass + "/" + tests.size() + " pass" + (notGradable > 0 ? " (" + notGradable
                        + " not gradable here)" : "");
                String skeleton = Boolean.TRUE.equals(skeletonChecked.get(m.name()))
                        ? skelRight + "/" + tests.size() + " fail right" : "not checked";
                rows.add(new Row(id, titles.getOrDefault(id, "?"), tests.size(),
                        tests.stream().mapToInt(TestCase::points).sum(), reference, skeleton, lesson, hints));
            }
            printTable(c, m, rows);
        }

        c.println();
        notes.forEach(n -> c.println(c.yellow("note: ") + n));
        if (breaches.isEmpty()) {
            c.println(c.green(String.format("✔ The course holds: %d module%s verified in %.1f s.", modules.size(),
                    modules.size() == 1 ? "" : "s", (System.nanoTime() - t0) / 1e9)));
            return 0;
        }
        c.println(c.red("✘ " + breaches.size() + " breach" + (breaches.size() == 1 ? "" : "es") + ":"));
        breaches.forEach(b -> c.println("  - " + b));
        return 1;
    }

    /**
     * Given classes (skeleton files without a TODO: records, exceptions, constants) must be the same
     * in the skeleton and the solution, or the tests would grade one thing and the learner see another.
     */
    static List<String> givenClassesDrift(CourseLayout layout, CourseModule m) {
        List<String> drift = new ArrayList<>();
        java.util.regex.Pattern todo = java.util.regex.Pattern.compile("TODO " + m.number() + "\\.\\d+");
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.walk(m.mainSources())) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                String skeleton = java.nio.file.Files.readString(f).replace("\r\n", "\n");
                if (todo.matcher(skeleton).find()) {
                    continue;
                }
                Path twin = m.solutionSources().resolve(m.mainSources().relativize(f).toString());
                String rel = layout.root().relativize(f).toString().replace('\\', '/');
                if (!java.nio.file.Files.isRegularFile(twin)) {
                    drift.add(m.name() + ": given class " + rel + " has no twin in the solution");
                } else if (!java.nio.file.Files.readString(twin).replace("\r\n", "\n").equals(skeleton)) {
                    drift.add(m.name() + ": given class " + rel + " differs from its twin in the solution;"
                            + " a file without a TODO must be the same in both");
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return drift;
    }

    /** Why a skeleton outcome is not the right kind of failure, or null when it is. */
    static String wrongReason(TestOutcome o, String exercise) {
        if (o == null) {
            return "did not run on the skeleton";
        }
        return switch (o.status()) {
            case NOT_STARTED -> null;
            case PASSED -> "passes on the untouched skeleton: it cannot fail, so it grades nothing";
            case FAILING -> o.exception() != null && (o.exception().endsWith("AssertionError")
                    || o.exception().endsWith("AssertionFailedError") || o.exception().contains("MultipleFailures"))
                    ? null : "fails on the skeleton for the wrong reason (" + o.exception() + "): " + o.headline();
            case NOT_GRADABLE -> o.message() != null && o.message().startsWith("not gradable on ") ? null
                    : "is skipped on the skeleton: " + o.headline();
            default -> "is " + o.status().label() + " on the skeleton: " + o.headline();
        };
    }

    private static String name(TestCase t) {
        String cls = t.className().substring(t.className().lastIndexOf('.') + 1);
        return cls + "." + t.methodName();
    }

    private static void printTable(Console c, CourseModule m, List<Row> rows) {
        c.println();
        c.println(c.bold(m.name() + " · " + m.title()));
        c.println(c.dim(String.format("  %-5s %-36s %5s %4s  %-28s %-18s %-6s %s", "id", "exercise", "tests", "pts",
                "reference", "skeleton", "lesson", "hints")));
        for (Row r : rows) {
            boolean refOk = r.reference().startsWith(r.tests() + "/") || r.reference().contains("not gradable");
            boolean skelOk = r.skeleton().startsWith(r.tests() + "/") || r.skeleton().equals("not checked");
            c.println(String.format("  %-5s %-36s %5d %4d  %s %s %s %s", r.exercise(), Console.cut(r.title(), 36), r.tests(),
                    r.points(), color(c, refOk, String.format("%-28s", r.reference())),
                    color(c, skelOk, String.format("%-18s", r.skeleton())),
                    color(c, r.lesson(), String.format("%-6s", r.lesson() ? "yes" : "no")),
                    color(c, r.hints() >= 3, Integer.toString(r.hints()))));
        }
    }

    private static String color(Console c, boolean ok, String s) {
        return ok ? c.green(s) : c.red(s);
    }
}
