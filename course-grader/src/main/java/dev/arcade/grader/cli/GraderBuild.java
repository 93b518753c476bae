package dev.arcade.grader.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Whether the grader's build by {@code ./workshop} is complete: its stamp
 * ({@code course-grader/target/workshop.classpath}, written only when a build ended well), the
 * grader's classes, and every library the stamp names. The {@code workshop} script makes the same
 * checks before each run and rebuilds when one fails.
 */
final class GraderBuild {
    /** The stamp, relative to the course root. */
    static final String STAMP = "course-grader/target/workshop.classpath";

    /** The grader's main class file, relative to the course root. */
    static final String MAIN_CLASS = "course-grader/target/classes/dev/arcade/grader/cli/Main.class";

    private GraderBuild() {}

    /** What is wrong with the build, or empty when it is complete. */
    static Optional<String> problem(Path root) {
        Path stamp = root.resolve(STAMP);
        if (!Files.isRegularFile(stamp)) {
            return Optional.of("not built by ./workshop yet (" + STAMP + " is missing)");
        }
        if (!Files.isRegularFile(root.resolve(MAIN_CLASS))) {
            return Optional.of("its classes are missing (" + MAIN_CLASS + ")");
        }
        String classpath;
        try {
            classpath = Files.readString(stamp, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return Optional.of(STAMP + " cannot be read");
        }
        for (String entry : classpath.split(File.pathSeparator)) {
            if (!entry.isBlank() && !Files.exists(Path.of(entry))) {
                return Optional.of(entry + " is missing");
            }
        }
        return Optional.empty();
    }
}
