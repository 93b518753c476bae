package dev.arcade.grader.cli;

import dev.arcade.grader.course.CourseLayout;
import dev.arcade.grader.course.CourseModule;
import dev.arcade.grader.course.Lesson;
import dev.arcade.grader.course.Manifest;
import dev.arcade.grader.course.PristineSkeletons;
import dev.arcade.grader.report.ModuleResult;
import dev.arcade.grader.report.ScoreReport;
import dev.arcade.grader.report.Scoring;
import dev.arcade.grader.session.BackendGone;
import dev.arcade.grader.session.Classpaths;
import dev.arcade.grader.session.LearnerBuild;
import dev.arcade.grader.session.ModuleCompiler;
import dev.arcade.grader.session.TestOutcome;
import dev.arcade.grader.session.TestSession;
import dev.arcade.kit.backend.Backend;
import dev.arcade.runner.Discovery;
import dev.arcade.runner.RunSpec;
import dev.arcade.runner.TestCase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Compiles modules, runs their tests in a grading JVM and turns the outcomes into a report. */
final class Grader {
    /** Which code the tests run against. */
    enum Variant {
        /** The learner's code in {@code module-XX/src/main/java}. */
        LEARNER(""),
        /** The same folder, checked as the course's untouched skeleton by {@code verify}. */
        SKELETON("@skeleton"),
        /** The reference solution in {@code solutions/module-XX/src/main/java}. */
        REFERENCE("@reference");

        final String suffix;

        Variant(String suffix) {
            this.suffix = suffix;
        }
    }

    final CourseLayout layout;
    final List<Path> classpath;
    private final ModuleCompiler compiler;
    private final PristineSkeletons skeletons;

    Grader(CourseLayout layout) {
        this.layout = layout;
        this.classpath = Classpaths.courseModules();
        this.compiler = new ModuleCompiler(classpath);
        this.skeletons = new PristineSkeletons(layout);
    }

    /** Compiles one module's code and tests in one variant (into target/workshop/classes), or reuses Maven's output. */
    Compiled compile(CourseModule m, Variant v, boolean fromMaven) {
        String unit = m.name() + v.suffix;
        if (fromMaven) {
            Path base = v == Variant.REFERENCE ? m.solutionDir() : m.dir();
            return new Compiled(m, unit, base.resolve("target/classes"), base.resolve("target/test-classes"), null);
        }
        Path out = layout.workDir()
                .resolve("classes")
                .resolve(v.name().toLowerCase(java.util.Locale.ROOT))
                .resolve(m.name());
        Path sources = v == Variant.REFERENCE ? m.solutionSources() : m.mainSources();
        Path relativeTo = layout.root();
        if (v == Variant.LEARNER) {
            // a file that does not compile costs only its own exercises: see LearnerBuild
            LearnerBuild.Outcome b = LearnerBuild.build(compiler, m, out, relativeTo, skeletons::find);
            return new Compiled(m, unit, b.main(), b.tests(), b.moduleError(), b.note(), b.diagnostics(), b.broken());
        }
        ModuleCompiler.Result main = compiler.compile(sources, out.resolve("main"), List.of(), relativeTo, null);
        if (!main.ok()) {
            return new Compiled(m, unit, main.classes(), null, main.firstError());
        }
        ModuleCompiler.Result tests = compiler.compile(
                m.testSources(), out.resolve("test"), List.of(main.classes()), relativeTo, m.testResources());
        if (!tests.ok()) {
            String why = v == Variant.LEARNER
                    ? "the tests do not compile against your code (did a class, method or signature change?): "
                    : "the tests do not compile against the " + v.name().toLowerCase(java.util.Locale.ROOT) + ": ";
            return new Compiled(m, unit, main.classes(), tests.classes(), why + tests.firstError());
        }
        return new Compiled(m, unit, main.classes(), tests.classes(), null);
    }

    /** Every test of a module, with exercises and points: from the learner's build, or the reference's when that fails. */
    List<TestCase> catalog(Compiled learner) {
        Compiled source = learner.ok() ? learner : compile(learner.module(), Variant.REFERENCE, false);
        if (!source.ok()) {
            return List.of();
        }
        return Discovery.tests(learner.unit(), source.main(), source.tests());
    }

    /** The reference's tests of {@code exercises}, named as the learner's unit (for exercises whose tests did not run). */
    private List<TestCase> referenceTests(Compiled learner, java.util.Set<String> exercises) {
        Compiled reference = compile(learner.module(), Variant.REFERENCE, false);
        if (!reference.ok()) {
            return List.of();
        }
        return Discovery.tests(learner.unit(), reference.main(), reference.tests()).stream()
                .filter(t -> exercises.contains(t.exercise()))
                .toList();
    }

    /** Test files that differ from the course manifest (nothing if the course has no manifest). */
    List<String> tampered() {
        return Manifest.recorded(layout)
                .map(r -> Manifest.current(layout).testDifferences(r, layout))
                .orElse(List.of());
    }

