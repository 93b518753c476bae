package dev.arcade.grader.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arcade.grader.course.CourseLayout;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The one parser of exercise and module ids, and its one message for an id that does not exist. */
@DisplayName("Exercise and module ids")
class ExerciseIdTest {
    static final String VALID = "Module 01 has 1.1 to 1.9; module 02 has 2.1 to 2.8.";

    @TempDir
    Path root;

    CourseLayout layout;

    /** Modules 01 (1.1 to 1.9) and 02 (2.1 to 2.8) with tests, and module 03 as a lesson outline only. */
    @BeforeEach
    void course() throws IOException {
        Files.writeString(root.resolve("pom.xml"), "<project/>");
        Files.createDirectories(root.resolve("course-kit"));
        module("module-01-dynamodb", "DynamoDB, the data layer", 1, 9);
        module("module-02-iam", "IAM, identities", 2, 8);
        Files.createDirectories(root.resolve("module-03-lambda"));
        Files.writeString(
                root.resolve("module-03-lambda/README.md"),
                "# Module 03: Lambda, the score service as functions (coming next)\n");
        layout = new CourseLayout(root);
    }

    void module(String folder, String title, int number, int exercises) throws IOException {
        Path dir = Files.createDirectories(root.resolve(folder));
        Files.createDirectories(dir.resolve("src/test/java"));
        String sections = IntStream.rangeClosed(1, exercises)
                .mapToObj(i -> "## " + number + "." + i + " Exercise " + i + "\n")
                .collect(Collectors.joining());
        Files.writeString(
                dir.resolve("README.md"),
                "# Module 0" + number + ": " + title + "\n\n## What you will learn\n" + sections,
                StandardCharsets.UTF_8);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"1.10", "1.0", "2.9", "2.10"})
    @DisplayName("an exercise that does not exist is answered with every valid id and what is coming")
    void noSuchExercise(String id) {
        assertThatThrownBy(() -> ExerciseId.exercise(layout, id))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("There is no exercise " + id + ". " + VALID + " Module 03 (Lambda) is coming next.");
    }

    @Test
    @DisplayName("an exercise of a module still being written says that module is coming")
    void comingModule() {
        assertThatThrownBy(() -> ExerciseId.exercise(layout, "3.1"))
                .hasMessage("There is no exercise 3.1 yet: module 03 (Lambda) is coming next. " + VALID);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"1.x", "1.", "one", "1.3a"})
    @DisplayName("something that is no exercise id says what one looks like, not that a file is missing")
    void notAnId(String input) {
        assertThatThrownBy(() -> ExerciseId.exercise(layout, input))
                .hasMessageStartingWith(
                        "There is no exercise " + input + ": exercise ids look like 1.3 (module 01, exercise 3).")
                .hasMessageContaining(VALID)
                .hasMessageNotContaining("missing");
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({"1.3, 1.3", "01.3, 1.3", "1.03, 1.3", "2.8, 2.8", " 1.9 , 1.9"})
    @DisplayName("an exercise id is read the way the course writes it")
    void canonical(String input, String id) {
        ExerciseId.Target t = ExerciseId.exercise(layout, input);
        assertThat(t.exercise()).isEqualTo(id);
        assertThat(t.module().number()).isEqualTo(Integer.parseInt(id.substring(0, 1)));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"01", "1", "module-01-dynamodb", "module-01", "dynamodb", "module-01-dynamodb/"})
    @DisplayName("a module is named by number, name or folder")
    void modules(String input) {
        assertThat(ExerciseId.module(layout, input).name()).isEqualTo("module-01-dynamodb");
    }

    @Test
    @DisplayName("a module that does not exist is answered with the modules there are")
    void noSuchModule() {
        assertThatThrownBy(() -> ExerciseId.module(layout, "05"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("There is no module 05. The modules are 01 (dynamodb) and 02 (iam)."
                        + " Module 03 (Lambda) is coming next.");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"03", "3", "lambda", "module-03-lambda"})
    @DisplayName("a module still being written says it is coming, by any of its names")
    void placeholderModule(String input) {
        assertThatThrownBy(() -> ExerciseId.module(layout, input))
                .hasMessage("Module 03 (Lambda) has no exercises yet: it is coming next (module-03-lambda/README.md"
                        + " says what it will teach). The modules are 01 (dynamodb) and 02 (iam).");
    }

    @Test
    @DisplayName("test and mutate take an exercise or a module, and say so when it is neither")
    void exerciseOrModule() {
        assertThat(ExerciseId.exerciseOrModule(layout, "02").exercise()).isNull();
        assertThat(ExerciseId.exerciseOrModule(layout, "2.4").exercise()).isEqualTo("2.4");
        assertThatThrownBy(() -> ExerciseId.exerciseOrModule(layout, "2.9"))
                .hasMessageStartingWith("There is no exercise 2.9. ");
        assertThatThrownBy(() -> ExerciseId.exerciseOrModule(layout, "scores"))
                .hasMessage("There is no exercise or module scores. " + VALID + " Module 03 (Lambda) is coming next.");
    }

    @Test
    @DisplayName("an exercise that has graded tests but no lesson section yet is an exercise")
    void testsCountToo() throws IOException {
        Path test = root.resolve("module-01-dynamodb/src/test/java/a/Exercise110Test.java");
        Files.createDirectories(test.getParent());
        Files.writeString(test, "package a; @Exercise(\"1.10\") class Exercise110Test {}");
        assertThat(ExerciseId.exercise(layout, "1.10").exercise()).isEqualTo("1.10");
        assertThatThrownBy(() -> ExerciseId.exercise(layout, "1.11"))
                .hasMessageContaining("Module 01 has 1.1 to 1.10;");
    }

    @Test
    @DisplayName("on this course: module 04 is coming, 01 and 02 have their exercises")
    void thisCourse() {
        CourseLayout course = CourseLayout.find(Path.of(""));
        assertThatThrownBy(() -> ExerciseId.exercise(course, "1.10"))
                .hasMessageStartingWith("There is no exercise 1.10. " + VALID.substring(0, VALID.length() - 1))
                .hasMessageEndingWith(" Module 04 (Monitoring) is coming next.");
    }
}
