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
    private static final int MAX_MESSAGE = 4000;

    private FailureClassifier() {}

    /** The status, message, exception class and learner-code location of a failed test. */
    record Verdict(TestStatus status, String message, String exception, String location) {}

    static Verdict classify(Throwable t, TestCase test, Path mainClasses) {
        String location = learnerFrame(t, mainClasses);
        if (t instanceof TimeoutException) {
            return new Verdict(TestStatus.TIMED_OUT, "did not finish in time (" + t.getMessage()
                    + "): an endless loop, or a wait that never ends?", t.getClass().getName(), location);
        }
        String msg = t.getMessage() == null ? "" : t.getMessage().strip();
        if (t instanceof UnsupportedOperationException) {
            Matcher m = TODO.matcher(msg);
            if (m.matches()) {
                if (m.group(1).equals(test.exercise())) {
                    return new Verdict(TestStatus.NOT_STARTED, msg, t.getClass().getName(), location);
                }
                return new Verdict(TestStatus.FAILING, "reached the unfinished exercise " + m.group(1) + ": " + msg,
                        t.getClass().getName(), location);
            }
        }
        if (t instanceof AssertionError) {
            return new Verdict(TestStatus.FAILING, trim(msg.isEmpty() ? "an assertion failed" : msg),
                    t.getClass().getName(), location);
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

    private static String trim(String s) {
        return s.length() <= MAX_MESSAGE ? s : s.substring(0, MAX_MESSAGE) + " …";
    }
}
