package dev.arcade.grader.course;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * One course module on disk, by convention: {@code module-01-dynamodb/} with its lesson
 * ({@code README.md}), hints ({@code hints/1.3.md}), skeleton ({@code src/main/java}) and graded
 * tests ({@code src/test/java}), and its twin {@code solutions/module-01-dynamodb/src/main/java}.
 *
 * @param dir the module folder
 * @param solutionDir the reference solution's module folder
 */
public record CourseModule(Path dir, Path solutionDir) {

    /** The folder name, for example {@code module-01-dynamodb}. */
    public String name() {
        return dir.getFileName().toString();
    }

    /** The module number as exercise ids use it: {@code module-01-dynamodb} gives {@code 1}. */
    public int number() {
        return Integer.parseInt(name().substring("module-".length(), "module-".length() + 2));
    }

    /** The short forms a user may type for this module: {@code module-01-dynamodb}, {@code module-01}, {@code 01}, {@code 1}, {@code dynamodb}. */
    public boolean matches(String input) {
        String in = input.toLowerCase(Locale.ROOT).replaceAll("/+$", "");
        String two = String.format("%02d", number());
        return in.equals(name())
                || in.equals("module-" + two)
                || in.equals(two)
                || in.equals(Integer.toString(number()))
                || in.equals(name().substring("module-00-".length()));
    }

    /** The skeleton sources. */
    public Path mainSources() {
        return dir.resolve("src/main/java");
    }

    /** The graded tests. */
    public Path testSources() {
        return dir.resolve("src/test/java");
    }

    /** Test resources (fixtures), if any. */
    public Path testResources() {
        return dir.resolve("src/test/resources");
    }

    /** The reference solution's sources. */
    public Path solutionSources() {
        return solutionDir.resolve("src/main/java");
    }

    /** The lesson. */
    public Path lesson() {
        return dir.resolve("README.md");
    }

    /** The hint file of one exercise. */
    public Path hints(String exercise) {
        return dir.resolve("hints").resolve(exercise + ".md");
    }

    /** The lesson's title: its first heading without the leading "Module 01:" part, or the folder name. */
    public String title() {
        return firstHeading()
                .map(h -> h.replaceFirst("(?i)^module\\s+\\d+\\s*[:.\\-—–]\\s*", ""))
                .orElse(name());
    }

    private Optional<String> firstHeading() {
        if (!Files.isRegularFile(lesson())) {
            return Optional.empty();
        }
        try {
            return Files.readAllLines(lesson(), StandardCharsets.UTF_8).stream()
                    .filter(l -> l.startsWith("# "))
                    .map(l -> l.substring(2).trim())
                    .findFirst();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether this module has graded tests yet (module 03 and 04 may be lesson placeholders). */
    public boolean hasTests() {
        return Files.isDirectory(testSources());
    }
}
