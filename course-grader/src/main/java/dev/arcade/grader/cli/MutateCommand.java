package dev.arcade.grader.cli;

import dev.arcade.grader.course.CourseLayout;
import dev.arcade.grader.course.CourseModule;
import dev.arcade.grader.course.ExerciseSources;
import dev.arcade.grader.course.Lesson;
import dev.arcade.grader.report.MutationScores;
import dev.arcade.grader.report.MutationScores.ExerciseScore;
import dev.arcade.grader.report.MutationScores.Mutant;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./workshop mutate [exercise|module]}: mutation testing of the reference solutions with the
 * graded tests (PIT, through the {@code mutation} profile of {@code solutions/pom.xml}), for
 * instructors and authors. Prints the mutation score per exercise and every surviving mutant.
 */
@Command(
        name = "mutate",
        mixinStandardHelpOptions = true,
        footer = {
            "",
            "Examples:",
            "  ./workshop mutate 1.3       the tests of exercise 1.3 against mutants of its reference",
            "  ./workshop mutate 01 --min 90"
        },
        description = "For instructors and authors: change the reference solutions one small step"
                + " at a time (PIT mutation testing) and check that the graded tests notice; prints the score per exercise"
                + " and every surviving mutant with its line. Takes minutes.")
final class MutateCommand implements Callable<Integer> {
    /** The score below which an exercise's tests are reported as too weak, in percent. */
    static final int DEFAULT_MINIMUM_PERCENT = 85;
    /** Where a module's twin lists the mutants that behave exactly like the reference. */
    static final String EQUIVALENTS_FILE = "mutation-equivalents.txt";

    @Parameters(
            arity = "0..1",
            paramLabel = "EXERCISE|MODULE",
            description = "1.3, or a module (01, dynamodb);" + " without it, every module")
    String target;

    @Option(
            names = "--min",
            paramLabel = "PERCENT",
            description = "the lowest acceptable score per exercise" + " (default: " + DEFAULT_MINIMUM_PERCENT + ")")
    int minimum = DEFAULT_MINIMUM_PERCENT;

    @Option(names = "--no-color", description = "plain text (also: NO_COLOR=1)")
    boolean plain;

