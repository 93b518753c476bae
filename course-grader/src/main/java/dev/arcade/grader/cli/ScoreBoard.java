package dev.arcade.grader.cli;

import dev.arcade.grader.course.Lesson;
import dev.arcade.grader.report.ExerciseResult;
import dev.arcade.grader.report.FailureText;
import dev.arcade.grader.report.ModuleResult;
import dev.arcade.grader.report.NextStep;
import dev.arcade.grader.report.ScoreReport;
import dev.arcade.runner.TestStatus;
import java.util.Optional;

/**
 * Prints a {@link ScoreReport} as the score board, laid out for the terminal's width: titles are cut
 * (with an ellipsis) only when a line would not fit.
 */
final class ScoreBoard {
    /** The narrowest exercise title column, in characters, however narrow the terminal. */
    static final int MIN_TITLE_WIDTH = 12;
    /** Width of the exercise id column. */
    static final int ID_WIDTH = 5;
    /** Width of the status column (icon and label). */
    static final int STATUS_WIDTH = 16;
    /** Width of an exercise's points ({@code %3d/%-3d}). */
    static final int POINTS_WIDTH = 7;
    /** An exercise line's indent. */
    static final int INDENT = 2;
    /** Cells of a module's progress bar. */
    static final int MODULE_BAR_CELLS = 16;
    /** Cells of a module's progress bar when the terminal is narrow. */
    static final int MIN_MODULE_BAR_CELLS = 8;
    /** Cells of the total's progress bar, at most. */
    static final int TOTAL_BAR_CELLS = 30;
    /** Cells of the total's progress bar, at least; with less room it has none. */
    static final int MIN_TOTAL_BAR_CELLS = 6;
    /** Width of a module's points ({@code %4d/%-4d }). */
    static final int MODULE_POINTS_WIDTH = 10;
    /** Width of a percentage ({@code  %3d%%}). */
    static final int PERCENT_WIDTH = 5;
    /** Room, in characters, left of a compile error on the line: its indent, its label and a margin. */
    static final int COMPILE_ERROR_LEFT = 22;
    /** Indent of an exercise's message line, in characters. */
    static final int MESSAGE_INDENT = 7;

    private ScoreBoard() {}

    /** The title column's width: the longest title when it fits, else what the line leaves. */
    static int titleWidth(ScoreReport r, int columns) {
        int longest = r.modules().stream()
                .flatMap(m -> m.exercises().stream())
                .mapToInt(e -> Console.cut(e.title(), Integer.MAX_VALUE).length())
                .max()
                .orElse(0);
        int fixed = INDENT + ID_WIDTH + 1 + STATUS_WIDTH + POINTS_WIDTH;
        int room = usable(columns) - fixed;
        // wide enough for the exercises' points to line up under the modules', when the line has room
        int moduleRight = MODULE_POINTS_WIDTH + MODULE_BAR_CELLS + 2 + PERCENT_WIDTH;
        int moduleLeft = r.modules().stream()
                .mapToInt(m -> moduleLeft(m).length() + 1)
                .max()
                .orElse(0);
        if (moduleLeft + moduleRight <= usable(columns)) {
            longest = Math.max(longest, moduleLeft + POINTS_WIDTH + 1 - fixed);
        }
        return Math.max(MIN_TITLE_WIDTH, Math.min(longest, room));
    }

    /** The last column is left empty: a terminal that wraps there would add a blank line. */
    private static int usable(int columns) {
        return columns - 1;
    }

    static void print(ScoreReport r, Console c) {
        int titleWidth = titleWidth(r, c.width);
        int lineWidth = INDENT + ID_WIDTH + titleWidth + 1 + STATUS_WIDTH + POINTS_WIDTH;
        for (ModuleResult m : r.modules()) {
            c.println();
            c.println(moduleLine(m, c, lineWidth));
            if (m.compileError() != null) {
                c.println("  " + c.red("does not compile: ")
                        + Console.cut(m.compileError(), c.width - COMPILE_ERROR_LEFT));
                if (m.compileNote() != null) {
                    c.println(" ".repeat(MESSAGE_INDENT) + c.dim(m.compileNote()));
                }
                c.println(" ".repeat(MESSAGE_INDENT) + c.dim("./workshop test " + m.name() + " shows every error."));
            }
            for (ExerciseResult e : m.exercises()) {
                String status =
                        Console.pad(icon(e.status(), c) + " " + e.status().label(), STATUS_WIDTH);
                String line = " ".repeat(INDENT)
                        + c.cyan(Console.pad(e.id(), ID_WIDTH))
                        + Console.pad(Console.cut(e.title(), titleWidth), titleWidth + 1)
                        + paint(e.status(), status, c)
                        + String.format("%3d/%-3d", e.earned(), e.possible());
                String notGradable = e.notGradable() > 0 ? " +" + e.notGradable() + " not gradable here" : "";
                boolean fits = lineWidth + notGradable.length() <= usable(c.width);
                c.println((fits ? line + c.magenta(notGradable) : line).stripTrailing());
                if (!fits) {
                    c.println(" ".repeat(MESSAGE_INDENT - 1) + c.magenta(notGradable));
                }
                if (!e.message().isEmpty()
                        && e.status() != TestStatus.PASSED
                        && e.status() != TestStatus.NOT_STARTED
                        && (e.status() != TestStatus.DOES_NOT_COMPILE || m.compileError() == null)) {
                    c.println(" ".repeat(MESSAGE_INDENT)
                            + c.dim(Console.cut(
                                    FailureText.of(e.message()).oneLine(), usable(c.width) - MESSAGE_INDENT)));
                }
            }
        }
        c.println();
        double f = r.possible() == 0 ? 0 : (double) r.earned() / r.possible();
        String points = String.format("Total  %d/%d points  ", r.earned(), r.possible());
        String tail = String.format(
                " %d%%   %d of %d exercises passed", Math.round(f * 100), r.exercisesPassed(), r.exercises());
        int frame = c.color ? 0 : 2;
        // a shorter bar on a narrow terminal, and none when even the shortest would not fit
        int cells = Math.min(TOTAL_BAR_CELLS, usable(c.width) - points.length() - tail.length() - frame);
        if (cells < MIN_TOTAL_BAR_CELLS) {
            c.println(c.bold(points.stripTrailing()) + tail);
            return;
        }
        c.println(c.bold(points) + c.bar(f, cells) + tail);
    }

