package dev.arcade.grader.course;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * An exercise's hints, from {@code hints/<id>.md}: a {@code # } title and one {@code ## } section
 * per level (a nudge, the concept, nearly the solution).
 */
public final class Hints {

    /** One hint: its heading and its text. */
    public record Hint(String heading, String text) {}

    private Hints() {}

    /** The hints in order; empty when the file does not exist. */
    public static List<Hint> read(Path file) {
        List<Hint> hints = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            return hints;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String heading = null;
        StringBuilder text = new StringBuilder();
        boolean fenced = false;
        for (String line : lines) {
            if (line.startsWith("```")) {
                fenced = !fenced;
            }
            if (!fenced && line.startsWith("## ")) {
                if (heading != null) {
                    hints.add(new Hint(heading, text.toString().strip()));
                }
                heading = line.substring(3).strip();
                text.setLength(0);
            } else if (heading != null) {
                text.append(line).append('\n');
            }
        }
        if (heading != null) {
            hints.add(new Hint(heading, text.toString().strip()));
        }
        return hints;
    }
}
