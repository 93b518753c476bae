package dev.arcade.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.MultipleFailuresError;

/**
 * What {@link AwsTestExtension} does to a failure and to a {@link Learner} parameter, seen through
 * JUnit's engine test kit: the classes below run only through {@link EngineTestKit}.
 */
@DisplayName("The kit's extension: hint pointers, the Learner parameter, no parallel execution")
class AwsTestExtensionTest {

    private static final String POINTER = " (hint: ./workshop hint 9.1)";

    /** What the tests below saw, by test method name. */
    static final Map<String, String> SEEN = new ConcurrentHashMap<>();

    @AwsTest
    @Exercise("9.1")
    static class Failures {
        @Graded
        void plainFailure() {
            throw new AssertionError("expected 42, but it was 41");
        }

        @Graded
        void alreadyHinted() {
            throw new AssertionError("expected 42, but it was 41" + Hint.of("9.1"));
        }

        @Graded
        void hintedInTheMiddle() {
            throw new AssertionError("[the answer" + Hint.of("9.1") + "] expected 42, but it was 41");
        }

        @Graded
        void trailingWhitespace() {
            throw new AssertionError("expected 42, but it was 41\n  ");
        }

        @Graded
        void noMessage() {
            throw new AssertionError();
        }

        @Graded(exercise = "9.7")
        void ownExercise() {
            throw new AssertionError("expected 42");
        }

        @Graded
        void expectedAndActual() {
            AssertionFailedError e = new AssertionFailedError(
                    "expected: 42 but was: 41", 42, 41, new IllegalStateException("the cause"));
            e.addSuppressed(new IllegalArgumentException("suppressed"));
            throw e;
        }

        @Graded
        void multipleFailures() {
            throw new MultipleFailuresError(
                    "the score item", List.of(new AssertionError("score"), new AssertionError("date")));
        }

        @Graded
        void learnerCodeThrows() {
            throw new IllegalStateException("boom");
        }

        @Graded
        void skeletonTodo() {
            throw new UnsupportedOperationException("TODO 9.1: do it");
        }

        @Test
        void notGraded() {
            throw new AssertionError("expected 42, but it was 41");
        }
    }

    @AwsTest
    @Exercise("9.1")
    static class FailingBeforeEach {
        @BeforeEach
        void fixture() {
            throw new AssertionError("expected the fixture to be there");
        }

        @Graded
        void graded() {}

        @Test
        void notGraded() {}
    }

    @AwsTest
    @Exercise("9.2")
    static class LearnerParameters {
        private Learner fromBeforeEach;

        @BeforeEach
        void bind(Learner learner) {
            fromBeforeEach = learner;
        }

        @Graded
        void classExercise(Learner learner) {
            SEEN.put("classExercise", learner.exercise() + " " + fromBeforeEach.exercise());
        }

        @Graded(exercise = "9.3")
        void ownExercise(Learner learner) {
            SEEN.put("ownExercise", learner.exercise() + " " + fromBeforeEach.exercise());
        }

        @Graded
        void callFails(Learner learner) {
            learner.run("explode()", () -> {
                throw new IllegalStateException("boom");
            });
        }
    }

    @Exercise("9.4")
    static class Outer {
        @AwsTest
        static class Inner {
            @Graded
            void enclosingExercise(Learner learner) {
                SEEN.put("enclosingExercise", learner.exercise());
            }
        }
    }

    @AwsTest
    @Exercise("9.1")
    static class Parallel {
        @Graded
        void graded() {}
    }

