package dev.arcade.kit.testing;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a main class of the test classpath in a fresh JVM, with an environment the test chooses. */
public final class ForkedJvm {
    private ForkedJvm() {}

    /** The classpath of this test run (surefire hides it behind a manifest jar, but names it in a property). */
    public static String classpath() {
        String cp = System.getProperty("surefire.test.class.path");
        return cp != null && !cp.isBlank() ? cp : System.getProperty("java.class.path");
    }

    /** Starts {@code mainClass} with {@code env} added to (or, for null values, removed from) this environment. */
    public static Process start(Class<?> mainClass, Map<String, String> env, String... args) throws IOException {
        return start(null, mainClass, env, args);
    }

    /** Like {@link #start(Class, Map, String...)}, in working directory {@code dir} (null: this one). */
    public static Process start(Path dir, Class<?> mainClass, Map<String, String> env, String... args)
            throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-XX:TieredStopAtLevel=1");
        cmd.add("-cp");
        cmd.add(classpath());
        cmd.add(mainClass.getName());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        if (dir != null) {
            pb.directory(dir.toFile());
        }
        env.forEach((k, v) -> {
            if (v == null) {
                pb.environment().remove(k);
            } else {
                pb.environment().put(k, v);
            }
        });
        pb.environment().keySet().removeIf(k -> k.startsWith("WORKSHOP_"));
        return pb.start();
    }

    /** Runs it to the end (at most two minutes) and returns what it printed. */
    public static String run(Class<?> mainClass, Map<String, String> env, String... args)
            throws IOException, InterruptedException {
        return runIn(null, mainClass, env, args).output();
    }

    /** What a finished JVM printed, and its exit status. */
    public record Result(int exit, String output) {}

    /** Runs {@code mainClass} in {@code dir} to the end (at most two minutes). */
    public static Result runIn(Path dir, Class<?> mainClass, Map<String, String> env, String... args)
            throws IOException, InterruptedException {
        Process p = start(dir, mainClass, env, args);
        // drained beside the wait: reading to the end first would wait for ever on a JVM that never ends
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Thread drain = new Thread(() -> {
            try {
                p.getInputStream().transferTo(out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        drain.start();
        boolean ended = p.waitFor(120, TimeUnit.SECONDS);
        if (!ended) {
            p.destroyForcibly().waitFor();
        }
        drain.join();
        return new Result(ended ? p.exitValue() : -1, out.toString(StandardCharsets.UTF_8));
    }

    /** A path separator-joined string, for tests that build a PATH. */
    public static String path(String... dirs) {
        return String.join(File.pathSeparator, dirs);
    }
}
