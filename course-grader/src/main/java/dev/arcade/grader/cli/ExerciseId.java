package dev.arcade.grader.cli;

import dev.arcade.grader.course.CourseLayout;
import dev.arcade.grader.course.CourseModule;
import dev.arcade.grader.course.ExerciseSources;
import dev.arcade.grader.course.Lesson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The one parser of the exercise and module ids a user types ({@code 1.3}, {@code 01}, {@code 1},
 * {@code dynamodb}, {@code module-01-dynamodb}), shared by every command that takes one.
 *
 * <p>It reads only the lessons and the test sources, so a bad id is answered at once, before any
 * compile or emulator start, with the same message everywhere: what does not exist and which ids do.
 */
final class ExerciseId {
    private static final Pattern EXERCISE = Pattern.compile("(\\d+)\\.(\\d+)");
    private static final Pattern MODULE_FOLDER = Pattern.compile("module-(\\d\\d)-(.+)");
    /** Exercise ids by module number, then exercise number: 1.2 before 1.10. */
    private static final Comparator<String> BY_NUMBER = Comparator.<String>comparingInt(
                    id -> Integer.parseInt(id.substring(0, id.indexOf('.'))))
            .thenComparingInt(id -> Integer.parseInt(id.substring(id.indexOf('.') + 1)));

    private ExerciseId() {}

    /** What a user named: one module, and in it one exercise or all of them ({@code exercise} null). */
    record Target(CourseModule module, String exercise) {}

