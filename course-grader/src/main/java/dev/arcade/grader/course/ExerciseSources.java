package dev.arcade.grader.course;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Which classes belong to which exercise of a module, read from the sources by the course's
 * conventions: a skeleton class belongs to every exercise whose {@code TODO 1.3} it holds, and a test
 * class to the exercise of its {@code @Exercise("1.3")}.
 *
 * @param classesByExercise exercise id → fully qualified names of the skeleton classes the learner
 *     completes for it (classes without a TODO, such as records given whole, belong to none)
 * @param testsByExercise exercise id → fully qualified names of its test classes
 */
public record ExerciseSources(Map<String, Set<String>> classesByExercise, Map<String, Set<String>> testsByExercise) {
    private static final Pattern TODO = Pattern.compile("TODO (\\d+\\.\\d+)\\b");
    private static final Pattern EXERCISE = Pattern.compile("@Exercise\\(\\s*\"(\\d+\\.\\d+)\"\\s*\\)");

    /** Reads {@code module}'s skeleton and test sources. */
    public static ExerciseSources of(CourseModule module) {
        return new ExerciseSources(scan(module.mainSources(), TODO), scan(module.testSources(), EXERCISE));
    }

    /** The exercise a class belongs to, if exactly one; {@code null} otherwise. */
    public String exerciseOf(String className) {
        String outer = className.contains("$") ? className.substring(0, className.indexOf('$')) : className;
        String found = null;
        for (Map.Entry<String, Set<String>> e : classesByExercise.entrySet()) {
            if (e.getValue().contains(outer)) {
                if (found != null) {
                    return null;
                }
                found = e.getKey();
            }
        }
        return found;
    }

    private static Map<String, Set<String>> scan(Path sources, Pattern marker) {
        Map<String, Set<String>> byExercise = new TreeMap<>();
        if (!Files.isDirectory(sources)) {
            return byExercise;
        }
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".java"))::iterator) {
                String className = sources.relativize(file).toString().replace('\\', '/').replace('/', '.')
                        .replaceFirst("\\.java$", "");
                Matcher m = marker.matcher(Files.readString(file, StandardCharsets.UTF_8));
                while (m.find()) {
                    byExercise.computeIfAbsent(m.group(1), k -> new TreeSet<>()).add(className);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return byExercise;
    }
}
