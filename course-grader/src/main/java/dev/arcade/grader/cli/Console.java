package dev.arcade.grader.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The terminal: colours and a live progress line on a terminal, plain text when piped or when
 * {@code NO_COLOR} is set (https://no-color.org).
 */
final class Console {
    /** Terminal width, in columns, when {@code COLUMNS} says nothing usable. */
    static final int DEFAULT_COLUMNS = 100;
    /** The narrowest width laid out for, in columns. */
    static final int MIN_COLUMNS = 60;
    /** The widest width laid out for, in columns. */
    static final int MAX_COLUMNS = 160;

    final PrintStream out;
    final boolean color;
    final boolean live;
    final int width;
    private int progressLength;

    Console(boolean forcePlain) {
        this.out =
                new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
        boolean terminal = System.console() != null || "1".equals(System.getenv("WORKSHOP_TTY"));
        String noColor = System.getenv("NO_COLOR");
        this.color = terminal
                && !forcePlain
                && (noColor == null || noColor.isEmpty())
                && !"dumb".equals(System.getenv("TERM"));
        this.live = terminal && !forcePlain && !"dumb".equals(System.getenv("TERM"));
        this.width = columns();
    }

    /** A console that writes to {@code out}, never live, {@code width} columns wide: for tests. */
    Console(PrintStream out, boolean color, int width) {
        this.out = out;
        this.color = color;
        this.live = false;
        this.width = Math.max(MIN_COLUMNS, Math.min(width, MAX_COLUMNS));
    }

    private static int columns() {
        try {
            int c = Integer.parseInt(System.getenv()
                    .getOrDefault("COLUMNS", Integer.toString(DEFAULT_COLUMNS))
                    .trim());
            return Math.max(MIN_COLUMNS, Math.min(c, MAX_COLUMNS));
        } catch (NumberFormatException e) {
            return DEFAULT_COLUMNS;
        }
    }

    String green(String s) {
        return paint("32", s);
    }

    String red(String s) {
        return paint("31", s);
    }

    String yellow(String s) {
        return paint("33", s);
    }

    String magenta(String s) {
        return paint("35", s);
    }

    String cyan(String s) {
        return paint("36", s);
    }

    String dim(String s) {
        return paint("2", s);
    }

    String bold(String s) {
        return paint("1", s);
    }

    private String paint(String code, String s) {
        return color ? "\u001b[" + code + "m" + s + "\u001b[0m" : s;
    }

    void println(String s) {
        clearProgress();
        out.println(s);
    }

    void println() {
        println("");
    }

    /** Replaces the live progress line (only on a terminal). */
    synchronized void progress(String s) {
        if (!live) {
            return;
        }
        String line = s.length() > width - 1 ? s.substring(0, width - 2) + "…" : s;
        out.print("\r" + line + " ".repeat(Math.max(0, progressLength - line.length())));
        out.flush();
        progressLength = line.length();
    }

    synchronized void clearProgress() {
        if (live && progressLength > 0) {
            out.print("\r" + " ".repeat(progressLength) + "\r");
            out.flush();
            progressLength = 0;
        }
    }

    /** A bar of {@code cells} cells, {@code fraction} of them full. */
    String bar(double fraction, int cells) {
        int full = (int) Math.round(Math.max(0, Math.min(1, fraction)) * cells);
        String on = color ? "█".repeat(full) : "#".repeat(full);
        String off = color ? "░".repeat(cells - full) : "-".repeat(cells - full);
        return color ? green(on) + dim(off) : "[" + on + off + "]";
    }

    /** Cuts {@code s} to {@code max} characters with an ellipsis. */
    static String cut(String s, int max) {
        if (s == null) {
            return "";
        }
        String one = s.replaceAll("\\s+", " ").strip();
        return one.length() <= max ? one : one.substring(0, Math.max(0, max - 1)) + "…";
    }

    /** Pads {@code s} to {@code n} characters. */
    static String pad(String s, int n) {
        return s.length() >= n ? s : s + " ".repeat(n - s.length());
    }
}
