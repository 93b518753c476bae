package dev.arcade.runner;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathRoots;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arcade.kit.backend.InheritedBackend;
import dev.arcade.kit.sdk.JvmState;
import java.io.BufferedWriter;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.PostDiscoveryFilter;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The grading JVM: runs the tests of compiled modules with the JUnit Platform and writes one JSON
 * event per line for the grader, which survives this JVM if learner code ends it.
 *
 * <p>Each module gets its own class loader, because a module and its reference solution have the
 * same class names. The kit (and the backend) live in the parent loader and are shared.
 */
public final class GradingRunner {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Exit status after a timed-out test, so the grader knows to go on in a new JVM. */
    public static final int HALTED_AFTER_TIMEOUT = 77;

    /** Exit status when the grader never wrote the spec. */
    static final int NO_SPEC = 3;

    /** How long, in seconds, this JVM waits for the grader's spec (the backend starts meanwhile). */
    static final long SPEC_WAIT_SECONDS = 120;

    /** How often, in milliseconds, this JVM looks for the spec while it waits. */
    static final long SPEC_POLL_MS = 10;

    private static final long NANOS_PER_MILLI = 1_000_000;

    private GradingRunner() {}

    /**
     * Runs the {@link RunSpec} whose JSON file is {@code args[0]}. The grader starts this JVM while the
     * emulator is still booting and writes the spec once it is ready, so the two starts overlap.
     */
    public static void main(String[] args) throws Exception {
        Path specFile = Path.of(args[0]);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SPEC_WAIT_SECONDS);
        while (!Files.isRegularFile(specFile)) {
            if (System.nanoTime() > deadline) {
                System.err.println("workshop: the grader never said what to run (" + specFile + "); giving up.");
                System.exit(NO_SPEC);
            }
            Thread.sleep(SPEC_POLL_MS);
        }
        RunSpec spec = JSON.readValue(specFile.toFile(), RunSpec.class);
        System.setProperty(InheritedBackend.PROPERTY, spec.backend());
        try (BufferedWriter out = Files.newBufferedWriter(
                Path.of(spec.events()), StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            Events events = new Events(out);
            for (RunSpec.Unit unit : spec.units()) {
                runIsolated(unit, new HashSet<>(spec.skip()), spec, events::writeLine);
                events.write(RunEvent.unitDone(unit.name()));
            }
            events.write(RunEvent.done());
        }
        // Abandoned timeout threads are not daemons: without an explicit exit this JVM would never end.
        System.exit(0);
    }

