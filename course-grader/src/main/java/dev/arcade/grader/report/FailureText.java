package dev.arcade.grader.report;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A failed test's message split for a learner: the course's own sentence first (the test's
 * {@code .as("...")} description, which AssertJ writes as {@code [description] } before its own
 * lines), then what AssertJ adds ("Expecting actual not to be null", expected and actual values), to
 * be shown folded or dimmed. The hint pointer that ends the message moves up to the sentence. A
 * description of a few words is a label ({@code [4 * 3]}), not a sentence: such a message stays whole.
 *
 * @param sentence the course's sentence, without the hint pointer
 * @param details the assertion library's lines after it, or empty when there are none
 * @param hint the hint pointer that ended the message, or empty
 */
public record FailureText(String sentence, String details, String hint) {
    /** The kit's hint pointer at the end of a graded test's message: {@code (hint: ./workshop hint 1.3)}. */
    private static final Pattern HINT_POINTER = Pattern.compile("\\s*(\\(hint: \\./workshop hint [^\\s()]+\\))\\s*$");

    /** A description of fewer words is a label ("[4 * 3]"), not a sentence that stands alone. */
    static final int SENTENCE_WORDS = 4;

    /** Splits {@code message}; a message without an AssertJ description is its own sentence. */
    public static FailureText of(String message) {
        if (message == null || message.isBlank()) {
            return new FailureText("", "", "");
        }
        String s = message.strip();
        String pointer = "";
        Matcher pointerAtEnd = HINT_POINTER.matcher(s);
        if (pointerAtEnd.find()) {
            pointer = pointerAtEnd.group(1);
            s = s.substring(0, pointerAtEnd.start()).strip();
        }
        int close = s.startsWith("[") ? closingBracket(s) : -1;
        if (close > 0 && s.substring(1, close).strip().split("\\s+").length < SENTENCE_WORDS) {
            close = -1; // a label ("[4 * 3]") says little without the values after it: the message stays whole
        }
        String sentence = close < 0 ? s : s.substring(1, close).strip();
        String details =
                close < 0 ? "" : withoutStackFrames(s.substring(close + 1)).strip();
        if (sentence.isEmpty()) {
            sentence = details;
            details = "";
        }
        return new FailureText(sentence, details, pointer);
    }

    /**
     * AssertJ's lines without the stack frames it quotes of an exception ("at java.base/...") and its
     * advice on how many of them to show: what the assertion saw, not where.
     */
    static String withoutStackFrames(String details) {
        return details.lines()
                .filter(l -> !STACK_FRAME.matcher(l).matches())
                .filter(l -> !l.contains("setMaxStackTraceElementsDisplayed"))
                .collect(java.util.stream.Collectors.joining("\n"));
    }

    private static final Pattern STACK_FRAME =
            Pattern.compile("\\s*(at [\\w$./<>-]+\\(.*\\)|\\.\\.\\.\\(\\d+ remaining lines not displayed.*)\\s*");

    /** The sentence with the hint pointer after it: what a learner reads first. */
    public String lead() {
        return hint.isEmpty() ? sentence : sentence + " " + hint;
    }

    /** The sentence and the hint pointer on one line, for the score board and the report's summary. */
    public String oneLine() {
        return lead().replaceAll("\\s+", " ").strip();
    }

    /** Where the {@code [} at the start of {@code s} is closed, counting nested brackets; -1 if never. */
    private static int closingBracket(String s) {
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '[') {
                depth++;
            } else if (c == ']' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }
}
