package dev.arcade.dynamodb;

import java.util.function.Supplier;

/**
 * Calls the learner's code where the test expects it to succeed, and turns an unexpected exception
 * into a failure that says which call threw what. The skeleton's {@code UnsupportedOperationException}
 * ("TODO 1.x: ...") passes through unchanged: that is the message a learner should see first.
 */
final class Learner {
    private Learner() {}

    static <T> T call(String what, String exercise, Supplier<T> code) {
        try {
            return code.get();
        } catch (UnsupportedOperationException | AssertionError e) {
            throw e;
        } catch (RuntimeException e) {
            throw new AssertionError("expected " + what + " to succeed, but it threw " + e + Hint.of(exercise), e);
        }
    }

    static void run(String what, String exercise, Runnable code) {
        call(what, exercise, () -> {
            code.run();
            return null;
        });
    }
}
