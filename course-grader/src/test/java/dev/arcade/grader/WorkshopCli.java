package dev.arcade.grader;

import dev.arcade.grader.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs {@code ./workshop}'s command line in a fresh JVM on a course folder, as a learner would. */
final class WorkshopCli {
    private static final long LIMIT_SECONDS = 120;

    private WorkshopCli() {}

    /** What the command printed (stdout and stderr together), and its exit status (-1: killed after two minutes). */
    record Result(int exit, String output) {}

    /** Runs {@code ./workshop args} in {@code course} with {@code env} added; no WORKSHOP_* variable of this JVM leaks in. */
    static Result run(Path course, Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1",
                "-cp",
                classpath(),
                Main.class.getName()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).directory(course.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("WORKSHOP_"));
        pb.environment().putAll(env);
        return run(pb);
    }

    /** Starts {@code pb} (with its error stream redirected), collects what it prints, and kills it after two minutes. */
    static Result run(ProcessBuilder pb) throws IOException, InterruptedException {
        Process p = pb.start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Thread drain = new Thread(() -> {
            try {
                p.getInputStream().transferTo(out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        drain.start();
        boolean ended = p.waitFor(LIMIT_SECONDS, TimeUnit.SECONDS);
        if (!ended) {
            p.destroyForcibly().waitFor();
        }
        drain.join();
        return new Result(ended ? p.exitValue() : -1, out.toString(StandardCharsets.UTF_8));
    }

    /** The classpath of this test run (surefire hides it behind a manifest jar, but names it in a property). */
    private static String classpath() {
        String cp = System.getProperty("surefire.test.class.path");
        return cp != null && !cp.isBlank() ? cp : System.getProperty("java.class.path");
    }
}