    private static EngineExecutionResults run(Class<?> type) {
        return EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(type))
                .execute();
    }

    /** The failure of test {@code method}; fails when it did not fail. */
    private static Throwable failure(EngineExecutionResults results, String method) {
        List<Event> finished = new ArrayList<>(results.testEvents().finished().list());
        Event event = finished.stream()
                .filter(e -> e.getTestDescriptor().getLegacyReportingName().startsWith(method + "("))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no test " + method + " ran"));
        TestExecutionResult result = event.getRequiredPayload(TestExecutionResult.class);
        assertThat(result.getStatus()).as("status of %s", method).isEqualTo(TestExecutionResult.Status.FAILED);
        return result.getThrowable().orElseThrow();
    }

    @Test
    @DisplayName("a graded test's failed assertion ends with its exercise's hint pointer")
    void appendsThePointer() {
        EngineExecutionResults results = run(Failures.class);

        assertThat(failure(results, "plainFailure"))
                .isInstanceOf(AssertionError.class)
                .hasMessage("expected 42, but it was 41" + POINTER);
        assertThat(failure(results, "trailingWhitespace")).hasMessage("expected 42, but it was 41" + POINTER);
        assertThat(failure(results, "noMessage")).hasMessage(POINTER);
        assertThat(failure(results, "ownExercise")).hasMessage("expected 42 (hint: ./workshop hint 9.7)");
    }

    @Test
    @DisplayName("a message that has a hint pointer already keeps it as it is, wherever it is, and gets no second one")
    void keepsAnExistingPointer() {
        EngineExecutionResults results = run(Failures.class);

        assertThat(failure(results, "alreadyHinted")).hasMessage("expected 42, but it was 41" + POINTER);
        assertThat(failure(results, "hintedInTheMiddle"))
                .hasMessage("[the answer" + POINTER + "] expected 42, but it was 41");
    }

    @Test
    @DisplayName("a failure in @BeforeEach of a graded test gets the pointer; of an ungraded test, not")
    void appendsThePointerToABeforeEachFailure() {
        EngineExecutionResults results = run(FailingBeforeEach.class);

        assertThat(failure(results, "graded")).hasMessage("expected the fixture to be there" + POINTER);
        assertThat(failure(results, "notGraded")).hasMessage("expected the fixture to be there");
    }

    @Test
    @DisplayName("an ungraded test's failure, an exception from learner code and the skeleton's TODO stay as they are")
    void leavesEverythingElseAlone() {
        EngineExecutionResults results = run(Failures.class);

        assertThat(failure(results, "notGraded")).hasMessage("expected 42, but it was 41");
        assertThat(failure(results, "learnerCodeThrows"))
                .isExactlyInstanceOf(IllegalStateException.class)
                .hasMessage("boom");
        assertThat(failure(results, "skeletonTodo"))
                .isExactlyInstanceOf(UnsupportedOperationException.class)
                .hasMessage("TODO 9.1: do it");
    }

    @Test
    @DisplayName("an AssertionFailedError keeps its expected and actual values, cause, suppressed and stack trace")
    void keepsExpectedAndActual() {
        Throwable t = failure(run(Failures.class), "expectedAndActual");

        assertThat(t)
                .isExactlyInstanceOf(AssertionFailedError.class)
                .hasMessage("expected: 42 but was: 41" + POINTER)
                .hasCauseInstanceOf(IllegalStateException.class);
        AssertionFailedError f = (AssertionFailedError) t;
        assertThat(f.isExpectedDefined()).isTrue();
        assertThat(f.getExpected().getValue()).isEqualTo(42);
        assertThat(f.isActualDefined()).isTrue();
        assertThat(f.getActual().getValue()).isEqualTo(41);
        assertThat(f.getSuppressed())
                .singleElement()
                .satisfies(s -> assertThat(s).hasMessage("suppressed"));
        assertThat(f.getStackTrace()).isNotEmpty();
        assertThat(f.getStackTrace()[0].getMethodName()).isEqualTo("expectedAndActual");
    }

    @Test
    @DisplayName("a MultipleFailuresError (soft assertions) keeps every failure's text, with one pointer at the end")
    void hintsMultipleFailures() {
        Throwable t = failure(run(Failures.class), "multipleFailures");

        assertThat(t).isInstanceOf(AssertionError.class);
        assertThat(t.getMessage())
                .startsWith("the score item (2 failures)")
                .contains("score", "date")
                .endsWith(POINTER);
        assertThat(t.getMessage().indexOf(POINTER)).isEqualTo(t.getMessage().lastIndexOf(POINTER));
    }

    @Test
    @DisplayName("a Learner parameter is bound to the class's @Exercise, or to the test's own @Graded(exercise)")
    void bindsTheLearnerToTheExercise() {
        SEEN.clear();
        EngineExecutionResults results = run(LearnerParameters.class);
        run(Outer.Inner.class).testEvents().assertStatistics(s -> s.succeeded(1));

        assertThat(SEEN)
                .containsEntry("classExercise", "9.2 9.2")
                .containsEntry("ownExercise", "9.3 9.3")
                .containsEntry("enclosingExercise", "9.4");
        assertThat(failure(results, "callFails"))
                .hasMessage("expected explode() to succeed, but it threw java.lang.IllegalStateException: boom"
                        + " (hint: ./workshop hint 9.2)")
                .hasCauseInstanceOf(IllegalStateException.class);
    }

    @Test
    @DisplayName("a class run with JUnit's parallel execution on is refused before its first test, saying why")
    void refusesParallelExecution() {
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
                .configurationParameter(AwsTestExtension.PARALLEL, "true")
                .selectors(selectMethod(Parallel.class, "graded"))
                .execute();

        results.testEvents().assertStatistics(s -> s.started(0));
        Throwable refused = results.containerEvents().failed().stream()
                .map(e -> e.getRequiredPayload(TestExecutionResult.class)
                        .getThrowable()
                        .orElseThrow())
                .findFirst()
                .orElseThrow(() -> new AssertionError("no container failed"));
        assertThat(refused)
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessageContaining("cannot run with JUnit's parallel execution")
                .hasMessageContaining("Remove " + AwsTestExtension.PARALLEL + "=true");
    }
}