    /**
     * Scoring modules: compile, run, collect.
     *
     * @param exercise only this exercise's tests (for {@code test 1.3}), or null
     */
    ScoreReport grade(
            List<CourseModule> modules,
            String exercise,
            java.util.function.Supplier<Backend> backendStart,
            boolean showOutput,
            TestSession.Listener listener,
            java.util.function.Consumer<String> step) {
        Timing timing = new Timing();
        List<Compiled> compiled = new ArrayList<>();
        Map<String, List<TestCase>> catalogs = new LinkedHashMap<>();
        for (CourseModule m : modules) {
            step.accept("compiling " + m.name());
            Compiled c = compile(m, Variant.LEARNER, false);
            timing.mark("compile " + m.name());
            compiled.add(c);
            if (!c.ok()) {
                // no run will list this module's tests: find them in the reference build instead
                catalogs.put(m.name(), catalog(c));
                timing.mark("discover " + m.name());
            }
        }
        Backend[] started = new Backend[1];
        java.util.function.Supplier<Backend> ready = () -> {
            if (started[0] == null) {
                started[0] = backendStart.get();
                timing.mark("backend ready");
            }
            return started[0];
        };
        List<RunSpec.Unit> units = compiled.stream()
                .filter(Compiled::ok)
                .filter(c -> exercise == null || !c.broken().containsKey(exercise))
                .map(Compiled::toUnit)
                .toList();
        // the tests of an exercise that does not compile run against its skeleton: nobody hears of them
        java.util.function.Predicate<TestCase> broken = t -> compiled.stream()
                .anyMatch(c -> c.unit().equals(t.unit()) && c.broken().containsKey(t.exercise()));
        Map<String, TestOutcome> outcomes = new HashMap<>();
        if (!units.isEmpty()) {
            step.accept("running tests");
            TestSession session = new TestSession(classpath, ready, layout.workDir(), showOutput);
            TestSession.Listener heard = new TestSession.Listener() {
                @Override
                public void planned(TestCase test) {
                    if (!broken.test(test)) {
                        listener.planned(test);
                    }
                }

                @Override
                public void started(TestCase test) {
                    if (!broken.test(test)) {
                        listener.started(test);
                    }
                }

                @Override
                public void finished(TestOutcome o) {
                    if (!broken.test(o.test())) {
                        listener.finished(o);
                    }
                }
            };
            List<TestOutcome> ran = session.run(units, exercise, heard);
            for (TestOutcome o : BackendGone.reclassify(ran, ready.get().endpoint(), BackendGone::answers)) {
                if (!broken.test(o.test())) {
                    outcomes.put(o.test().key(), o);
                }
                catalogs.computeIfAbsent(o.test().unit(), k -> new ArrayList<>())
                        .add(o.test());
            }
            timing.mark("tests");
        }
        for (Compiled c : compiled) {
            // an exercise whose tests did not compile (or did not run) is listed with the reference's tests
            java.util.Set<String> unlisted = new java.util.HashSet<>(c.broken().keySet());
            catalogs.getOrDefault(c.unit(), List.of()).forEach(t -> unlisted.remove(t.exercise()));
            if (c.ok() && !unlisted.isEmpty()) {
                catalogs.computeIfAbsent(c.unit(), k -> new ArrayList<>()).addAll(referenceTests(c, unlisted));
            }
        }
        List<ModuleResult> results = new ArrayList<>();
        for (Compiled c : compiled) {
            List<TestCase> catalog = catalogs.getOrDefault(c.module().name(), List.of());
            if (exercise != null) {
                catalog = catalog.stream()
                        .filter(t -> exercise.equals(t.exercise()))
                        .toList();
            }
            results.add(Scoring.module(
                    c.module(),
                    catalog,
                    outcomes,
                    Lesson.exerciseTitles(c.module().lesson()),
                    c.error(),
                    c.note(),
                    c.diagnostics(),
                    c.broken()));
        }
        Backend backend = ready.get();
        return new ScoreReport(backend.describe(), backend.kind().id(), Instant.now(), tampered(), results);
    }

    /** With {@code WORKSHOP_TIMING=1}, prints how long each phase took, to stderr (for benchmarks/bench.sh). */
    static final class Timing {
        private static final long NANOS_PER_MILLI = 1_000_000;
        private final boolean on = "1".equals(System.getenv("WORKSHOP_TIMING"));
        private long last = System.nanoTime();

        void mark(String phase) {
            long now = System.nanoTime();
            if (on) {
                System.err.printf("[timing] %-32s %6d ms%n", phase, (now - last) / NANOS_PER_MILLI);
            }
            last = now;
        }
    }

    /** Creates the work folder. */
    Path workDir() throws java.io.IOException {
        return Files.createDirectories(layout.workDir());
    }
}
