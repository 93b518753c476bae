package dev.arcade.grader.report;

import dev.arcade.grader.course.CourseLayout;
import dev.arcade.grader.course.CourseModule;
import dev.arcade.grader.course.Hints;
import dev.arcade.grader.course.Lesson;
import dev.arcade.grader.course.Manifest;
import dev.arcade.grader.course.ReactorCheck;
import dev.arcade.grader.session.TestOutcome;
import dev.arcade.kit.AwsTestExtension;
import dev.arcade.runner.TestCase;
import dev.arcade.runner.TestStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToIntFunction;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The rules of {@code ./workshop verify}, the instructor's proof that the course is sound; it
 * collects every breach (which fails verify) and note (which does not) in the order found.
 *
 * <p>Every test passes on the reference solution; every graded test fails on the untouched
 * skeleton, for the right reason (an assertion, or the skeleton's own TODO for that exercise; not a
 * compile error, a backend error or another exercise's TODO); every exercise has graded tests, a
 * lesson section and its hints; no test is skipped silently; the manifest matches the tests; given
 * classes are the same in the skeleton and the solution. Exercises are grouped as the score board
 * groups them ({@link Scoring#byExercise}).
 *
 * <p>The command compiles, runs the tests and prints; this class only judges.
 */
public final class Verification {
    /** How many hints an exercise needs: a nudge, the concept, nearly the solution. */
    public static final int HINTS_NEEDED = 3;

    /**
     * How the message of a test skipped for a capability the backend lacks starts (the kit's
     * {@code @RequiresCapability}); any other skip is a silent one.
     */
    static final String CAPABILITY_SKIP = AwsTestExtension.NOT_GRADABLE;

    /** Exception classes that mean "a check failed": the right reason for a skeleton to fail. */
    private static final List<String> ASSERTION_SUFFIXES = List.of("AssertionError", "AssertionFailedError");

    /** Part of the class name of JUnit's and AssertJ's errors that bundle several failed checks. */
    private static final String MULTIPLE_FAILURES = "MultipleFailures";

    /**
     * One exercise's row in verify's table.
     *
     * @param exercise the exercise id
     * @param title its lesson title, or {@code ?} when the lesson has none
     * @param tests how many graded tests it has
     * @param points their points
     * @param reference how they did on the reference, for example {@code 4/4 pass}
     * @param skeleton how they did on the skeleton, for example {@code 4/4 fail right}, or {@code not checked}
     * @param lesson whether the lesson has a section for it
     * @param hints how many hints it has
     */
    public record Row(
            String exercise,
            String title,
            int tests,
            int points,
            String reference,
            String skeleton,
            boolean lesson,
            int hints) {

        /** Whether the reference column is as it should be. */
        public boolean referenceOk() {
            return reference.startsWith(tests + "/") || reference.contains("not gradable");
        }

        /** Whether the skeleton column is as it should be. */
        public boolean skeletonOk() {
            return skeleton.startsWith(tests + "/") || skeleton.equals(NOT_CHECKED);
        }

        /** Whether there are hints enough. */
        public boolean hintsOk() {
            return hints >= HINTS_NEEDED;
        }
    }

    /** The skeleton column of a module whose skeleton was not run. */
    public static final String NOT_CHECKED = "not checked";

    private final List<String> breaches = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    /** What breaks the course, in the order found; verify fails on any. */
    public List<String> breaches() {
        return List.copyOf(breaches);
    }

    /** What verify should say but does not fail on. */
    public List<String> notes() {
        return List.copyOf(notes);
    }

    /** Whether the course holds: no breach. */
    public boolean holds() {
        return breaches.isEmpty();
    }

    /** The course must have a manifest. */
    public void checkManifest(Optional<Manifest> recorded) {
        if (recorded.isEmpty()) {
            breaches.add("course-manifest.json is missing: run ./workshop manifest and commit it");
        }
    }

    /**
     * Every module must be listed in every pom that lists modules (Maven cannot find them by itself);
     * see {@link ReactorCheck}.
     */
    public void checkReactor(CourseLayout layout) {
        ReactorCheck.problems(layout.root()).forEach(breaches::add);
    }

    /** The reference solution must compile with the tests; its tests then cannot be checked. */
    public void referenceDoesNotCompile(CourseModule m, String error) {
        breaches.add(m.name() + ": the reference solution does not compile with the tests: " + error);
    }

    /** The tests must compile against the skeleton. */
    public void skeletonDoesNotCompile(CourseModule m, String error) {
        breaches.add(m.name() + ": the tests do not compile against the skeleton: " + error);
    }

    /**
     * Whether the skeleton is the untouched one (as the manifest records it), so that it can be
     * checked; notes why not when it is not. Without a manifest it counts as untouched.
     */
    public boolean skeletonUntouched(CourseModule m, Optional<Manifest> recorded, Manifest now) {
        List<String> edited =
                recorded.map(r -> now.differences(r, m.name() + "/src/main/")).orElse(List.of());
        if (edited.isEmpty()) {
            return true;
        }
        notes.add(m.name() + ": the skeleton differs from course-manifest.json (" + edited.get(0)
                + (edited.size() > 1 ? " and " + (edited.size() - 1) + " more" : "")
                + "), so it is not the untouched skeleton and the skeleton check is skipped. Authors: run"
                + " ./workshop manifest after changing a skeleton.");
        return false;
    }

    /** Given classes must match their twins in the solution, and test files the manifest. */
    public void checkSources(CourseLayout layout, CourseModule m, Optional<Manifest> recorded, Manifest now) {
        breaches.addAll(givenClassesDrift(layout, m));
        recorded.ifPresent(r -> now.differences(r, m.name() + "/src/test/")
                .forEach(d -> breaches.add(
                        "test file differs from course-manifest.json: " + d + " (authors: run ./workshop manifest)")));
    }

    /**
     * Checks a module's test runs, with its lesson and hints from disk, and returns its table.
     *
     * @param catalog every test of the module, as discovered in the reference build
     * @param outcomes what happened, by {@link TestCase#key()}: the reference's under the catalog's unit
     * @param skeletonUnit the unit the skeleton ran as, or null when it was not run
     */
    public List<Row> checkRuns(
            CourseModule m, List<TestCase> catalog, Map<String, TestOutcome> outcomes, String skeletonUnit) {
        return checkRuns(
                m.name(),
                catalog,
                Lesson.exerciseTitles(m.lesson()),
                id -> Hints.read(m.hints(id)).size(),
                outcomes,
                skeletonUnit);
    }

    /**
     * Checks a module's test runs and returns its table: every test passes on the reference, every
     * graded test fails right on the skeleton, every exercise has graded tests, a lesson section and
     * its hints.
     *
     * @param module the module's name
     * @param catalog every test of the module, as discovered in the reference build
     * @param titles exercise titles from the lesson, in order
     * @param hints how many hints an exercise id has
     * @param outcomes what happened, by {@link TestCase#key()}: the reference's under the catalog's unit
     * @param skeletonUnit the unit the skeleton ran as, or null when it was not run
     */
    public List<Row> checkRuns(
            String module,
            List<TestCase> catalog,
            Map<String, String> titles,
            ToIntFunction<String> hints,
            Map<String, TestOutcome> outcomes,
            String skeletonUnit) {
        for (TestCase t : catalog) {
            if (t.graded() && t.exercise().isBlank()) {
                breaches.add(module + ": graded test " + name(t) + " names no exercise");
            }
        }
        // every test of the module, graded or not, must pass on the reference
        for (TestCase t : catalog) {
            String problem = referenceProblem(outcomes.get(t.key()));
            if (problem != null) {
                breaches.add(module + ": " + name(t) + " " + problem);
            }
        }
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<String, List<TestCase>> e :
                Scoring.byExercise(catalog, titles).entrySet()) {
            rows.add(exercise(
                    module, e.getKey(), e.getValue(), titles, hints.applyAsInt(e.getKey()), outcomes, skeletonUnit));
        }
        return rows;
    }

    private Row exercise(
            String module,
            String id,
            List<TestCase> tests,
            Map<String, String> titles,
            int hints,
            Map<String, TestOutcome> outcomes,
            String skeletonUnit) {
        boolean lesson = titles.containsKey(id);
        if (tests.isEmpty()) {
            breaches.add(id + ": the lesson has this exercise but no graded test does");
        }
        if (!lesson) {
            breaches.add(id + ": no lesson section '## " + id + " <title>' in " + module + "/README.md");
        }
        if (hints < HINTS_NEEDED) {
            breaches.add(id + ": " + hints + " hint" + (hints == 1 ? "" : "s") + " in " + module + "/hints/" + id
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
            if (skeletonUnit != null) {
                String wrong = wrongReason(outcomes.get(skeletonUnit + "|" + t.id()));
                if (wrong == null) {
                    skelRight++;
                } else {
                    breaches.add(id + ": graded test " + name(t) + " " + wrong);
                }
            }
        }
        String reference = refPass + "/" + tests.size() + " pass"
                + (notGradable > 0 ? " (" + notGradable + " not gradable here)" : "");
        String skeleton = skeletonUnit != null ? skelRight + "/" + tests.size() + " fail right" : NOT_CHECKED;
        return new Row(
                id,
                titles.getOrDefault(id, "?"),
                tests.size(),
                tests.stream().mapToInt(TestCase::points).sum(),
                reference,
                skeleton,
                lesson,
                hints);
    }

    /**
     * What is wrong with a test's outcome on the reference solution, after the test's name (for
     * example {@code "failing on the reference: ..."}), or null when nothing is: it passed, or it is
     * not gradable for a capability this backend lacks.
     */
    static String referenceProblem(TestOutcome o) {
        if (o == null) {
            return "did not run on the reference";
        }
        if (o.status() == TestStatus.NOT_GRADABLE) {
            return capabilitySkip(o) ? null : "is skipped on the reference: " + o.headline();
        }
        if (o.status() != TestStatus.PASSED) {
            return o.status().label() + " on the reference: " + o.headline();
        }
        return null;
    }

    /**
     * Why a graded test's outcome on the untouched skeleton is not the right kind of failure, or null
     * when it is: not started (its own exercise's TODO), an assertion that failed, or not gradable for
     * a capability this backend lacks. Another exercise's TODO is failing with an
     * {@link UnsupportedOperationException}, so a wrong reason.
     */
    static String wrongReason(TestOutcome o) {
        if (o == null) {
            return "did not run on the skeleton";
        }
        return switch (o.status()) {
            case NOT_STARTED -> null;
            case PASSED -> "passes on the untouched skeleton: it cannot fail, so it grades nothing";
            case FAILING ->
                isAssertion(o.exception())
                        ? null
                        : "fails on the skeleton for the wrong reason (" + o.exception() + "): " + o.headline();
            case NOT_GRADABLE -> capabilitySkip(o) ? null : "is skipped on the skeleton: " + o.headline();
            default -> "is " + o.status().label() + " on the skeleton: " + o.headline();
        };
    }

    private static boolean isAssertion(String exception) {
        return exception != null
                && (ASSERTION_SUFFIXES.stream().anyMatch(exception::endsWith) || exception.contains(MULTIPLE_FAILURES));
    }

    private static boolean capabilitySkip(TestOutcome o) {
        return o.message() != null && o.message().startsWith(CAPABILITY_SKIP);
    }

    /**
     * Given classes (skeleton files without a TODO: records, exceptions, constants) must be the same
     * in the skeleton and the solution, or the tests would grade one thing and the learner see another.
     */
    static List<String> givenClassesDrift(CourseLayout layout, CourseModule m) {
        List<String> drift = new ArrayList<>();
        Pattern todo = Pattern.compile("TODO " + m.number() + "\\.\\d+");
        try (Stream<Path> files = Files.walk(m.mainSources())) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                String skeleton = Files.readString(f).replace("\r\n", "\n");
                if (todo.matcher(skeleton).find()) {
                    continue;
                }
                Path twin = m.solutionSources()
                        .resolve(m.mainSources().relativize(f).toString());
                String rel = layout.root().relativize(f).toString().replace('\\', '/');
                if (!Files.isRegularFile(twin)) {
                    drift.add(m.name() + ": given class " + rel + " has no twin in the solution");
                } else if (!Files.readString(twin).replace("\r\n", "\n").equals(skeleton)) {
                    drift.add(m.name() + ": given class " + rel + " differs from its twin in the solution;"
                            + " a file without a TODO must be the same in both");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return drift;
    }

    /** A test as verify names it: {@code SimpleClassName.method}. */
    static String name(TestCase t) {
        String cls = t.className().substring(t.className().lastIndexOf('.') + 1);
        return cls + "." + t.methodName();
    }
}
