package dev.arcade.grader.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arcade.grader.session.TestOutcome;
import dev.arcade.runner.TestCase;
import dev.arcade.runner.TestStatus;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The rules of ./workshop verify, one by one and on a whole module. */
@DisplayName("Verification")
class VerificationTest {
    static final String MODULE = "module-01-mini";
    static final String SKELETON = MODULE + "@skeleton";

    static TestCase test(String unit, int n, String exercise, boolean graded) {
        return new TestCase(unit, "[test:" + n + "]", "mini.CalcTest", "t" + n, "test " + n, exercise, 2, graded);
    }

    static TestOutcome outcome(String status, String exception, String message) {
        return new TestOutcome(
                test(SKELETON, 1, "1.1", true),
                TestStatus.valueOf(status.toUpperCase(Locale.ROOT)),
                message,
                exception,
                null,
                0);
    }

    @ParameterizedTest(name = "{0} ({1}) on the skeleton: {3}")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            # status on the skeleton | exception                                  | message                                      | why it is wrong (null: the right reason)
            not_started      | java.lang.UnsupportedOperationException            | TODO 1.1: add                                | null
            failing          | java.lang.AssertionError                           | [2 + 3] expected: 5                          | null
            failing          | org.opentest4j.AssertionFailedError                | expected: <5> but was: <0>                   | null
            failing          | org.opentest4j.MultipleFailuresError               | 2 failures                                   | null
            failing          | org.assertj.core.error.AssertJMultipleFailuresError | 2 failures                                  | null
            not_gradable     | null                                               | not gradable on moto: needs IAM enforcement  | null
            failing          | java.lang.UnsupportedOperationException            | reached the unfinished exercise 1.2: TODO 1.2 | fails on the skeleton for the wrong reason (java.lang.UnsupportedOperationException): reached the unfinished exercise 1.2: TODO 1.2
            failing          | java.lang.NullPointerException                     | your code threw NullPointerException         | fails on the skeleton for the wrong reason (java.lang.NullPointerException): your code threw NullPointerException
            failing          | null                                               | failed                                       | fails on the skeleton for the wrong reason (null): failed
            passed           | null                                               | null                                         | passes on the untouched skeleton: it cannot fail, so it grades nothing
            not_gradable     | null                                               | disabled                                     | is skipped on the skeleton: disabled
            timed_out        | java.util.concurrent.TimeoutException              | did not finish in time                       | is timed out on the skeleton: did not finish in time
            crashed          | null                                               | the JVM stopped during this test             | is crashed on the skeleton: the JVM stopped during this test
            does_not_compile | null                                               | Calc.java:3: ';' expected                    | is does not compile on the skeleton: Calc.java:3: ';' expected
            """)
    void skeleton(String status, String exception, String message, String wrong) {
        assertThat(Verification.wrongReason(outcome(status, exception, message)))
                .isEqualTo(wrong);
    }

    @Test
    @DisplayName("a graded test that did not run on the skeleton is a breach")
    void skeletonDidNotRun() {
        assertThat(Verification.wrongReason(null)).isEqualTo("did not run on the skeleton");
    }

    @ParameterizedTest(name = "{0} on the reference: {2}")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            # status on the reference | message                                    | what is wrong (null: nothing)
            passed           | null                                       | null
            not_gradable     | not gradable on moto: needs IAM enforcement | null
            not_gradable     | disabled                                   | is skipped on the reference: disabled
            failing          | [2 + 3] expected: 5                        | failing on the reference: [2 + 3] expected: 5
            not_started      | TODO 1.1: add                              | not started on the reference: TODO 1.1: add
            timed_out        | did not finish in time                     | timed out on the reference: did not finish in time
            crashed          | the JVM stopped                            | crashed on the reference: the JVM stopped
            """)
    void reference(String status, String message, String problem) {
        assertThat(Verification.referenceProblem(outcome(status, null, message)))
                .isEqualTo(problem);
    }

    @Test
    @DisplayName("a test that did not run on the reference is a breach")
    void referenceDidNotRun() {
        assertThat(Verification.referenceProblem(null)).isEqualTo("did not run on the reference");
    }

    static final TestCase ADD = test(MODULE, 1, "1.1", true);
    static final TestCase ADD_ZERO = test(MODULE, 2, "1.1", true);
    static final TestCase SUBTRACT = test(MODULE, 3, "1.2", true);
    static final TestCase HELPER = test(MODULE, 4, "1.2", false);
    static final TestCase NOWHERE = test(MODULE, 5, "", true);
    static final TestCase EXTRA = test(MODULE, 6, "1.9", true);
    static final List<TestCase> CATALOG = List.of(ADD, ADD_ZERO, SUBTRACT, HELPER, NOWHERE, EXTRA);

    static Map<String, String> titles() {
        Map<String, String> titles = new LinkedHashMap<>();
        titles.put("1.1", "Add");
        titles.put("1.2", "Subtract");
        titles.put("1.3", "Multiply");
        return titles;
    }

    static int hints(String exercise) {
        return switch (exercise) {
            case "1.1", "1.9" -> 3;
            case "1.2" -> 1;
            default -> 0;
        };
    }

    static void put(
            Map<String, TestOutcome> outcomes,
            String unit,
            TestCase t,
            TestStatus status,
            String exception,
            String message) {
        TestCase run = new TestCase(
                unit, t.id(), t.className(), t.methodName(), t.displayName(), t.exercise(), t.points(), t.graded());
        outcomes.put(run.key(), new TestOutcome(run, status, message, exception, null, 0));
    }

    /** The reference: every test passes but the helper, which is not graded and must pass all the same. */
    static Map<String, TestOutcome> outcomes() {
        Map<String, TestOutcome> outcomes = new HashMap<>();
        for (TestCase t : CATALOG) {
            put(outcomes, MODULE, t, TestStatus.PASSED, null, null);
        }
        put(outcomes, MODULE, HELPER, TestStatus.FAILING, "java.lang.AssertionError", "helper broke");
        put(outcomes, MODULE, EXTRA, TestStatus.NOT_GRADABLE, null, "not gradable on moto: needs X");
        put(outcomes, SKELETON, ADD, TestStatus.NOT_STARTED, "java.lang.UnsupportedOperationException", "TODO 1.1");
        put(outcomes, SKELETON, ADD_ZERO, TestStatus.FAILING, "java.lang.AssertionError", "expected 0");
        put(outcomes, SKELETON, SUBTRACT, TestStatus.PASSED, null, null);
        put(outcomes, SKELETON, NOWHERE, TestStatus.FAILING, "java.lang.AssertionError", "nope");
        put(outcomes, SKELETON, EXTRA, TestStatus.NOT_GRADABLE, null, "not gradable on moto: needs X");
        return outcomes;
    }

    @Test
    @DisplayName("a whole module: every breach, in order, and the table")
    void module() {
        Verification v = new Verification();
        List<Verification.Row> rows =
                v.checkRuns(MODULE, CATALOG, titles(), VerificationTest::hints, outcomes(), SKELETON);
        assertThat(v.breaches())
                .containsExactly(
                        "module-01-mini: graded test CalcTest.t5 names no exercise",
                        "module-01-mini: CalcTest.t4 failing on the reference: helper broke",
                        "1.2: 1 hint in module-01-mini/hints/1.2.md, three are needed (a nudge, the concept, nearly the solution)",
                        "1.2: graded test CalcTest.t3 passes on the untouched skeleton: it cannot fail, so it grades nothing",
                        "1.3: the lesson has this exercise but no graded test does",
                        "1.3: 0 hints in module-01-mini/hints/1.3.md, three are needed (a nudge, the concept, nearly the solution)",
                        ": no lesson section '##  <title>' in module-01-mini/README.md",
                        ": 0 hints in module-01-mini/hints/.md, three are needed (a nudge, the concept, nearly the solution)",
                        "1.9: no lesson section '## 1.9 <title>' in module-01-mini/README.md");
        assertThat(v.holds()).isFalse();
        assertThat(v.notes()).isEmpty();
        assertThat(rows)
                .containsExactly(
                        new Verification.Row("1.1", "Add", 2, 4, "2/2 pass", "2/2 fail right", true, 3),
                        new Verification.Row("1.2", "Subtract", 1, 2, "1/1 pass", "0/1 fail right", true, 1),
                        new Verification.Row("1.3", "Multiply", 0, 0, "0/0 pass", "0/0 fail right", true, 0),
                        new Verification.Row("", "?", 1, 2, "1/1 pass", "1/1 fail right", false, 0),
                        new Verification.Row(
                                "1.9", "?", 1, 2, "0/1 pass (1 not gradable here)", "1/1 fail right", false, 3));
        assertThat(rows).extracting(Verification.Row::referenceOk).containsExactly(true, true, true, true, true);
        assertThat(rows).extracting(Verification.Row::skeletonOk).containsExactly(true, false, true, true, true);
        assertThat(rows).extracting(Verification.Row::hintsOk).containsExactly(true, false, false, false, true);
    }

    @Test
    @DisplayName("a sound module holds; without a skeleton run, the skeleton is not checked")
    void soundModule() {
        List<TestCase> catalog = List.of(ADD, ADD_ZERO);
        Map<String, TestOutcome> outcomes = new HashMap<>();
        put(outcomes, MODULE, ADD, TestStatus.PASSED, null, null);
        put(outcomes, MODULE, ADD_ZERO, TestStatus.PASSED, null, null);
        Map<String, String> titles = Map.of("1.1", "Add");

        Verification unchecked = new Verification();
        assertThat(unchecked.checkRuns(MODULE, catalog, titles, id -> 3, outcomes, null))
                .containsExactly(
                        new Verification.Row("1.1", "Add", 2, 4, "2/2 pass", Verification.NOT_CHECKED, true, 3));
        assertThat(unchecked.holds()).as("breaches: %s", unchecked.breaches()).isTrue();

        put(outcomes, SKELETON, ADD, TestStatus.NOT_STARTED, "java.lang.UnsupportedOperationException", "TODO 1.1");
        Verification checked = new Verification();
        assertThat(checked.checkRuns(MODULE, catalog, titles, id -> 3, outcomes, SKELETON))
                .extracting(Verification.Row::skeleton)
                .containsExactly("1/2 fail right");
        assertThat(checked.breaches()).containsExactly("1.1: graded test CalcTest.t2 did not run on the skeleton");
    }

    @Test
    @DisplayName("a course without a manifest is a breach")
    void manifest() {
        Verification v = new Verification();
        v.checkManifest(Optional.empty());
        assertThat(v.breaches())
                .containsExactly("course-manifest.json is missing: run ./workshop manifest and commit it");
    }

    @ParameterizedTest(name = "reference \"{1}\" of {0} tests ok: {2}")
    @CsvSource({
        "2, 2/2 pass, true",
        "2, 1/2 pass, false",
        "2, 1/2 pass (1 not gradable here), true",
        "12, 1/12 pass, false",
        "1, 1/1 pass, true"
    })
    void referenceColumn(int tests, String reference, boolean ok) {
        assertThat(new Verification.Row("1.1", "Add", tests, 2, reference, Verification.NOT_CHECKED, true, 3)
                        .referenceOk())
                .isEqualTo(ok);
    }
}