    @Override
    public Integer call() throws IOException, InterruptedException {
        Console c = new Console(plain);
        CourseLayout layout = CourseLayout.find(Path.of(""));
        List<CourseModule> modules = modules(layout);
        boolean allGood = true;
        for (CourseModule module : modules) {
            ExerciseSources sources = ExerciseSources.of(module);
            Set<String> exercises = new TreeSet<>(sources.classesByExercise().keySet());
            if (target != null && target.contains(".")) {
                exercises.retainAll(Set.of(target));
            }
            Set<String> classes = new TreeSet<>();
            Set<String> tests = new TreeSet<>();
            for (String exercise : exercises) {
                classes.addAll(sources.classesByExercise().get(exercise));
                tests.addAll(sources.testsByExercise().getOrDefault(exercise, Set.of()));
            }
            if (classes.isEmpty() || tests.isEmpty()) {
                c.println(c.dim(module.name() + ": nothing to mutate (no exercise with both a TODO in the skeleton"
                        + " and a test class with @Exercise)"));
                continue;
            }
            Path log = layout.workDir().resolve("mutate-" + module.name() + ".log");
            c.println(c.bold("Mutating " + module.name())
                    + c.dim(" (" + exercises.size() + (exercises.size() == 1 ? " exercise, " : " exercises, ")
                            + classes.size() + (classes.size() == 1 ? " reference class" : " reference classes")
                            + "; Maven's output: "
                            + layout.root().relativize(log) + ")"));
            long start = System.nanoTime();
            int exit = runPit(layout, module, classes, tests, log);
            Path xml = module.solutionDir().resolve("target/pit-reports/mutations.xml");
            if (exit != 0 || !Files.isRegularFile(xml)) {
                c.println(c.red("✘ ") + "PIT did not finish for " + module.name() + " (Maven exit " + exit
                        + "); the last lines of " + layout.root().relativize(log) + " say why.");
                allGood = false;
                continue;
            }
            Map<String, String> equivalents =
                    MutationScores.readEquivalents(module.solutionDir().resolve(EQUIVALENTS_FILE));
            List<Mutant> mutants = MutationScores.read(xml);
            List<ExerciseScore> scores = MutationScores.score(mutants, sources::exerciseOf, equivalents).stream()
                    .filter(s -> exercises.contains(s.exercise()))
                    .toList();
            long unowned = mutants.stream()
                    .filter(m -> sources.exerciseOf(m.className(), m.method()) == null)
                    .count();
            Map<String, String> titles = Lesson.exerciseTitles(module.lesson());
            for (ExerciseScore s : scores) {
                boolean good = s.percent() >= minimum;
                allGood &= good;
                String score = String.format(Locale.ROOT, "%5.1f%%", s.percent());
                c.println("  " + (good ? c.green("✔ ") : c.red("✘ ")) + Console.pad(s.exercise(), 5)
                        + Console.pad(Console.cut(titles.getOrDefault(s.exercise(), ""), 48), 50)
                        + (good ? score : c.red(score))
                        + c.dim("  " + s.detected() + " of " + s.counted() + " detected"
                                + (s.equivalent() > 0 ? ", " + s.equivalent() + " equivalent" : "")));
                for (Mutant m : s.survivors()) {
                    c.println(c.dim("      survived: ") + m.location() + " " + m.description()
                            + c.dim("  (" + m.mutator() + ", in " + m.method() + ")"));
                }
            }
            Set<String> scored = new TreeSet<>();
            scores.forEach(s -> scored.add(s.exercise()));
            for (String exercise : exercises) {
                if (!scored.contains(exercise)) {
                    c.println(c.dim("  · " + Console.pad(exercise, 5)
                            + Console.pad(Console.cut(titles.getOrDefault(exercise, ""), 48), 50)
                            + "no mutants: PIT changes code, not string constants such as a policy document"));
                }
            }
            if (unowned > 0) {
                c.println(c.dim("  " + unowned + " mutants in code that no single exercise's TODO names (a helper"
                        + " the reference added to a class several exercises share) are not scored"));
            }
            c.println(c.dim(String.format(
                    Locale.ROOT,
                    "  %.0f s; the full report: %s",
                    (System.nanoTime() - start) / 1e9,
                    layout.root().relativize(module.solutionDir().resolve("target/pit-reports/index.html")))));
        }
        if (!allGood) {
            c.println();
            c.println(
                    "An exercise below " + minimum + "% has a surviving mutant that a wrong solution could copy: add a"
                            + " test that fails on it, or list it in solutions/<module>/" + EQUIVALENTS_FILE
                            + " as \"File.java:LINE Mutator  why it behaves exactly like the reference\" (docs/commands/mutate.md).");
        }
        return allGood ? 0 : 1;
    }

    private List<CourseModule> modules(CourseLayout layout) {
        if (target == null) {
            return layout.modules();
        }
        ExerciseId.Target named = ExerciseId.exerciseOrModule(layout, target);
        if (named.exercise() != null) {
            target = named.exercise();
        }
        return List.of(named.module());
    }

    private static int runPit(
            CourseLayout layout, CourseModule module, Set<String> classes, Set<String> tests, Path log)
            throws IOException, InterruptedException {
        boolean windows = System.getProperty("os.name").toLowerCase(Locale.ROOT).startsWith("windows");
        List<String> command = new ArrayList<>(List.of(
                layout.root().resolve(windows ? "mvnw.cmd" : "mvnw").toString(),
                "-B",
                "-P",
                "mutation",
                "-pl",
                "solutions/" + module.name(),
                "-am",
                "test",
                // only PIT runs the exercise tests; the machinery's own tests are not what is measured here
                "-Dtest=Exercise*Test",
                "-Dsurefire.failIfNoSpecifiedTests=false",
                "-DtargetClasses=" + String.join(",", withInnerClasses(classes)),
                "-DtargetTests=" + String.join(",", tests)));
        Files.createDirectories(log.getParent());
        Process p = new ProcessBuilder(command)
                .directory(layout.root().toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        return p.waitFor();
    }

    /** PIT's class globs: each class and its inner classes and lambdas ({@code a.B} and {@code a.B$*}). */
    private static List<String> withInnerClasses(Set<String> classes) {
        List<String> globs = new ArrayList<>();
        classes.forEach(k -> globs.addAll(List.of(k, k + "$*")));
        return globs;
    }
}
