package dev.arcade.grader.session;

import dev.arcade.grader.course.CourseModule;
import dev.arcade.grader.course.ExerciseSources;
import dev.arcade.grader.course.PristineSkeletons;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Compiles a learner's module so that a file that does not compile costs only its own exercises.
 *
 * <p>When the learner's code does not compile, each file with an error is set aside: its untouched
 * skeleton (see {@link PristineSkeletons}) is compiled in its place, and the exercises whose TODOs
 * that file holds are marked as not compiling, with the learner's own errors. This repeats while
 * new files show errors (a good file that calls a method the learner renamed shows its error once
 * the file it calls is set aside, or at once). Then the tests are compiled; a test class that does
 * not compile against the learner's code (a changed signature) is left out, and the exercises it
 * grades are marked as not compiling. Everything else is graded as usual.
 *
 * <p>When a file cannot be set aside (it belongs to no exercise, such as a record every exercise
 * uses; its skeleton cannot be found; or the skeleton does not compile with the learner's other
 * files), the whole module does not compile, as it would without isolation, and the outcome says
 * why.
 */
public final class LearnerBuild {
    /** Why an exercise's tests do not compile against the learner's code. */
    public static final String TESTS_DO_NOT_COMPILE =
            "its tests do not compile against your code (did a class, method or signature change?)";

    /** Why an exercise does not compile when its own file does not. */
    public static final String CODE_DOES_NOT_COMPILE = "your code does not compile";

    private LearnerBuild() {}

    /**
     * An exercise that does not compile.
     *
     * @param reason why, in a few words ({@code your code does not compile})
     * @param diagnostics the errors in its files, as the learner wrote them
     */
    public record Broken(String reason, List<CompileDiagnostic> diagnostics) {}

    /**
     * What building a module gave.
     *
     * @param main the compiled code (set-aside files compiled from their skeletons)
     * @param tests the compiled tests (without the test classes that do not compile), null when {@code moduleError}
     * @param moduleError when the module cannot be graded at all: its first error on one line, else null
     * @param note why its errors could not be kept to their exercises, or null
     * @param diagnostics every error of the learner's own compile, when {@code moduleError} is set
     * @param broken exercise id → why it does not compile, for the exercises set aside; the others are graded
     * @param setAside the learner's files compiled from their skeletons, as shown to the learner
     */
    public record Outcome(
            Path main,
            Path tests,
            String moduleError,
            String note,
            List<CompileDiagnostic> diagnostics,
            Map<String, Broken> broken,
            List<String> setAside) {
        /** Whether the module's tests can run. */
        public boolean ok() {
            return moduleError == null;
        }
    }