    /**
     * A module's line: its name and title, then its points, bar and percentage, which line up with
     * the exercises' points when the title leaves room.
     */
    private static String moduleLine(ModuleResult m, Console c, int lineWidth) {
        double f = m.possible() == 0 ? 0 : (double) m.earned() / m.possible();
        String left = moduleLeft(m);
        int frame = c.color ? 0 : 2;
        // a narrower bar before a shorter title
        int cells = Math.max(
                MIN_MODULE_BAR_CELLS,
                Math.min(
                        MODULE_BAR_CELLS,
                        usable(c.width) - left.length() - 1 - MODULE_POINTS_WIDTH - PERCENT_WIDTH - frame));
        int rightWidth = MODULE_POINTS_WIDTH + cells + frame + PERCENT_WIDTH;
        // the module's "/" under the exercises' "/": 4 characters into its points, 3 into theirs
        int aligned = lineWidth - POINTS_WIDTH - 1;
        int leftWidth = Math.max(
                m.name().length() + 2, Math.min(Math.max(left.length() + 1, aligned), usable(c.width) - rightWidth));
        String shown = left.length() < leftWidth ? left : left.substring(0, leftWidth - 2) + "…";
        return c.bold(Console.pad(shown, leftWidth))
                + String.format("%4d/%-4d ", m.earned(), m.possible())
                + c.bar(f, cells)
                + String.format(" %3d%%", Math.round(f * 100));
    }

    private static String moduleLeft(ModuleResult m) {
        return m.name() + "  " + m.title().replaceAll("\\s+", " ").strip();
    }

    /**
     * The footer's "Next:": the first exercise the learner started and has not finished, else the
     * first one not started, else that every exercise passes.
     */
    static void printNext(ScoreReport report, Console c) {
        if (report.nothingToGrade().isPresent()) {
            c.println(c.yellow(report.nothingToGrade().get()));
            return;
        }
        Optional<NextStep> next = NextStep.of(report);
        if (next.isEmpty()) {
            c.println(c.green("Every exercise passes. Well played!"));
            return;
        }
        ExerciseResult e = next.get().exercise();
        String name = next.get().module().name();
        String started = next.get().started() ? "  (started: " + e.status().label() + ")" : "";
        String head = "Next: " + e.id() + " ";
        String title =
                Console.cut(e.title(), Math.max(MIN_TITLE_WIDTH, usable(c.width) - head.length() - started.length()));
        c.println(c.bold("Next: ") + e.id() + " " + title + c.dim(started));
        // the lesson's address stays whole, however long: it is to be copied
        c.println(c.dim("      lesson: " + name + "/README.md#" + Lesson.anchor(e.id(), e.title())));
        c.println("      ./workshop test " + e.id() + "     ./workshop hint " + e.id());
    }

    static String icon(TestStatus s, Console c) {
        return switch (s) {
            case PASSED -> c.color ? "✔" : "+";
            case NOT_STARTED -> c.color ? "·" : ".";
            case NOT_GRADABLE -> c.color ? "○" : "o";
            case TIMED_OUT -> c.color ? "⧗" : "!";
            default -> c.color ? "✘" : "x";
        };
    }

    static String paint(TestStatus s, String text, Console c) {
        return switch (s) {
            case PASSED -> c.green(text);
            case NOT_STARTED -> c.dim(text);
            case NOT_GRADABLE -> c.magenta(text);
            case TIMED_OUT, CRASHED -> c.yellow(text);
            default -> c.red(text);
        };
    }
}