    /**
     * Runs one unit in a class loader of its own that holds everything (its classes, the kit, the SDK,
     * JUnit) above the platform loader, as a plain classpath would. A module and its reference have
     * the same class names, so they cannot share a loader; and the SDK must share the module's, or
     * code that generates classes against the module's (the Enhanced Client's bean schemas) fails
     * with NoClassDefFoundError.
     */
    private static void runIsolated(RunSpec.Unit unit, Set<String> skip, RunSpec spec, Consumer<String> sink)
            throws Exception {
        List<URL> urls = new ArrayList<>();
        urls.add(Path.of(unit.testClasses()).toUri().toURL());
        if (unit.mainClasses() != null) {
            urls.add(Path.of(unit.mainClasses()).toUri().toURL());
        }
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                urls.add(Path.of(entry).toUri().toURL());
            }
        }
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try (URLClassLoader loader =
                new URLClassLoader(unit.name(), urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
            Thread.currentThread().setContextClassLoader(loader);
            Method run = loader.loadClass(GradingRunner.class.getName())
                    .getMethod(
                            "runUnit",
                            String.class,
                            String.class,
                            String.class,
                            Set.class,
                            String.class,
                            boolean.class,
                            Consumer.class);
            run.invoke(
                    null,
                    unit.name(),
                    unit.mainClasses(),
                    unit.testClasses(),
                    skip,
                    spec.exercise(),
                    spec.haltOnTimeout(),
                    sink);
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    /**
     * Runs one unit's tests; called reflectively inside the unit's own class loader, so everything
     * here (JUnit, the kit, the backend connection) is that loader's. Only JDK types cross over.
     */
    public static void runUnit(
            String unit,
            String mainClasses,
            String testClasses,
            Set<String> skip,
            String exercise,
            boolean haltOnTimeout,
            Consumer<String> sink) {
        Path tests = Path.of(testClasses);
        Path main = mainClasses == null ? null : Path.of(mainClasses);
        ClassLoader loader = GradingRunner.class.getClassLoader();
        JvmState.backend();
        prewarm();
        PostDiscoveryFilter filter = descriptor -> {
            if (descriptor.isTest() && skip.contains(unit + "|" + descriptor.getUniqueId())) {
                return FilterResult.excluded("done in an earlier run");
            }
            if (exercise != null
                    && descriptor.isTest()
                    && descriptor
                            .getSource()
                            .filter(MethodSource.class::isInstance)
                            .isPresent()) {
                TestCase t = TestMetadata.describe(unit, TestIdentifier.from(descriptor), loader);
                if (!exercise.equals(t.exercise())) {
                    return FilterResult.excluded("another exercise");
                }
            }
            return FilterResult.included("selected");
        };
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClasspathRoots(Set.of(tests)))
                .filters(filter)
                .build();
        Events events = new Events(sink);
        LauncherFactory.create().execute(request, new Listener(unit, loader, main, events, haltOnTimeout));
    }

    /**
     * Loads and initialises the SDK (HTTP client, signer, marshallers) on the other core while JUnit
     * discovers the tests, so the first test does not pay for it. Uses the kit's client: not recorded.
     */
    private static void prewarm() {
        Thread t = new Thread(
                () -> {
                    try {
                        JvmState.clients().dynamoDb().listTables(r -> r.limit(1));
                    } catch (RuntimeException | LinkageError e) {
                        // only a head start; the tests will say if the backend is unwell
                    }
                },
                "workshop-prewarm");
        t.setDaemon(true);
        t.start();
    }

    /** Writes events, one flushed JSON line each, so the grader sees them even if the JVM dies next. */
    static final class Events {
        private final Consumer<String> sink;

        Events(BufferedWriter out) {
            this.sink = line -> {
                try {
                    synchronized (out) {
                        out.write(line);
                        out.write('\n');
                        out.flush();
                    }
                } catch (IOException ex) {
                    throw new UncheckedIOException(ex);
                }
            };
        }

        Events(Consumer<String> sink) {
            this.sink = sink;
        }

        void writeLine(String line) {
            sink.accept(line);
        }

        void write(RunEvent e) {
            try {
                sink.accept(JSON.writeValueAsString(e));
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
    }

    private static final class Listener implements TestExecutionListener {
        private final String unit;
        private final ClassLoader loader;
        private final Path main;
        private final Events events;
        private final boolean haltOnTimeout;
        private final Map<String, TestCase> tests = new HashMap<>();
        private final Map<String, Long> started = new HashMap<>();
        private final Set<String> ended = new HashSet<>();
        private TestPlan plan;

        Listener(String unit, ClassLoader loader, Path main, Events events, boolean haltOnTimeout) {
            this.unit = unit;
            this.loader = loader;
            this.main = main;
            this.events = events;
            this.haltOnTimeout = haltOnTimeout;
        }

        @Override
        public void testPlanExecutionStarted(TestPlan testPlan) {
            plan = testPlan;
            for (TestIdentifier root : testPlan.getRoots()) {
                for (TestIdentifier id : testPlan.getDescendants(root)) {
                    if (id.isTest()) {
                        TestCase t = TestMetadata.describe(unit, id, loader);
                        tests.put(id.getUniqueId(), t);
                        events.write(RunEvent.planned(t));
                    }
                }
            }
        }

        @Override
        public void executionStarted(TestIdentifier id) {
            if (id.isTest()) {
                if (!tests.containsKey(id.getUniqueId())) { // a dynamic test, found while running
                    TestCase t = TestMetadata.describe(unit, id, loader);
                    tests.put(id.getUniqueId(), t);
                    events.write(RunEvent.planned(t));
                }
                started.put(id.getUniqueId(), System.nanoTime());
                events.write(RunEvent.started(unit, id.getUniqueId()));
            }
        }

        @Override
        public void executionSkipped(TestIdentifier id, String reason) {
            for (TestIdentifier t : testsUnder(id)) {
                String why = reason == null ? "skipped" : reason;
                end(t, TestStatus.NOT_GRADABLE, why, null, null);
            }
        }

        @Override
        public void executionFinished(TestIdentifier id, TestExecutionResult result) {
            if (id.isTest()) {
                finish(id, result);
                return;
            }
            if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
                // a class that could not start (its @BeforeAll, or a static initialiser, failed): its tests never ran
                for (TestIdentifier t : testsUnder(id)) {
                    if (!ended.contains(t.getUniqueId())) {
                        finish(t, result);
                    }
                }
            }
        }

        private void finish(TestIdentifier id, TestExecutionResult result) {
            switch (result.getStatus()) {
                case SUCCESSFUL -> end(id, TestStatus.PASSED, null, null, null);
                case ABORTED ->
                    end(
                            id,
                            TestStatus.NOT_GRADABLE,
                            result.getThrowable().map(Throwable::getMessage).orElse("aborted"),
                            null,
                            null);
                case FAILED -> {
                    Throwable t = result.getThrowable().orElse(new AssertionError("failed"));
                    FailureClassifier.Verdict v = FailureClassifier.classify(t, tests.get(id.getUniqueId()), main);
                    end(id, v.status(), v.message(), v.exception(), v.location());
                    if (v.status() == TestStatus.TIMED_OUT && haltOnTimeout) {
                        // its thread spins on: start afresh rather than share the CPU with it
                        Runtime.getRuntime().halt(HALTED_AFTER_TIMEOUT);
                    }
                }
            }
        }

        private void end(TestIdentifier id, TestStatus status, String message, String exception, String location) {
            String uid = id.getUniqueId();
            if (!ended.add(uid)) {
                return;
            }
            Long t0 = started.get(uid);
            long ms = t0 == null ? 0 : (System.nanoTime() - t0) / NANOS_PER_MILLI;
            events.write(RunEvent.ended(unit, uid, status, message, exception, location, ms));
        }

        private Iterable<TestIdentifier> testsUnder(TestIdentifier id) {
            if (id.isTest()) {
                return Set.of(id);
            }
            return plan.getDescendants(id).stream().filter(TestIdentifier::isTest)::iterator;
        }
    }
}
