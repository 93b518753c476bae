package dev.arcade.grader.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arcade.grader.report.MutationScores.ExerciseScore;
import dev.arcade.grader.report.MutationScores.Mutant;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("Mutation scores per exercise, from PIT's report")
class MutationScoresTest {
    private static Mutant mutant(String status) {
        return mutant("dev.arcade.dynamodb.BestScores", 53, "NegateConditionalsMutator", status);
    }

    private static Mutant mutant(String className, int line, String mutator, String status) {
        String file = className.substring(className.lastIndexOf('.') + 1).replaceFirst("\\$.*", "") + ".java";
        return new Mutant(className, file, line, "submit", mutator, "negated conditional", status);
    }

    @ParameterizedTest(name = "{0} counts as detected: {1}, counted: {2}")
    @CsvSource({
        "KILLED, true, true",
        "TIMED_OUT, true, true",
        "MEMORY_ERROR, true, true",
        "RUN_ERROR, true, true",
        "SURVIVED, false, true",
        "NO_COVERAGE, false, true",
        "NON_VIABLE, false, false"
    })
    @DisplayName("each PIT status counts as detected, not detected, or not at all")
    void statuses(String status, boolean detected, boolean counted) {
        List<ExerciseScore> scores =
                MutationScores.score(List.of(mutant(status), mutant("KILLED")), (c, m) -> "1.3", Map.of());

        assertThat(scores).singleElement().satisfies(s -> {
            assertThat(s.counted()).isEqualTo(counted ? 2 : 1);
            assertThat(s.detected()).isEqualTo(detected ? 2 : 1);
            assertThat(s.survivors()).hasSize(counted && !detected ? 1 : 0);
        });
    }

    static Stream<Arguments> percentages() {
        return Stream.of(
                Arguments.of(List.of("KILLED", "KILLED", "KILLED", "SURVIVED"), 75.0),
                Arguments.of(List.of("KILLED"), 100.0),
                Arguments.of(List.of("SURVIVED", "NO_COVERAGE"), 0.0),
                Arguments.of(List.of("NON_VIABLE"), 100.0));
    }

    @ParameterizedTest(name = "{0} gives {1}%")
    @MethodSource("percentages")
    @DisplayName("the score is the detected share of the counted mutants")
    void percent(List<String> statuses, double percent) {
        List<Mutant> mutants = statuses.stream().map(MutationScoresTest::mutant).toList();

        List<ExerciseScore> scores = MutationScores.score(mutants, (c, m) -> "1.3", Map.of());

        double actual = scores.isEmpty() ? 100.0 : scores.get(0).percent();
        assertThat(actual).isEqualTo(percent);
    }

    @Test
    @DisplayName(
            "a surviving mutant listed as equivalent (file, line and mutator) is left out; one on another line is not")
    void equivalents() {
        List<Mutant> mutants = List.of(
                mutant("dev.arcade.dynamodb.BestScores", 53, "NegateConditionalsMutator", "SURVIVED"),
                mutant("dev.arcade.dynamodb.BestScores", 54, "NegateConditionalsMutator", "SURVIVED"),
                mutant("dev.arcade.dynamodb.BestScores", 53, "VoidMethodCallMutator", "SURVIVED"),
                mutant("dev.arcade.dynamodb.BestScores", 60, "NegateConditionalsMutator", "KILLED"));

        ExerciseScore s = MutationScores.score(
                        mutants, (c, m) -> "1.3", Map.of("BestScores.java:53 NegateConditionalsMutator", "same result"))
                .get(0);

        assertThat(s.equivalent()).isEqualTo(1);
        assertThat(s.counted()).isEqualTo(3);
        assertThat(s.survivors())
                .extracting(Mutant::line, Mutant::mutator)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(53, "VoidMethodCallMutator"),
                        org.assertj.core.groups.Tuple.tuple(54, "NegateConditionalsMutator"));
    }

    @Test
    @DisplayName(
            "mutants are grouped by the exercise of their class, inner classes with their outer one, in numeric order")
    void grouping() {
        List<Mutant> mutants = List.of(
                mutant("dev.arcade.dynamodb.Later", 1, "M", "KILLED"),
                mutant("dev.arcade.dynamodb.BestScores$1", 2, "M", "SURVIVED"),
                mutant("dev.arcade.dynamodb.Score", 3, "M", "SURVIVED"));
        Map<String, String> exercises =
                Map.of("dev.arcade.dynamodb.Later", "1.10", "dev.arcade.dynamodb.BestScores$1", "1.3");

        List<ExerciseScore> scores = MutationScores.score(mutants, (c, m) -> exercises.get(c), Map.of());

        assertThat(scores).extracting(ExerciseScore::exercise).containsExactly("1.3", "1.10");
        assertThat(scores.get(0).survivors())
                .singleElement()
                .extracting(Mutant::line)
                .isEqualTo(2);
    }

    @Test
    @DisplayName("PIT's XML report is read with class, file, line, method, short mutator name and status")
    void readsPitXml(@TempDir Path dir) throws IOException {
        Path xml = dir.resolve("mutations.xml");
        Files.writeString(xml, """
                <?xml version="1.0" encoding="UTF-8"?>
                <mutations partial="false">
                <mutation detected='false' status='SURVIVED' numberOfTestsRun='2'><sourceFile>BestScores.java</sourceFile>\
                <mutatedClass>dev.arcade.dynamodb.BestScores</mutatedClass><mutatedMethod>submit</mutatedMethod>\
                <methodDescription>(Ldev/arcade/dynamodb/Score;)Z</methodDescription><lineNumber>53</lineNumber>\
                <mutator>org.pitest.mutationtest.engine.gregor.mutators.NegateConditionalsMutator</mutator>\
                <indexes><index>22</index></indexes><blocks><block>4</block></blocks><killingTest/>\
                <description>negated conditional</description></mutation>
                </mutations>
                """);

        assertThat(MutationScores.read(xml))
                .containsExactly(new Mutant(
                        "dev.arcade.dynamodb.BestScores",
                        "BestScores.java",
                        53,
                        "submit",
                        "NegateConditionalsMutator",
                        "negated conditional",
                        "SURVIVED"));
    }

    @Test
    @DisplayName("a file that is not PIT's XML is refused with its name")
    void refusesOtherFiles(@TempDir Path dir) throws IOException {
        Path xml = dir.resolve("mutations.xml");
        Files.writeString(xml, "not xml");

        assertThatThrownBy(() -> MutationScores.read(xml))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("mutations.xml is not PIT's mutations.xml");
    }

    @Test
    @DisplayName(
            "an equivalents file keeps file:line and mutator as the key and the rest as the reason, skipping comments")
    void readsEquivalents(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("mutation-equivalents.txt");
        Files.writeString(
                file,
                "# comment\n\nBestScores.java:53 NegateConditionalsMutator  the condition is re-checked by DynamoDB\n");

        assertThat(MutationScores.readEquivalents(file))
                .containsExactly(Map.entry(
                        "BestScores.java:53 NegateConditionalsMutator", "the condition is re-checked by DynamoDB"));
        assertThat(MutationScores.readEquivalents(dir.resolve("missing.txt"))).isEmpty();
    }
}
