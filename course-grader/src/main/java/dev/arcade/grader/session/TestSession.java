package dev.arcade.grader.session;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arcade.kit.backend.Backend;
import dev.arcade.kit.backend.InheritedBackend;
import dev.arcade.kit.backend.Proxies;
import dev.arcade.runner.GradingRunner;
import dev.arcade.runner.RunEvent;
import dev.arcade.runner.RunSpec;
import dev.arcade.runner.TestCase;
import dev.arcade.runner.TestStatus;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Runs compiled modules in a grading JVM and collects every test's outcome, whatever the code
 * under test does to that JVM.
 *
 * <p>If the JVM ends early (learner code called {@code System.exit}, or it was halted after a
 * timeout so that a runaway thread stops eating a core), the test that was running is marked
 * crashed and a new JVM carries on with the tests not yet done. The backend is this JVM's and is
 * handed to each grading JVM, so a restart does not restart the emulator.
 */
public final class TestSession {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** How often, in milliseconds, the grading JVM's event file is read while it runs. */
    private static final long POLL_INTERVAL_MS = 25;

    /** After this many grading JVMs (in one run) that ended no test, what is left is marked crashed. */
    private static final int MAX_FRUITLESS_JVMS = 2;

    private static final long NANOS_PER_MILLI = 1_000_000;

    /** {@code WORKSHOP_TIMING=1}: print when the grading JVM got going, to stderr (for benchmarks/bench.sh). */
    private static final boolean TIMING = "1".equals(System.getenv("WORKSHOP_TIMING"));

    /** Hears about tests as they are planned and finish, for progress displays. */
    public interface Listener {
        /** A test that will run. */
        default void planned(TestCase test) {}

        /** A test is starting. */
        default void started(TestCase test) {}

        /** A test ended. */
        default void finished(TestOutcome outcome) {}
    }

    private final List<Path> classpath;
    private final java.util.function.Supplier<Backend> backendReady;
    private Backend backend;
    private final Path workDir;
    private final boolean showOutput;

    /**
     * A session with a backend that may still be starting: the first grading JVM boots meanwhile and
     * is told what to run once it is ready.
     *
     * @param classpath the kit's classpath, for the grading JVM
     * @param backendReady the backend, handed to the grading JVM; waits until it runs
     * @param workDir where specs, events and the output log go
     * @param showOutput pass what the tests print straight through (for {@code test}); otherwise it goes to a log
     */
    public TestSession(
            List<Path> classpath, java.util.function.Supplier<Backend> backendReady, Path workDir, boolean showOutput) {
        this.classpath = classpath;
        this.backendReady = backendReady;
        this.workDir = workDir;
        this.showOutput = showOutput;
    }

    /** The file that holds what the code under test printed, when not shown. */
    public Path outputLog() {
        return workDir.resolve("output.log");
    }

