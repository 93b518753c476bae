package dev.arcade.grader.course;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Which classes belong to which exercise")
class ExerciseSourcesTest {

    @Test
    @DisplayName("a skeleton class belongs to the exercises of its TODOs, a test class to its @Exercise; a class with"
            + " two exercises' TODOs is split by method")
    void readsTheConventions(@TempDir Path root) throws IOException {
        CourseModule module =
                new CourseModule(root.resolve("module-01-demo"), root.resolve("solutions/module-01-demo"));
        write(
                module.mainSources().resolve("demo/Scores.java"),
                "class Scores { void a() { throw new" + " UnsupportedOperationException(\"TODO 1.3: write it\"); } }");
        write(
                module.mainSources().resolve("demo/Both.java"),
                "class Both {\n  public String first(String a) {\n"
                        + "    throw new UnsupportedOperationException(\"TODO 1.4: this\");\n  }\n"
                        + "  List<String> second() throws IOException {\n    if (x) { }\n"
                        + "    throw new UnsupportedOperationException(\"TODO 1.10: and that\");\n  }\n}");
        write(module.mainSources().resolve("demo/Score.java"), "record Score(int value) {}");
        write(
                module.testSources().resolve("demo/Exercise13Test.java"),
                "@AwsTest\n@Exercise( \"1.3\" )\nclass Exercise13Test {}");

        ExerciseSources sources = ExerciseSources.of(module);

        assertThat(sources.classesByExercise())
                .isEqualTo(
                        Map.of("1.3", Set.of("demo.Scores"), "1.4", Set.of("demo.Both"), "1.10", Set.of("demo.Both")));
        assertThat(sources.testsByExercise()).isEqualTo(Map.of("1.3", Set.of("demo.Exercise13Test")));
        assertThat(sources.exerciseOf("demo.Scores$Inner", "anything")).isEqualTo("1.3");
        assertThat(sources.exerciseOf("demo.Both", "first")).isEqualTo("1.4");
        assertThat(sources.exerciseOf("demo.Both", "lambda$second$2")).isEqualTo("1.10");
        assertThat(sources.exerciseOf("demo.Both", "helperOnlyTheReferenceHas")).isNull();
        assertThat(sources.exerciseOf("demo.Score", "value")).isNull();
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
