package dev.arcade.kit;

import java.util.function.Supplier;
import org.assertj.core.api.Assertions;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * Calls the learner's code from a test, and turns an unexpected exception into a failure that says
 * which call threw what, instead of a stack trace. The skeleton's
 * {@code UnsupportedOperationException("TODO 1.3: ...")} passes through unchanged: that is the
 * message a learner should see first, and the grader reports it as "not started".
 *
 * <pre>{@code
 * boolean best = Learner.call("submit(ada, 900)", "1.3", () -> scores.submit(score));
 * var e = Learner.expectThrows("1.7", InsufficientCoinsException.class,
 *         "expected InsufficientCoinsException when alice sends more coins than she has", () -> transfers.send(...));
 * }</pre>
 */
public final class Learner {
    private Learner() {}

    /** Runs learner code that should succeed and returns its result. */
    public static <T> T call(String what, String exercise, Supplier<T> code) {
        try {
            return code.get();
        } catch (UnsupportedOperationException | AssertionError e) {
            throw e;
        } catch (AwsServiceException e) {
            throw new AssertionError("expected " + what + " to succeed, but AWS answered HTTP " + e.statusCode() + ": "
                    + e.getMessage() + Hint.of(exercise), e);
        } catch (RuntimeException e) {
            throw new AssertionError("expected " + what + " to succeed, but it threw " + e + Hint.of(exercise), e);
        }
    }

    /** Runs learner code that should succeed and returns nothing. */
    public static void run(String what, String exercise, Runnable code) {
        call(what, exercise, () -> {
            code.run();
            return null;
        });
    }

    /**
     * Runs code that must throw {@code type} and returns what it threw, for further checks. Says so
     * when it returned normally or threw something else; the skeleton's TODO passes through unchanged.
     * (AssertJ's {@code assertThatThrownBy(...).as(...)} drops the description when nothing is thrown.)
     *
     * @param expectation what should happen and why, for example "expected X when Y: ..."
     */
    public static <T extends Throwable> T expectThrows(String exercise, Class<T> type, String expectation,
            ThrowingCallable code) {
        return expectThrows(exercise, type, () -> expectation, code);
    }

    /** Like {@link #expectThrows(String, Class, String, ThrowingCallable)}, with the message made after the call. */
    public static <T extends Throwable> T expectThrows(String exercise, Class<T> type, Supplier<String> expectation,
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
