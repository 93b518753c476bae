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
 * <p>An {@link AwsTest} hands one out as a parameter, bound to the test's exercise, so that its
 * messages end with that exercise's hint pointer:
 *
 * <pre>{@code
 * @Graded(points = 2)
 * void bestScoreWins(Learner learner) {
 *     boolean best = learner.call("submit(ada, 900)", () -> scores.submit(score));
 *     var e = learner.expectThrows(InsufficientCoinsException.class,
 *             "expected InsufficientCoinsException when alice sends more coins than she has",
 *             () -> transfers.transfer(...));
 * }
 * }</pre>
 *
 * A helper outside a test method (a fixture built in {@code @BeforeEach}) makes its own with
 * {@link #of(String)}.
 */
public final class Learner {
    private final String exercise;

    Learner(String exercise) {
        this.exercise = exercise;
    }

    /** A learner bound to {@code exercise}, for example {@code "1.3"}. */
    public static Learner of(String exercise) {
        return new Learner(exercise);
    }

    /** The exercise this learner's messages point to, for example {@code "1.3"}. */
    public String exercise() {
        return exercise;
    }

    /**
     * Runs learner code that should succeed and returns its result.
     *
     * @param what the call as a learner would write it, for example {@code "submit(alice, 4200)"}
     * @throws AssertionError saying what {@code code} threw (an AWS error with its HTTP status)
     */
    public <T> T call(String what, Supplier<T> code) {
        try {
            return code.get();
        } catch (UnsupportedOperationException | AssertionError e) {
            throw e;
        } catch (AwsServiceException e) {
            throw new AssertionError(
                    "expected " + what + " to succeed, but AWS answered HTTP " + e.statusCode() + ": " + e.getMessage()
                            + Hint.of(exercise),
                    e);
        } catch (RuntimeException e) {
            throw new AssertionError("expected " + what + " to succeed, but it threw " + e + Hint.of(exercise), e);
        }
    }

    /** Like {@link #call(String, Supplier)}, for code that returns nothing. */
    public void run(String what, Runnable code) {
        call(what, () -> {
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
     * @throws AssertionError when {@code code} returned normally or threw another type
     */
    public <T extends Throwable> T expectThrows(Class<T> type, String expectation, ThrowingCallable code) {
        return expectThrows(type, () -> expectation, code);
    }

    /** Like {@link #expectThrows(Class, String, ThrowingCallable)}, with the message made after the call. */
    public <T extends Throwable> T expectThrows(Class<T> type, Supplier<String> expectation, ThrowingCallable code) {
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
