package dev.arcade.grader.session;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One compiler error, as javac reports it: where, what, and the source line it is about.
 *
 * @param file the file it is in, or null for an error about no file (a bad option)
 * @param shown the file as the learner is shown it (relative to the course root), or empty
 * @param line its line, 1-based (0 when there is no file)
 * @param column its column as javac counts it (tabs to the next multiple of 8), 1-based (0 when unknown)
 * @param message javac's message: the summary line, then details such as {@code symbol:} and {@code location:}
 * @param sourceLine the source line it is about, or empty
 * @param caret the index in {@code sourceLine} of the character it points at, or -1
 */
public record CompileDiagnostic(
        Path file, String shown, long line, long column, String message, String sourceLine, int caret) {
    /** How many errors the terminal and the HTML report show before "and N more". */
    public static final int SHOWN = 10;

    /** The file's name alone ({@code BestScores.java}), or empty. */
    public String fileName() {
        return file == null ? "" : file.getFileName().toString();
    }

    /** {@code BestScores.java:30: cannot find symbol}: the summary on one line, for the score board. */
    public String headline() {
        String summary = message.lines().findFirst().orElse("").strip();
        return file == null ? summary : fileName() + ":" + line + ": " + summary;
    }

    /** {@code module-01-x/src/main/java/a/B.java:30: cannot find symbol}: the path and the summary, on one line. */
    public String summary() {
        String first = message.lines().findFirst().orElse("").strip();
        return file == null ? first : shown + ":" + line + ": " + first;
    }

    /**
     * The error as javac prints it: {@code path:line:column: error: summary}, the source line with a caret
     * under the column, then the details.
     */
    public String render() {
        List<String> lines = message.lines().toList();
        StringBuilder b = new StringBuilder();
        if (file != null) {
            b.append(shown).append(':').append(line);
            if (column > 0) {
                b.append(':').append(column);
            }
            b.append(": ");
        }
        b.append("error: ").append(lines.isEmpty() ? "" : lines.get(0));
        if (!sourceLine.isEmpty()) {
            b.append('\n').append(sourceLine.stripTrailing());
            if (caret >= 0) {
                // keep the line's tabs under the caret, so it points at the same column whatever the tab width
                StringBuilder under = new StringBuilder();
                for (int i = 0; i < caret && i < sourceLine.length(); i++) {
                    under.append(sourceLine.charAt(i) == '\t' ? '\t' : ' ');
                }
                b.append('\n').append(under).append('^');
            }
        }
        for (String detail : lines.subList(Math.min(1, lines.size()), lines.size())) {
            b.append('\n').append(detail);
        }
        return b.toString();
    }

    /**
     * The first {@code max} errors rendered, then a line saying how many more there are (the first ones often
     * cause the rest).
     */
    public static List<String> render(List<CompileDiagnostic> diagnostics, int max) {
        List<String> out = new ArrayList<>();
        for (CompileDiagnostic d : diagnostics.subList(0, Math.min(max, diagnostics.size()))) {
            out.add(d.render());
        }
        int more = diagnostics.size() - max;
        if (more > 0) {
            out.add("... and " + more + " more error" + (more == 1 ? "" : "s")
                    + " (fix the first ones: they often cause the rest)");
        }
        return out;
    }

    /** "1 error" or "3 errors". */
    public static String count(List<CompileDiagnostic> diagnostics) {
        return diagnostics.size() + (diagnostics.size() == 1 ? " error" : " errors");
    }
}
