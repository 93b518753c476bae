package dev.arcade.grader.course;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Which code belongs to which exercise of a module, read from the sources by the course's
 * conventions: a skeleton class belongs to every exercise whose {@code TODO 1.3} it holds, a skeleton
 * method to the exercise of the TODO in its body, and a test class to the exercise of its
 * {@code @Exercise("1.3")} (or of each {@code @Graded(exercise = "1.3")} it holds).
 *
 * @param classesByExercise exercise id → fully qualified names of the skeleton classes the learner
 *     completes for it (classes without a TODO, such as records given whole, belong to none)
 * @param methodsByClass class name → method name → the exercise of the TODO in that method
 * @param testsByExercise exercise id → fully qualified names of its test classes
 */
public record ExerciseSources(
        Map<String, Set<String>> classesByExercise,
        Map<String, Map<String, String>> methodsByClass,
        Map<String, Set<String>> testsByExercise) {
    private static final Pattern TODO = Pattern.compile("TODO (\\d+\\.\\d+)\\b");
    private static final Pattern EXERCISE =
            Pattern.compile("@(?:Exercise\\(\\s*|Graded\\([^)]*\\bexercise\\s*=\\s*)\"(\\d+\\.\\d+)\"");
    /** A method declaration's name, just before its parameter list and body. */
    private static final Pattern METHOD = Pattern.compile("(\\w+)\\s*\\([^()]*\\)\\s*(?:throws\\s+[\\w.,\\s]+)?\\{");

    private static final Set<String> NOT_METHODS =
            Set.of("if", "for", "while", "switch", "catch", "synchronized", "try");
    /** A lambda's or a local class's synthetic method name: {@code lambda$top$0} is in {@code top}. */
    private static final Pattern SYNTHETIC = Pattern.compile("lambda\\$(\\w+?)\\$\\d+");

    /** Reads {@code module}'s skeleton and test sources. */
    public static ExerciseSources of(CourseModule module) {
        return new ExerciseSources(
                scan(module.mainSources(), TODO), methods(module.mainSources()), scan(module.testSources(), EXERCISE));
    }

    /**
     * The exercise a piece of reference code belongs to: its class's only exercise, or, in a class
     * that several exercises share, the exercise of the TODO in the skeleton's method of that name.
     *
     * @param className the class as the JVM names it ({@code a.B$1} is in {@code a.B})
     * @param method the method as the JVM names it ({@code lambda$top$0} is in {@code top})
     * @return the exercise id, or {@code null} when the code belongs to no exercise or to several
     *     (a helper method the reference added to a shared class)
     */
    public String exerciseOf(String className, String method) {
        String outer = className.contains("$") ? className.substring(0, className.indexOf('$')) : className;
        List<String> found = classesByExercise.entrySet().stream()
                .filter(e -> e.getValue().contains(outer))
                .map(Map.Entry::getKey)
                .toList();
        if (found.size() <= 1) {
            return found.isEmpty() ? null : found.get(0);
        }
        Matcher synthetic = SYNTHETIC.matcher(method);
        String name = synthetic.matches() ? synthetic.group(1) : method;
        return methodsByClass.getOrDefault(outer, Map.of()).get(name);
    }

    /** The exercises whose TODOs the skeleton class {@code className} holds (none for given code). */
    public Set<String> exercisesOfClass(String className) {
        return exercisesHolding(classesByExercise, className);
    }

    /**
     * The exercises whose TODOs a skeleton's source holds: what a file belongs to, read from its
     * untouched version (the learner's has no TODO left once solved).
     */
    public static Set<String> todos(String source) {
        Set<String> found = new TreeSet<>();
        Matcher m = TODO.matcher(source);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    /** The exercises the test class {@code className} grades (none for a helper such as a fixture). */
    public Set<String> exercisesOfTestClass(String className) {
        return exercisesHolding(testsByExercise, className);
    }

    /** The class a source file declares, by its path under {@code sources}: {@code a/B.java} is {@code a.B}. */
    public static String className(Path sources, Path file) {
        return sources.relativize(file)
                .toString()
                .replace('\\', '/')
                .replace('/', '.')
                .replaceFirst("\\.java$", "");
    }

    private static Set<String> exercisesHolding(Map<String, Set<String>> byExercise, String className) {
        Set<String> found = new TreeSet<>();
        byExercise.forEach((exercise, classes) -> {
            if (classes.contains(className)) {
                found.add(exercise);
            }
        });
        return found;
    }

    private static Map<String, Map<String, String>> methods(Path sources) {
        Map<String, Map<String, String>> byClass = new TreeMap<>();
        forEachSource(sources, (className, text) -> {
            Matcher todo = TODO.matcher(text);
            while (todo.find()) {
                String method = null;
                Matcher m = METHOD.matcher(text).region(0, todo.start());
                while (m.find()) {
                    if (!NOT_METHODS.contains(m.group(1))) {
                        method = m.group(1);
                    }
                }
                if (method != null) {
                    byClass.computeIfAbsent(className, k -> new TreeMap<>()).putIfAbsent(method, todo.group(1));
                }
            }
        });
        return byClass;
    }

    private static Map<String, Set<String>> scan(Path sources, Pattern marker) {
        Map<String, Set<String>> byExercise = new TreeMap<>();
        forEachSource(sources, (className, text) -> {
            Matcher m = marker.matcher(text);
            while (m.find()) {
                byExercise.computeIfAbsent(m.group(1), k -> new TreeSet<>()).add(className);
            }
        });
        return byExercise;
    }

    private static void forEachSource(Path sources, BiConsumer<String, String> action) {
        if (!Files.isDirectory(sources)) {
            return;
        }
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".java"))::iterator) {
                String className = className(sources, file);
                action.accept(className, Files.readString(file, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
