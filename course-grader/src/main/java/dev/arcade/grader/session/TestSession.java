package dev.arcade.grader.session;

import dev.arcade.runner.GradingRunner;
import dev.arcade.runner.RunEvent;
import dev.arcade.runner.RunSpec;
import dev.arcade.runner.TestCase;
import dev.arcade.runner.TestStatus;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arcade.kit.backend.Backend;
import dev.arcade.kit.backend.InheritedBackend;
import java.io.IOException;
import java.io.RandomAccessFile;
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
     * @param classpath the kit's classpath, for the grading JVM
     * @param backend the running backend, handed to the grading JVM
     * @param workDir where specs, events and the output log go
     * @param showOutput pass what the tests print straight through (for {@code test}); otherwise it goes to a log
     */
    public TestSession(List<Path> classpath, Backend backend, Path workDir, boolean showOutput) {
        this(classpath, () -> backend, workDir, showOutput);
    }

    /**
     * Like {@link #TestSession(List, Backend, Path, boolean)}, with a backend that may still be
     * starting: the first grading JVM boots meanwhile and is told what to run once it is ready.
     */
    public TestSession(List<Path> classpath, java.util.function.Supplier<Backend> backendReady, Path workDir,
            boolean showOutput) {
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
        Map<String, TestCase> planned = new LinkedHashMap<>();
        Map<String, TestOutcome> outcomes = new LinkedHashMap<>();
        Set<String> skip = new LinkedHashSet<>();
        try {
            Files.createDirectories(workDir);
            Files.deleteIfExists(outputLog());
            int run = 0;
            int fruitless = 0;
            while (true) {
                run++;
                Path events = workDir.resolve("events-" + run + ".jsonl");
                Files.deleteIfExists(events);
                Files.createFile(events);
                Path specFile = workDir.resolve("run-" + run + ".json");
                Files.deleteIfExists(specFile);
                long spawned = System.nanoTime();
                Process jvm = start(specFile);
                if (backend == null) {
                    try {
                        backend = backendReady.get();
                    } catch (RuntimeException e) {
                        jvm.destroyForcibly();
                        throw e;
                    }
                }
                // written whole, then renamed: the grading JVM starts reading only a complete spec
                Path partial = workDir.resolve("run-" + run + ".json.partial");
                JSON.writeValue(partial.toFile(), new RunSpec(events.toString(), InheritedBackend.encode(backend), units,
                        List.copyOf(skip), exercise, true));
                Files.move(partial, specFile, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                Tail tail = new Tail(events);
                boolean timing = "1".equals(System.getenv("WORKSHOP_TIMING"));
                long firstEvent = 0;
                String inFlight = null;
                TestOutcome lastStopper = null;
                boolean done = false;
                int before = outcomes.size();
                while (true) {
                    boolean alive = jvm.isAlive();
                    for (RunEvent e : tail.read()) {
                        if (timing && firstEvent == 0) {
                            firstEvent = System.nanoTime();
                            System.err.printf("[timing]   grading JVM: first event after %d ms%n", (firstEvent - spawned) / 1_000_000);
                        }
                        switch (e.type()) {
                            case "plan" -> {
                                TestCase t = TestCase.of(e);
                                if (planned.putIfAbsent(t.key(), t) == null) {
                                    listener.planned(t);
                                }
                            }
                            case "start" -> {
                                inFlight = e.unit() + "|" + e.id();
                                TestCase t = planned.get(inFlight);
                                if (t != null) {
                                    listener.started(t);
                                }
                            }
                            case "end" -> {
                                String key = e.unit() + "|" + e.id();
                                TestCase t = planned.get(key);
                                if (t != null && !outcomes.containsKey(key)) {
                                    TestOutcome o = new TestOutcome(t, e.status(), e.message(), e.exception(),
                                            e.location(), e.durationMs() == null ? 0 : e.durationMs());
                                    outcomes.put(key, o);
                                    listener.finished(o);
                                    if (o.status() == TestStatus.TIMED_OUT) {
                                        lastStopper = o;
                                    }
                                }
                                skip.add(key);
                                if (key.equals(inFlight)) {
                                    inFlight = null;
                                }
                            }
                            case "done" -> {
                                done = true;
                                if (timing) {
                                    System.err.printf("[timing]   grading JVM: done after %d ms%n", (System.nanoTime() - spawned) / 1_000_000);
                                }
                            }
                            default -> { }
                        }
                    }
                    if (!alive) {
                        break;
                    }
                    jvm.waitFor(25, TimeUnit.MILLISECONDS);
                }
                if (timing) {
                    System.err.printf("[timing]   grading JVM: exited after %d ms%n", (System.nanoTime() - spawned) / 1_000_000);
                }
                if (done) {
                    break;
                }
                int exit = jvm.exitValue();
                if (inFlight != null && !outcomes.containsKey(inFlight)) {
                    TestCase t = planned.get(inFlight);
                    TestOutcome o = new TestOutcome(t, TestStatus.CRASHED, "the JVM stopped during this test (exit status "
                            + exit + "): does your code call System.exit or Runtime.halt? Throw an exception instead.",
                            null, null, 0);
                    outcomes.put(inFlight, o);
                    skip.add(inFlight);
                    listener.finished(o);
                    lastStopper = o;
                }
                if (lastStopper != null && (exit == GradingRunner.HALTED_AFTER_TIMEOUT
                        || lastStopper.status() == TestStatus.CRASHED)) {
                    // every other test of this exercise would most likely stop the JVM the same way and
                    // cost a restart (or the whole time limit) again: report them with the first
                    notRunAfter(lastStopper, planned, outcomes, skip, listener);
                }
                if (outcomes.size() == before) {
                    fruitless++;
                }
                if (fruitless >= 2) {
                    // nothing moves: mark what is left as crashed rather than loop
                    for (TestCase t : planned.values()) {
                        if (!outcomes.containsKey(t.key())) {
                            TestOutcome o = new TestOutcome(t, TestStatus.CRASHED, "the grading JVM stopped (exit status "
                                    + exit + ") before this test could run; see " + outputLog(), null, null, 0);
                            outcomes.put(t.key(), o);
                            listener.finished(o);
                        }
                    }
                    if (planned.isEmpty()) {
                        throw new IllegalStateException("The grading JVM stopped (exit status " + exit
                                + ") before it found any test; see " + outputLog());
                    }
                    break;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        List<TestOutcome> result = new ArrayList<>();
        for (TestCase t : planned.values()) {
            TestOutcome o = outcomes.get(t.key());
            if (o != null) {
                result.add(o);
            }
        }
        return result;
    }

    private static void notRunAfter(TestOutcome stopper, Map<String, TestCase> planned, Map<String, TestOutcome> outcomes,
            Set<String> skip, Listener listener) {
        TestCase first = stopper.test();
        String why = stopper.status() == TestStatus.TIMED_OUT
                ? "already ran out of time in this exercise; fix the endless loop (or endless wait) first"
                : "already stopped the JVM in this exercise; remove the System.exit first";
        for (TestCase t : planned.values()) {
            if (!outcomes.containsKey(t.key()) && t.unit().equals(first.unit()) && !t.exercise().isEmpty()
                    && t.exercise().equals(first.exercise())) {
                TestOutcome o = new TestOutcome(t, stopper.status(), "not run: \"" + first.displayName() + "\" " + why,
                        null, null, 0);
                outcomes.put(t.key(), o);
                skip.add(t.key());
                listener.finished(o);
            }
        }
    }

    private Process start(Path spec) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // grading JVMs live for seconds: C1 only and the serial collector start fastest
        cmd.addAll(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto", "-Dfile.encoding=UTF-8"));
        cmd.add("-cp");
        cmd.add(String.join(java.io.File.pathSeparator, classpath.stream().map(Path::toString).toList()));
        cmd.add(GradingRunner.class.getName());
        cmd.add(spec.toString());
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("AWS_EMF_ENVIRONMENT", "Local"); // EMF must never probe the EC2 metadata address
        if (showOutput) {
            pb.inheritIO();
        } else {
            pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(outputLog().toFile()));
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
