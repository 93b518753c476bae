package dev.arcade.grader.cli;

import dev.arcade.grader.report.ExerciseResult;
import dev.arcade.grader.report.ModuleResult;
import dev.arcade.grader.report.ScoreReport;
import dev.arcade.runner.TestStatus;

/** Prints a {@link ScoreReport} as the score board. */
final class ScoreBoard {
    /** Width, in characters, of the module and exercise title columns. */
    static final int TITLE_WIDTH = 38;
    /** Width of the module name column. */
    static final int MODULE_WIDTH = 22;
    /** Width of the exercise id column. */
    static final int ID_WIDTH = 5;
    /** Width of the status column (icon and label). */
    static final int STATUS_WIDTH = 16;
    /** Cells of a module's progress bar. */
    static final int MODULE_BAR_CELLS = 16;
    /** Cells of the total's progress bar. */
    static final int TOTAL_BAR_CELLS = 30;
    /** Room, in characters, left of a compile error on the line: its indent, its label and a margin. */
    static final int COMPILE_ERROR_LEFT = 22;
    /** Indent of an exercise's message line, in characters. */
    static final int MESSAGE_INDENT = 7;

    private ScoreBoard() {}

    static void print(ScoreReport r, Console c) {
        int titleWidth = TITLE_WIDTH;
        for (ModuleResult m : r.modules()) {
            double f = m.possible() == 0 ? 0 : (double) m.earned() / m.possible();
            c.println();
            c.println(c.bold(Console.pad(m.name(), MODULE_WIDTH)
                            + Console.pad(Console.cut(m.title(), titleWidth), titleWidth + 2))
                    + String.format("%4d/%-4d ", m.earned(), m.possible())
                    + c.bar(f, MODULE_BAR_CELLS)
                    + String.format(" %3d%%", Math.round(f * 100)));
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
                String line = "  " + c.cyan(Console.pad(e.id(), ID_WIDTH))
                        + Console.pad(Console.cut(e.title(), titleWidth), titleWidth + 1) + paint(e.status(), status, c)
                        + String.format("%3d/%-3d", e.earned(), e.possible());
                if (e.notGradable() > 0) {
                    line += c.magenta(" +" + e.notGradable() + " not gradable here");
                }
                c.println(line);
                if (!e.message().isEmpty()
                        && e.status() != TestStatus.PASSED
                        && e.status() != TestStatus.NOT_STARTED
                        && (e.status() != TestStatus.DOES_NOT_COMPILE || m.compileError() == null)) {
                    c.println(
                            " ".repeat(MESSAGE_INDENT) + c.dim(Console.cut(e.message(), c.width - MESSAGE_INDENT - 1)));
                }
            }
        }
        c.println();
        double f = r.possible() == 0 ? 0 : (double) r.earned() / r.possible();
        c.println(c.bold(String.format("Total  %d/%d points  ", r.earned(), r.possible()))
                + c.bar(f, TOTAL_BAR_CELLS)
                + String.format(
                        " %d%%   %d of %d exercises passed", Math.round(f * 100), r.exercisesPassed(), r.exercises()));
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
