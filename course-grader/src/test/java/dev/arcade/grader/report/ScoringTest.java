package dev.arcade.grader.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.arcade.grader.course.CourseModule;
import dev.arcade.grader.session.TestOutcome;
import dev.arcade.runner.TestCase;
import dev.arcade.runner.TestStatus;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The score board's rules: an exercise's status, points and message from its graded tests' outcomes. */
@DisplayName("Scoring")
class ScoringTest {
    static final String UNIT = "module-01-mini";
    static final CourseModule MODULE =
            new CourseModule(Path.of("no-such-folder", UNIT), Path.of("no-such-folder", "solutions", UNIT));

    static TestCase test(int n, String exercise, int points, boolean graded) {
        return new TestCase(UNIT, "[test:" + n + "]", "mini.CalcTest", "t" + n, "test " + n, exercise, points, graded);
    }

    /**
     * Outcomes from {@code "passed:2 failing:3"}: one graded test per word, with its status and points;
     * each test's message is its status id and its place, for example {@code "failing #2"}.
     */
    static List<TestOutcome> outcomes(String spec) {
        List<TestOutcome> outcomes = new ArrayList<>();
        String[] words = spec.trim().split("\\s+");
        for (int i = 0; i < words.length; i++) {
            String[] w = words[i].split(":");
            TestStatus status = TestStatus.valueOf(w[0].toUpperCase(Locale.ROOT));
            int points = w.length > 1 ? Integer.parseInt(w[1]) : 1;
            String message = status == TestStatus.PASSED ? null : w[0] + " #" + (i + 1);
            outcomes.add(new TestOutcome(test(i + 1, "1.1", points, true), status, message, null, null, 0));
        }
        return outcomes;
    }

    @ParameterizedTest(name = "[{0}] -> {1} {2}/{3} (+{4} not gradable): \"{5}\"")
    @CsvSource(delimiter = '|', textBlock = """
            # outcomes of the exercise's graded tests   | status           | earned | possible | not gradable | message
            passed:2                                    | passed           | 2      | 2        | 0            | ''
            passed:2 passed:3                           | passed           | 5      | 5        | 0            | ''
            failing:2                                   | failing          | 0      | 2        | 0            | failing #1
            passed:2 failing:3                          | failing          | 2      | 5        | 0            | failing #2
            not_started:2 not_started:3                 | not_started      | 0      | 5        | 0            | not_started #1
            passed:2 not_started:3                      | failing          | 2      | 5        | 0            | not_started #2
            not_started:2 failing:3                     | failing          | 0      | 5        | 0            | failing #2
            timed_out:2                                 | timed_out        | 0      | 2        | 0            | timed_out #1
            failing:1 timed_out:2                       | timed_out        | 0      | 3        | 0            | timed_out #2
            passed:1 timed_out:2 timed_out:3            | timed_out        | 1      | 6        | 0            | timed_out #2
            crashed:2                                   | crashed          | 0      | 2        | 0            | crashed #1
            timed_out:1 crashed:2                       | crashed          | 0      | 3        | 0            | crashed #2
            failing:1 not_started:1 crashed:2           | crashed          | 0      | 4        | 0            | crashed #3
            does_not_compile:2 does_not_compile:3       | does_not_compile | 0      | 5        | 0            | does_not_compile #1
            crashed:1 does_not_compile:2                | does_not_compile | 0      | 3        | 0            | does_not_compile #2
            not_gradable:2                              | not_gradable     | 0      | 0        | 2            | not_gradable #1
            not_gradable:2 not_gradable:3               | not_gradable     | 0      | 0        | 5            | not_gradable #1
            passed:2 not_gradable:3                     | passed           | 2      | 2        | 3            | ''
            not_gradable:3 failing:2                    | failing          | 0      | 2        | 3            | failing #2
            not_gradable:3 not_started:2                | not_started      | 0      | 2        | 3            | not_started #2
            not_gradable:1 passed:1 crashed:1           | crashed          | 1      | 2        | 1            | crashed #3
            """)
    void exercise(String spec, String status, int earned, int possible, int notGradable, String message) {
        ExerciseResult e = Scoring.exercise("1.1", "Add", outcomes(spec));
        assertThat(ReportWriter.id(e.status())).as("status").isEqualTo(status);
        assertThat(e.earned()).as("earned").isEqualTo(earned);
        assertThat(e.possible()).as("possible").isEqualTo(possible);
        assertThat(e.notGradable()).as("not gradable points").isEqualTo(notGradable);
        assertThat(e.message()).as("message").isEqualTo(message);
        assertThat(e.tests()).hasSize(spec.trim().split("\\s+").length);
    }

