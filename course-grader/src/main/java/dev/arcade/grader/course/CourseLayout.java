package dev.arcade.grader.course;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The course repository on disk: where the modules are, where the grader writes.
 *
 * @param root the repository root (the folder with {@code pom.xml} and {@code course-kit/})
 */
public record CourseLayout(Path root) {

    /** Finds the course root from {@code start} upwards. */
    public static CourseLayout find(Path start) {
        for (Path p = start.toAbsolutePath().normalize(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("pom.xml")) && Files.isDirectory(p.resolve("course-kit"))) {
                return new CourseLayout(p);
            }
        }
        throw new IllegalStateException("This is not inside the course repository (no folder above "
                + start.toAbsolutePath() + " holds pom.xml and course-kit/); run ./workshop from the course folder.");
    }

    /** Every course module with tests, in order. */
    public List<CourseModule> modules() {
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.filter(Files::isDirectory)
                    .filter(d -> d.getFileName().toString().matches("module-\\d\\d-.+"))
                    .sorted()
                    .map(d -> new CourseModule(d, root.resolve("solutions").resolve(d.getFileName())))
                    .filter(CourseModule::hasTests)
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The module a user named (module-01-dynamodb, module-01, 01, 1, dynamodb), if any. */
    public Optional<CourseModule> module(String name) {
        return modules().stream().filter(m -> m.matches(name)).findFirst();
    }

    /** The module an exercise id belongs to: {@code 1.3} is in module 01. */
    public Optional<CourseModule> moduleOfExercise(String exercise) {
        int dot = exercise.indexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        try {
            int n = Integer.parseInt(exercise.substring(0, dot));
            return modules().stream().filter(m -> m.number() == n).findFirst();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Where the grader writes what a run makes (classes, run files, reports, logs): {@code target/workshop/}. */
    public Path workDir() {
        return root.resolve("target").resolve("workshop");
    }

    /**
     * Where the learner's own state lives (hint progress): {@code .workshop/} at the root, git-ignored,
     * and out of {@code target/} so that {@code ./mvnw clean} keeps it.
     */
    public Path learnerDir() {
        return root.resolve(".workshop");
    }

    /** The course manifest of test and skeleton checksums. */
    public Path manifest() {
        return root.resolve("course-manifest.json");
    }
}
