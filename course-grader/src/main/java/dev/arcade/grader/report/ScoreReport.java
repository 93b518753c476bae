package dev.arcade.grader.report;

import dev.arcade.runner.TestStatus;
import java.time.Instant;
import java.util.List;

/**
 * A whole grading run: what {@code target/workshop/report.json} holds (see {@code docs/report-schema.md}).
 *
 * @param backend the backend line, for example "Backend: moto (...) at http://127.0.0.1:5000"
 * @param backendKind the backend's kind, for example {@code moto}
 * @param generatedAt when the run ended
 * @param tampered test files that differ from the course manifest (empty when none)
 * @param modules the modules graded, in order
 */
public record ScoreReport(String backend, String backendKind, Instant generatedAt, List<String> tampered,
        List<ModuleResult> modules) {

    /** The report format's version, written as {@code schema}. */
    public static final String SCHEMA = "arcade-workshop-report/1";

    /** Points earned in all. */
    public int earned() {
        return modules.stream().mapToInt(ModuleResult::earned).sum();
    }

    /** Points possible in all, on this backend. */
    public int possible() {
        return modules.stream().mapToInt(ModuleResult::possible).sum();
    }

    /** How many exercises there are. */
    public int exercises() {
        return modules.stream().mapToInt(m -> m.exercises().size()).sum();
    }

    /** How many exercises passed. */
    public int exercisesPassed() {
        return (int) modules.stream().flatMap(m -> m.exercises().stream())
                .filter(e -> e.status() == TestStatus.PASSED).count();
    }
}
