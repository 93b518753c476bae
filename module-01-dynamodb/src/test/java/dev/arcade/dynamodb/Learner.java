package dev.arcade.dynamodb;

import java.util.function.Supplier;
import org.assertj.core.api.Assertions;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

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

    /**
     * Runs code that must throw {@code type} and returns what it threw, for further checks. Says so
     * when it returned normally or threw something else; the skeleton's TODO passes through unchanged.
     *
     * @param expectation what should happen and why, for example "expected X when Y: ..."
     */
    static <T extends Throwable> T expectThrows(String exercise, Class<T> type, String expectation, ThrowingCallable code) {
        return expectThrows(exercise, type, () -> expectation, code);
    }

    /** Like {@link #expectThrows(String, Class, String, ThrowingCallable)}, the message made after the call. */
    static <T extends Throwable> T expectThrows(String exercise, Class<T> type, Supplier<String> expectation,
            ThrowingCallable code) {
        Throwable thrown = Assertions.catchThrowable(code);
        if (thrown == null) {
            throw new AssertionError(expectation.get() + "; but it returned normally" + Hint.of(exercise));
        }
        if (type.isInstance(thrown)) {
            return type.cast(thrown);
        }
        if (thrown instanceof UnsupportedOperationException todo) {
            throw todo;
        }
        if (thrown instanceof AssertionError failure) {
            throw failure;
        }
        throw new AssertionError(expectation.get() + "; but it threw " + thrown + Hint.of(exercise), thrown);
    }
}
