package dev.arcade.grader.report;

import dev.arcade.runner.TestStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A whole grading run: what {@code target/workshop/report.json} holds (see {@code docs/report-schema.md}).
 *
 * @param backend the backend line, for example "Backend: moto (...) at http://127.0.0.1:5000"
 * @param backendKind the backend's kind, for example {@code moto}
 * @param generatedAt when the run ended
 * @param tampered test files that differ from the course manifest (empty when none)
 * @param modules the modules graded, in order
 */
public record ScoreReport(
        String backend, String backendKind, Instant generatedAt, List<String> tampered, List<ModuleResult> modules) {

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

    /**
     * Why no point can be earned here, when none can: the modules graded have no graded test, or
     * none of their graded tests is gradable on this backend. Empty when there are points to earn.
     */
    public Optional<String> nothingToGrade() {
        if (possible() > 0) {
            return Optional.empty();
        }
        if (exercises() == 0) {
            String what =
                    modules.size() == 1 ? modules.get(0).name() + " has no graded tests" : "no module has graded tests";
            return Optional.of("Nothing to grade here: " + what + ".");
        }
        String why = modules.stream()
                .flatMap(m -> m.exercises().stream())
                .map(ExerciseResult::message)
                .filter(s -> s != null && !s.isBlank())
                .findFirst()
                .map(s -> " (" + s + ")")
                .orElse("");
        return Optional.of("Nothing to grade here: no graded test is gradable on " + backendKind + why + ".");
    }

    /** How many exercises passed. */
    public int exercisesPassed() {
        return (int) modules.stream()
                .flatMap(m -> m.exercises().stream())
                .filter(e -> e.status() == TestStatus.PASSED)
                .count();
    }
}