    /** Runs the units (all their tests, or one exercise's) and returns every test's outcome, in run order. */
    public List<TestOutcome> run(List<RunSpec.Unit> units, String exercise, Listener listener) {
        Run run = new Run(units, exercise, listener);
        try {
            Files.createDirectories(workDir);
            Files.deleteIfExists(outputLog());
            int jvm = 1;
            while (!run.inJvm(jvm)) {
                jvm++; // the grading JVM ended early: go on in a new one with the tests not yet done
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        return run.results();
    }

    /** One {@link #run}: what was planned and what ended, across the grading JVMs it takes. */
    private final class Run {
        private final List<RunSpec.Unit> units;
        private final String exercise;
        private final Listener listener;
        private final Map<String, TestCase> planned = new LinkedHashMap<>();
        private final Map<String, TestOutcome> outcomes = new LinkedHashMap<>();
        /** Keys of the tests done, which later JVMs skip. */
        private final Set<String> skip = new LinkedHashSet<>();
        /** Grading JVMs of this run that ended no test. */
        private int fruitless;

        // the current grading JVM
        private long spawned;
        private long firstEvent;
        private String inFlight;
        private TestOutcome lastStopper;
        private boolean done;

        Run(List<RunSpec.Unit> units, String exercise, Listener listener) {
            this.units = units;
            this.exercise = exercise;
            this.listener = listener;
        }

        /**
         * Runs what is left in grading JVM number {@code n}; returns whether the run is over (the JVM
         * finished normally, or JVMs stopped making progress), false when another JVM must go on.
         */
        boolean inJvm(int n) throws IOException, InterruptedException {
            Path events = freshFile("events-" + n + ".jsonl");
            Path specFile = workDir.resolve("run-" + n + ".json");
            Files.deleteIfExists(specFile);
            spawned = System.nanoTime();
            firstEvent = 0;
            inFlight = null;
            lastStopper = null;
            done = false;
            Process jvm = start(specFile);
            awaitBackend(jvm);
            writeSpec(
                    specFile,
                    new RunSpec(
                            events.toString(),
                            InheritedBackend.encode(backend),
                            units,
                            List.copyOf(skip),
                            exercise,
                            true));
            int before = outcomes.size();
            follow(jvm, new Tail(events));
            if (done) {
                return true;
            }
            int exit = jvm.exitValue();
            crashInFlight(exit);
            if (lastStopper != null
                    && (exit == GradingRunner.HALTED_AFTER_TIMEOUT || lastStopper.status() == TestStatus.CRASHED)) {
                // every other test of this exercise would most likely stop the JVM the same way and
                // cost a restart (or the whole time limit) again: report them with the first
                notRunAfter(lastStopper);
            }
            if (outcomes.size() == before) {
                fruitless++;
            }
            if (fruitless >= MAX_FRUITLESS_JVMS) {
                giveUp(exit);
                return true;
            }
            return false;
        }

        /** The first JVM boots while the backend starts; it waits for its spec until the backend is ready. */
        private void awaitBackend(Process jvm) {
            if (backend == null) {
                try {
                    backend = backendReady.get();
                } catch (RuntimeException e) {
                    jvm.destroyForcibly();
                    throw e;
                }
            }
        }

        /** Reads the JVM's events as they come, until it exits. */
        private void follow(Process jvm, Tail tail) throws IOException, InterruptedException {
            while (true) {
                boolean alive = jvm.isAlive();
                for (RunEvent e : tail.read()) {
                    handle(e);
                }
                if (!alive) {
                    break;
                }
                jvm.waitFor(POLL_INTERVAL_MS, TimeUnit.MILLISECONDS);
            }
            timing("exited");
        }

        private void handle(RunEvent e) {
            if (firstEvent == 0) {
                firstEvent = System.nanoTime();
                timing("first event");
            }
            switch (e.type()) {
                case RunEvent.PLAN -> {
                    TestCase t = TestCase.of(e);
                    if (planned.putIfAbsent(t.key(), t) == null) {
                        listener.planned(t);
                    }
                }
                case RunEvent.START -> {
                    inFlight = e.unit() + "|" + e.id();
                    TestCase t = planned.get(inFlight);
                    if (t != null) {
                        listener.started(t);
                    }
                }
                case RunEvent.END -> ended(e);
                case RunEvent.DONE -> {
                    done = true;
                    timing("done");
                }
                default -> {}
            }
        }

        private void ended(RunEvent e) {
            String key = e.unit() + "|" + e.id();
            TestCase t = planned.get(key);
            if (t != null && !outcomes.containsKey(key)) {
                TestOutcome o = new TestOutcome(
                        t,
                        e.status(),
                        e.message(),
                        e.exception(),
                        e.location(),
                        e.durationMs() == null ? 0 : e.durationMs());
                record(o);
                if (o.status() == TestStatus.TIMED_OUT) {
                    lastStopper = o;
                }
            }
            skip.add(key);
            if (key.equals(inFlight)) {
                inFlight = null;
            }
        }

        /** The test that was running when the JVM ended (not after a timeout: that one ended) crashed it. */
        private void crashInFlight(int exit) {
            if (inFlight != null && !outcomes.containsKey(inFlight)) {
                TestOutcome o = TestOutcome.withoutException(
                        planned.get(inFlight),
                        TestStatus.CRASHED,
                        "the JVM stopped during this test (exit status " + exit + "): does your code call System.exit"
                                + " or Runtime.halt? Throw an exception instead.");
                skip.add(inFlight);
                record(o);
                lastStopper = o;
            }
        }

        /** The other tests of the stopper's exercise are not run, and get its status. */
        private void notRunAfter(TestOutcome stopper) {
            TestCase first = stopper.test();
            String why = stopper.status() == TestStatus.TIMED_OUT
                    ? "already ran out of time in this exercise; fix the endless loop (or endless wait) first"
                    : "already stopped the JVM in this exercise; remove the System.exit first";
            for (TestCase t : planned.values()) {
                if (!outcomes.containsKey(t.key())
                        && t.unit().equals(first.unit())
                        && !t.exercise().isEmpty()
                        && t.exercise().equals(first.exercise())) {
                    skip.add(t.key());
                    record(TestOutcome.withoutException(
                            t, stopper.status(), "not run: \"" + first.displayName() + "\" " + why));
                }
            }
        }

        /** Nothing moves: what is left is marked crashed rather than looped on. */
        private void giveUp(int exit) {
            for (TestCase t : planned.values()) {
                if (!outcomes.containsKey(t.key())) {
                    record(TestOutcome.withoutException(
                            t,
                            TestStatus.CRASHED,
                            "the grading JVM stopped (exit status " + exit + ") before this test could run; see "
                                    + outputLog()));
                }
            }
            if (planned.isEmpty()) {
                throw new IllegalStateException("The grading JVM stopped (exit status " + exit
                        + ") before it found any test; see " + outputLog());
            }
        }

        private void record(TestOutcome o) {
            outcomes.put(o.test().key(), o);
            listener.finished(o);
        }

        /** Every planned test's outcome, in plan order. */
        List<TestOutcome> results() {
            List<TestOutcome> result = new ArrayList<>();
            for (TestCase t : planned.values()) {
                TestOutcome o = outcomes.get(t.key());
                if (o != null) {
                    result.add(o);
                }
            }
            return result;
        }

        /** With {@code WORKSHOP_TIMING=1}, prints how long after its start the grading JVM reached {@code what}. */
        private void timing(String what) {
            if (TIMING) {
                System.err.printf(
                        "[timing]   grading JVM: %s after %d ms%n",
                        what, (System.nanoTime() - spawned) / NANOS_PER_MILLI);
            }
        }
    }

    private Path freshFile(String name) throws IOException {
        Path file = workDir.resolve(name);
        Files.deleteIfExists(file);
        return Files.createFile(file);
    }

    /** Written whole, then renamed: the grading JVM starts reading only a complete spec. */
    private void writeSpec(Path specFile, RunSpec spec) throws IOException {
        Path partial = specFile.resolveSibling(specFile.getFileName() + ".partial");
        JSON.writeValue(partial.toFile(), spec);
        Files.move(partial, specFile, StandardCopyOption.ATOMIC_MOVE);
    }

    private Process start(Path spec) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // grading JVMs live for seconds: C1 only and the serial collector start fastest
        cmd.addAll(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto", "-Dfile.encoding=UTF-8"));
        cmd.add("-cp");
        cmd.add(String.join(
                java.io.File.pathSeparator,
                classpath.stream().map(Path::toString).toList()));
        cmd.add(GradingRunner.class.getName());
        cmd.add(spec.toString());
        ProcessBuilder pb = new ProcessBuilder(cmd);
        // The grading JVM talks only to the emulator on this machine: a proxy meant for the internet would only
        // refuse those calls, and the learner's AWS settings are not the course's (docs/troubleshooting.md).
        Proxies.removeFrom(pb.environment());
        pb.environment().keySet().removeIf(k -> k.startsWith("AWS_"));
        pb.environment().put("AWS_EMF_ENVIRONMENT", "Local"); // EMF must never probe the EC2 metadata address
        if (showOutput) {
            pb.inheritIO();
        } else {
            pb.redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(outputLog().toFile()));
        }
        pb.redirectInput(ProcessBuilder.Redirect.PIPE);
        Process p = pb.start();
        p.getOutputStream().close(); // learner code that reads stdin gets end-of-file, not a hang
        return p;
    }

    /** Reads complete new lines of a file that another process appends to (split only at newline bytes). */
    private static final class Tail {
        private final Path file;
        private long position;
        private byte[] partial = new byte[0];

        Tail(Path file) {
            this.file = file;
        }

        List<RunEvent> read() throws IOException {
            List<RunEvent> events = new ArrayList<>();
            byte[] bytes;
            try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
                long length = raf.length();
                if (length <= position) {
                    return events;
                }
                bytes = new byte[partial.length + (int) (length - position)];
                System.arraycopy(partial, 0, bytes, 0, partial.length);
                raf.seek(position);
                raf.readFully(bytes, partial.length, (int) (length - position));
                position = length;
            }
            int start = 0;
            for (int i = 0; i < bytes.length; i++) {
                if (bytes[i] == '\n') {
                    String line = new String(bytes, start, i - start, StandardCharsets.UTF_8).strip();
                    if (!line.isEmpty()) {
                        events.add(JSON.readValue(line, RunEvent.class));
                    }
                    start = i + 1;
                }
            }
            partial = java.util.Arrays.copyOfRange(bytes, start, bytes.length);
            return events;
        }
    }
}