    /** An exercise id as the course writes it ({@code 01.03} is {@code 1.3}), or empty when {@code input} is none. */
    static Optional<String> canonical(String input) {
        Matcher m = EXERCISE.matcher(input.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Integer.parseInt(m.group(1)) + "." + Integer.parseInt(m.group(2)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Whether {@code input} is shaped like an exercise id ({@code 1.3}, {@code 1.x}) rather than a module. */
    static boolean looksLikeExercise(String input) {
        return input.strip().matches("\\d+\\..*");
    }

    /** The exercise {@code input} names, with its module; else an {@link IllegalArgumentException} listing the ids. */
    static Target exercise(CourseLayout layout, String input) {
        Optional<String> id = canonical(input);
        if (id.isPresent()) {
            int number = Integer.parseInt(id.get().substring(0, id.get().indexOf('.')));
            for (CourseModule m : layout.modules()) {
                if (m.number() == number && exercises(m).contains(id.get())) {
                    return new Target(m, id.get());
                }
            }
        }
        throw new IllegalArgumentException(noSuchExercise(layout, input.strip(), id));
    }

    /** The module {@code input} names; else an {@link IllegalArgumentException} listing the modules. */
    static CourseModule module(CourseLayout layout, String input) {
        return layout.module(input.strip())
                .orElseThrow(() -> new IllegalArgumentException(noSuchModule(layout, input.strip(), "module")));
    }

    /** An exercise ({@code 1.3}) or a whole module ({@code 01}), for {@code test} and {@code mutate}. */
    static Target exerciseOrModule(CourseLayout layout, String input) {
        if (looksLikeExercise(input)) {
            return exercise(layout, input);
        }
        return new Target(
                layout.module(input.strip())
                        .orElseThrow(() -> new IllegalArgumentException(
                                noSuchModule(layout, input.strip(), "exercise or module"))),
                null);
    }

    private static String noSuchModule(CourseLayout layout, String input, String what) {
        Optional<Placeholder> coming =
                placeholders(layout).stream().filter(p -> p.matches(input)).findFirst();
        if (coming.isPresent()) {
            return "Module " + coming.get().two() + " (" + coming.get().title()
                    + ") has no exercises yet: it is coming next ("
                    + coming.get().folder()
                    + "/README.md says what it will teach). " + modulesSentence(layout) + ".";
        }
        String valid = what.equals("module") ? modulesSentence(layout) : exercisesSentence(layout);
        return "There is no " + what + " " + input + ". " + valid + "." + comingSentence(layout);
    }

    /** Every exercise id of a module: its lesson's sections and its graded test classes, in order. */
    static List<String> exercises(CourseModule m) {
        Set<String> ids = new TreeSet<>(BY_NUMBER);
        ids.addAll(Lesson.exerciseTitles(m.lesson()).keySet());
        ids.addAll(ExerciseSources.of(m).testsByExercise().keySet());
        ids.removeIf(id -> !id.startsWith(m.number() + "."));
        return new ArrayList<>(ids);
    }

    private static String noSuchExercise(CourseLayout layout, String input, Optional<String> id) {
        StringBuilder b = new StringBuilder("There is no exercise ").append(input);
        if (id.isEmpty()) {
            b.append(": exercise ids look like 1.3 (module 01, exercise 3). ");
        } else {
            int number = Integer.parseInt(id.get().substring(0, id.get().indexOf('.')));
            Optional<Placeholder> coming = placeholders(layout).stream()
                    .filter(p -> p.number() == number)
                    .findFirst();
            if (coming.isPresent()) {
                b.append(" yet: module ")
                        .append(coming.get().two())
                        .append(" (")
                        .append(coming.get().title())
                        .append(") is coming next. ");
                return b.append(exercisesSentence(layout)).append('.').toString();
            }
            b.append(". ");
        }
        return b.append(exercisesSentence(layout))
                .append('.')
                .append(comingSentence(layout))
                .toString();
    }

    /** "Module 01 has 1.1 to 1.9; module 02 has 2.1 to 2.8". */
    private static String exercisesSentence(CourseLayout layout) {
        List<String> parts = new ArrayList<>();
        for (CourseModule m : layout.modules()) {
            List<String> ids = exercises(m);
            String has = ids.isEmpty() ? "no exercises yet" : "has " + range(m.number(), ids);
            parts.add("module " + two(m.number()) + " " + has);
        }
        if (parts.isEmpty()) {
            return "This course has no module with exercises yet";
        }
        String s = String.join("; ", parts);
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** "The modules are 01 (dynamodb) and 02 (iam)". */
    private static String modulesSentence(CourseLayout layout) {
        List<String> names = layout.modules().stream()
                .map(m -> two(m.number()) + " (" + shortName(m.name()) + ")")
                .toList();
        if (names.isEmpty()) {
            return "This course has no module with exercises yet";
        }
        return (names.size() == 1 ? "The module is " : "The modules are ") + joinAnd(names);
    }

    /** " Module 03 (Lambda) is coming next." or "" when no placeholder exists. */
    private static String comingSentence(CourseLayout layout) {
        List<String> coming = placeholders(layout).stream()
                .map(p -> p.two() + " (" + p.title() + ")")
                .toList();
        if (coming.isEmpty()) {
            return "";
        }
        return coming.size() == 1
                ? " Module " + coming.get(0) + " is coming next."
                : " Modules " + joinAnd(coming) + " are coming next.";
    }

    /** "1.1 to 1.9" when the numbers run without a gap, else "1.1, 1.2 and 1.4". */
    private static String range(int module, List<String> ids) {
        List<Integer> minors = ids.stream()
                .map(id -> Integer.parseInt(id.substring(id.indexOf('.') + 1)))
                .toList();
        boolean contiguous = minors.get(minors.size() - 1) - minors.get(0) == minors.size() - 1;
        if (ids.size() > 2 && contiguous) {
            return ids.get(0) + " to " + ids.get(ids.size() - 1);
        }
        return joinAnd(ids);
    }

    private static String joinAnd(List<String> items) {
        if (items.size() == 1) {
            return items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }

    private static String two(int number) {
        return String.format(Locale.ROOT, "%02d", number);
    }

    private static String shortName(String folder) {
        Matcher m = MODULE_FOLDER.matcher(folder);
        return m.matches() ? m.group(2) : folder;
    }

    /**
     * A module folder with a lesson outline but no tests yet ({@code module-03-lambda}).
     *
     * @param folder its folder name
     * @param number its number
     * @param title its short title, for example {@code Lambda}
     */
    record Placeholder(String folder, int number, String title) {
        String two() {
            return ExerciseId.two(number);
        }

        boolean matches(String input) {
            String in = input.toLowerCase(Locale.ROOT).replaceAll("/+$", "");
            return in.equals(folder)
                    || in.equals("module-" + two())
                    || in.equals(two())
                    || in.equals(Integer.toString(number))
                    || in.equals(shortName(folder));
        }
    }

    /** The module folders that have no graded tests yet, in order. */
    static List<Placeholder> placeholders(CourseLayout layout) {
        Set<String> graded = layout.modules().stream().map(CourseModule::name).collect(Collectors.toSet());
        try (Stream<Path> dirs = Files.list(layout.root())) {
            return dirs.filter(Files::isDirectory)
                    .map(d -> d.getFileName().toString())
                    .filter(n -> MODULE_FOLDER.matcher(n).matches() && !graded.contains(n))
                    .sorted()
                    .map(n -> {
                        CourseModule m = new CourseModule(layout.root().resolve(n), layout.root());
                        return new Placeholder(n, m.number(), shortTitle(m));
                    })
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "Lambda, the score service as functions (coming next)" gives "Lambda"; no lesson gives "lambda" as a word. */
    private static String shortTitle(CourseModule m) {
        String title = m.title();
        if (title.equals(m.name())) {
            String s = shortName(m.name());
            return Character.toUpperCase(s.charAt(0)) + s.substring(1);
        }
        return title.replaceFirst("\\s*\\(.*\\)\\s*$", "").split("[,:;.]", 2)[0].strip();
    }
}
