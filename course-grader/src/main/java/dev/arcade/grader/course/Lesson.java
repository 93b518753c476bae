package dev.arcade.grader.course;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a module's lesson: each exercise has a section headed {@code ## 1.3 Title}. */
public final class Lesson {
    private static final Pattern EXERCISE_HEADING = Pattern.compile("^##\\s+(\\d+\\.\\d+)\\s+(.+?)\\s*$");

    private Lesson() {}

    /** Exercise id to title, in the lesson's order. */
    public static Map<String, String> exerciseTitles(Path readme) {
        Map<String, String> titles = new LinkedHashMap<>();
        if (!Files.isRegularFile(readme)) {
            return titles;
        }
        try {
            for (String line : Files.readAllLines(readme, StandardCharsets.UTF_8)) {
                Matcher m = EXERCISE_HEADING.matcher(line);
                if (m.matches()) {
                    titles.putIfAbsent(m.group(1), m.group(2));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return titles;
    }

    /** The GitHub-style anchor of an exercise's heading, for links into the lesson. */
    public static String anchor(String exercise, String title) {
        String text = (exercise + " " + title).toLowerCase(Locale.ROOT);
        return text.replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
    }
}