    @Test
    @DisplayName("a module's exercises come in the lesson's order, graded tests only, with what did not run as crashed")
    void module() {
        TestCase add = test(1, "1.1", 2, true);
        TestCase subtract = test(2, "1.2", 1, true);
        TestCase helper = test(3, "1.2", 0, false);
        TestCase extra = test(4, "1.9", 4, true);
        TestCase multiply = test(5, "1.3", 3, true);
        Map<String, String> titles = new LinkedHashMap<>();
        titles.put("1.3", "Multiply");
        titles.put("1.1", "Add");
        titles.put("1.2", "Subtract");
        titles.put("1.4", "Divide"); // in the lesson, no graded test: not on the board
        Map<String, TestOutcome> outcomes = new HashMap<>();
        for (TestCase t : List.of(add, subtract, helper, extra)) {
            outcomes.put(t.key(), new TestOutcome(t, TestStatus.PASSED, null, null, null, 5));
        }
        ModuleResult m =
                Scoring.module(MODULE, List.of(add, subtract, helper, extra, multiply), outcomes, titles, null);
        assertThat(m.name()).isEqualTo(UNIT);
        assertThat(m.exercises()).extracting(ExerciseResult::id).containsExactly("1.3", "1.1", "1.2", "1.9");
        assertThat(m.exercises())
                .extracting(ExerciseResult::title)
                .containsExactly("Multiply", "Add", "Subtract", "Exercise 1.9");
        ExerciseResult notRun = m.exercises().get(0);
        assertThat(notRun.status()).isEqualTo(TestStatus.CRASHED);
        assertThat(notRun.message()).isEqualTo("this test did not run");
        assertThat(m.exercises().get(2).tests())
                .as("the ungraded helper test is not scored")
                .hasSize(1);
        assertThat(m.earned()).isEqualTo(7);
        assertThat(m.possible()).isEqualTo(10);
    }

    @Test
    @DisplayName("a module that does not compile: every exercise does not compile, with the compiler's message")
    void doesNotCompile() {
        TestCase add = test(1, "1.1", 2, true);
        TestCase subtract = test(2, "1.2", 1, true);
        ModuleResult m = Scoring.module(
                MODULE,
                List.of(add, subtract),
                Map.of(add.key(), new TestOutcome(add, TestStatus.PASSED, null, null, null, 1)),
                Map.of(),
                "Calc.java:3: ';' expected");
        assertThat(m.compileError()).isEqualTo("Calc.java:3: ';' expected");
        assertThat(m.exercises()).allSatisfy(e -> {
            assertThat(e.status()).isEqualTo(TestStatus.DOES_NOT_COMPILE);
            assertThat(e.message()).isEqualTo("Calc.java:3: ';' expected");
        });
        assertThat(m.earned()).isZero();
        assertThat(m.possible()).isEqualTo(3);
    }

    @Test
    @DisplayName("graded tests are grouped by exercise: the lesson's first, even without tests, then the others")
    void byExercise() {
        TestCase a = test(1, "1.2", 1, true);
        TestCase b = test(2, "1.1", 1, false);
        TestCase c = test(3, "", 1, true);
        TestCase d = test(4, "1.2", 1, true);
        Map<String, String> titles = new LinkedHashMap<>();
        titles.put("1.1", "Add");
        titles.put("1.2", "Subtract");
        Map<String, List<TestCase>> groups = Scoring.byExercise(List.of(a, b, c, d), titles);
        assertThat(groups.keySet()).containsExactly("1.1", "1.2", "");
        assertThat(groups.get("1.1")).isEmpty();
        assertThat(groups.get("1.2")).containsExactly(a, d);
        assertThat(groups.get("")).containsExactly(c);
    }

    static Stream<Arguments> nothingToGrade() {
        ModuleResult none = new ModuleResult("module-03-lambda", "Lambda", null, List.of());
        ModuleResult alsoNone = new ModuleResult("module-04-monitoring", "Monitoring", null, List.of());
        ExerciseResult skipped = Scoring.exercise(
                "2.4",
                "Players",
                List.of(new TestOutcome(
                        test(1, "2.4", 3, true),
                        TestStatus.NOT_GRADABLE,
                        "not gradable on moto: needs policy enforcement",
                        null,
                        null,
                        0)));
        ExerciseResult started = Scoring.exercise("1.1", "Add", outcomes("not_started:2"));
        ExerciseResult passed = Scoring.exercise("1.1", "Add", outcomes("passed:2"));
        return Stream.of(
                arguments(
                        "one module without graded tests",
                        List.of(none),
                        "Nothing to grade here: module-03-lambda has no graded tests."),
                arguments(
                        "modules without graded tests",
                        List.of(none, alsoNone),
                        "Nothing to grade here: no module has graded tests."),
                arguments(
                        "no test gradable on this backend",
                        List.of(new ModuleResult("module-02-iam", "IAM", null, List.of(skipped))),
                        "Nothing to grade here: no graded test is gradable on moto (not gradable on moto: needs"
                                + " policy enforcement)."),
                arguments(
                        "not started is something to grade",
                        List.of(new ModuleResult(UNIT, "Mini", null, List.of(started))),
                        null),
                arguments(
                        "passed is something to grade",
                        List.of(none, new ModuleResult(UNIT, "Mini", null, List.of(passed, skipped))),
                        null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void nothingToGrade(String what, List<ModuleResult> modules, String expected) {
        ScoreReport r = new ScoreReport("Backend: moto", "moto", Instant.EPOCH, List.of(), modules);
        assertThat(r.nothingToGrade().orElse(null)).isEqualTo(expected);
    }
}