    /**
     * Compiles {@code module}'s code into {@code out/main} and its tests into {@code out/test}.
     *
     * @param root paths in messages are shown relative to this folder (the course root)
     * @param pristine the untouched skeleton of a learner's file
     */
    public static Outcome build(
            ModuleCompiler compiler,
            CourseModule module,
            Path out,
            Path root,
            Function<Path, PristineSkeletons.Lookup> pristine) {
        // absolute and normalised, as javac names the files in its diagnostics
        List<Path> files = ModuleCompiler.javaFiles(module.mainSources()).stream()
                .map(f -> f.toAbsolutePath().normalize())
                .toList();
        Path mainOut = out.resolve("main");
        ModuleCompiler.Result result = compiler.compileFiles(files, mainOut, List.of(), root, null);
        Map<String, Broken> broken = new LinkedHashMap<>();
        Map<Path, Path> substitutes = new LinkedHashMap<>();
        ExerciseSources sources = null;
        if (!result.ok()) {
            // every error found in the learner's files, in any round: what they are shown if isolation fails
            Set<CompileDiagnostic> learners = new LinkedHashSet<>();
            String why = null;
            while (!result.ok() && why == null) {
                result.diagnostics().stream()
                        .filter(d -> d.file() == null || files.contains(d.file()))
                        .forEach(learners::add);
                Map<Path, List<CompileDiagnostic>> byFile = byFile(result.diagnostics());
                Set<Path> fresh = new LinkedHashSet<>();
                for (Path f : byFile.keySet()) {
                    if (f == null || !files.contains(f)) {
                        why = f == null
                                ? "javac stopped before it got to your files"
                                : "the untouched " + substituted(f, substitutes) + " does not compile with your other"
                                        + " files (did you change a class it uses?)";
                        break;
                    }
                    fresh.add(f);
                }
                for (Path f : fresh) {
                    if (why != null) {
                        break;
                    }
                    PristineSkeletons.Lookup skeleton = pristine.apply(f);
                    if (!skeleton.found()) {
                        why = f.getFileName() + " cannot be set aside: " + skeleton.whyNot();
                        break;
                    }
                    // the untouched file says which exercises it is for: a solved one has no TODO left
                    Set<String> exercises =
                            ExerciseSources.todos(new String(skeleton.content(), StandardCharsets.UTF_8));
                    if (exercises.isEmpty()) {
                        why = f.getFileName() + " is code the course gives to all its exercises (it has no TODO),"
                                + " so none of them can be graded without it";
                        break;
                    }
                    substitutes.put(
                            f,
                            writeSkeleton(
                                    out.resolve("skeletons"),
                                    module.mainSources().toAbsolutePath().normalize(),
                                    f,
                                    skeleton));
                    for (String e : exercises) {
                        add(broken, e, CODE_DOES_NOT_COMPILE, byFile.get(f));
                    }
                }
                if (why == null) {
                    List<Path> mixed = files.stream()
                            .map(f -> substitutes.getOrDefault(f, f))
                            .toList();
                    result = compiler.compileFiles(mixed, mainOut, List.of(), root, null);
                }
            }
            if (why != null) {
                return new Outcome(
                        null,
                        null,
                        learners.iterator().next().summary(),
                        "every exercise of " + module.name() + " is marked does not compile, because " + why + ".",
                        List.copyOf(learners),
                        Map.of(),
                        List.of());
            }
        }

        List<Path> testFiles = ModuleCompiler.javaFiles(module.testSources()).stream()
                .map(f -> f.toAbsolutePath().normalize())
                .toList();
        Set<Path> leftOut = new LinkedHashSet<>();
        while (true) {
            List<Path> compiled =
                    testFiles.stream().filter(f -> !leftOut.contains(f)).toList();
            ModuleCompiler.Result tests = compiler.compileFiles(
                    compiled, out.resolve("test"), List.of(mainOut), root, module.testResources());
            if (tests.ok()) {
                List<String> setAside = substitutes.keySet().stream()
                        .map(f -> root.toAbsolutePath().relativize(f).toString().replace('\\', '/'))
                        .toList();
                return new Outcome(mainOut, tests.classes(), null, null, List.of(), broken, setAside);
            }
            if (sources == null) {
                sources = ExerciseSources.of(module);
            }
            Map<Path, List<CompileDiagnostic>> byFile = byFile(tests.diagnostics());
            String why = null;
            for (Path f : byFile.keySet()) {
                if (f == null || !compiled.contains(f)) {
                    why = "javac stopped before it got to the tests";
                } else if (sources.exercisesOfTestClass(ExerciseSources.className(
                                module.testSources().toAbsolutePath().normalize(), f))
                        .isEmpty()) {
                    why = f.getFileName() + " is shared by the tests of several exercises";
                }
            }
            if (why != null) {
                return new Outcome(
                        mainOut,
                        null,
                        "the tests do not compile against your code (did a class, method or signature change?): "
                                + tests.firstError(),
                        "every exercise of " + module.name() + " is marked does not compile, because " + why + ".",
                        tests.diagnostics(),
                        Map.of(),
                        List.of());
            }
            for (Map.Entry<Path, List<CompileDiagnostic>> e : byFile.entrySet()) {
                leftOut.add(e.getKey());
                for (String exercise : sources.exercisesOfTestClass(ExerciseSources.className(
                        module.testSources().toAbsolutePath().normalize(), e.getKey()))) {
                    add(broken, exercise, TESTS_DO_NOT_COMPILE, e.getValue());
                }
            }
        }
    }

    private static void add(Map<String, Broken> broken, String exercise, String reason, List<CompileDiagnostic> ds) {
        Broken before = broken.get(exercise);
        if (before == null) {
            broken.put(exercise, new Broken(reason, List.copyOf(ds)));
        } else {
            List<CompileDiagnostic> all = new ArrayList<>(before.diagnostics());
            all.addAll(ds);
            broken.put(exercise, new Broken(before.reason(), List.copyOf(all)));
        }
    }

    private static Map<Path, List<CompileDiagnostic>> byFile(List<CompileDiagnostic> diagnostics) {
        Map<Path, List<CompileDiagnostic>> byFile = new LinkedHashMap<>();
        for (CompileDiagnostic d : diagnostics) {
            byFile.computeIfAbsent(d.file(), k -> new ArrayList<>()).add(d);
        }
        return byFile;
    }

    private static String substituted(Path file, Map<Path, Path> substitutes) {
        return substitutes.entrySet().stream()
                .filter(e -> e.getValue().equals(file))
                .map(e -> e.getKey().getFileName().toString())
                .findFirst()
                .orElse(file.getFileName().toString());
    }

    /** The skeleton, at the same package path under {@code dir}, so javac reads it as the learner's file. */
    private static Path writeSkeleton(Path dir, Path sources, Path file, PristineSkeletons.Lookup skeleton) {
        Path target = dir.resolve(sources.relativize(file).toString());
        try {
            Files.createDirectories(target.getParent());
            Files.write(target, skeleton.content());
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
