package dev.arcade.runner;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a test's exception into a status and a message a learner can act on, without a stack trace.
 */
final class FailureClassifier {
    private static final Pattern TODO = Pattern.compile("^TODO\\s+(\\d+\\.\\d+)\\b.*", Pattern.DOTALL);

    /** The longest message kept, in characters, before the cut mark and the hint pointer. */
    static final int MAX_MESSAGE_CHARS = 4000;

    /** What marks the place a long message was cut. */
    static final String CUT_MARK = " …";

    /**
     * The hint pointer that ends a graded test's message, as the kit's {@code Hint.of} writes it:
     * {@code " (hint: ./workshop hint 1.3)"}. It survives trimming.
     */
    private static final Pattern HINT_POINTER = Pattern.compile(" \\(hint: \\./workshop hint [^\\s()]+\\)$");

    private FailureClassifier() {}

    /** The status, message, exception class and learner-code location of a failed test. */
    record Verdict(TestStatus status, String message, String exception, String location) {}

    static Verdict classify(Throwable t, TestCase test, Path mainClasses) {
        String location = learnerFrame(t, mainClasses);
        if (t instanceof TimeoutException) {
            return new Verdict(
                    TestStatus.TIMED_OUT,
                    "did not finish in time (" + t.getMessage() + "): an endless loop, or a wait that never ends?",
                    t.getClass().getName(),
                    location);
        }
        String msg = t.getMessage() == null ? "" : t.getMessage().strip();
        if (t instanceof UnsupportedOperationException) {
            Matcher m = TODO.matcher(msg);
            if (m.matches()) {
                if (m.group(1).equals(test.exercise())) {
                    return new Verdict(TestStatus.NOT_STARTED, msg, t.getClass().getName(), location);
                }
                return new Verdict(
                        TestStatus.FAILING,
                        "reached the unfinished exercise " + m.group(1) + ": " + msg,
                        t.getClass().getName(),
                        location);
            }
        }
        if (t instanceof AssertionError) {
            return new Verdict(
                    TestStatus.FAILING,
                    trim(msg.isEmpty() ? "an assertion failed" : msg),
                    t.getClass().getName(),
                    location);
        }
        String where = location == null ? "" : " at " + location;
        String text = "your code threw " + t.getClass().getSimpleName() + where + (msg.isEmpty() ? "" : ": " + msg);
        return new Verdict(TestStatus.FAILING, trim(text), t.getClass().getName(), location);
    }

    /** The first frame in the learner's (or reference) code, as {@code File.java:42}, or null. */
    static String learnerFrame(Throwable t, Path mainClasses) {
        if (mainClasses == null) {
            return null;
        }
        for (Throwable c = t; c != null; c = c.getCause()) {
            for (StackTraceElement e : c.getStackTrace()) {
                String cls = e.getClassName();
                int dollar = cls.indexOf('$');
                String outer = dollar < 0 ? cls : cls.substring(0, dollar);
                if (Files.isRegularFile(mainClasses.resolve(outer.replace('.', '/') + ".class"))) {
                    return (e.getFileName() == null ? outer : e.getFileName()) + ":" + e.getLineNumber();
                }
            }
        }
        return null;
    }

    /**
     * The message as it is when it has at most {@link #MAX_MESSAGE_CHARS} characters; else cut to that
     * many, followed by {@link #CUT_MARK}. A hint pointer that ended the message is kept after the
     * mark, in place of as many characters before the cut.
     */
    static String trim(String s) {
        if (s.length() <= MAX_MESSAGE_CHARS) {
            return s;
        }
        Matcher pointer = HINT_POINTER.matcher(s);
        String kept = pointer.find() ? pointer.group() : "";
        return s.substring(0, MAX_MESSAGE_CHARS - kept.length()) + CUT_MARK + kept;
    }
}
