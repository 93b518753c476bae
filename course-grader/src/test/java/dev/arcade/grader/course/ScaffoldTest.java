package dev.arcade.grader.course;

import static dev.arcade.grader.course.CourseCopy.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("./workshop new: the scaffolder")
class ScaffoldTest {
    @TempDir
    Path course;

    @BeforeEach
    void copyCourse() throws IOException {
        CourseCopy.into(course);
    }

    @Test
    @DisplayName(
            "a new exercise gets its lesson section, skeleton, graded test, three hints and reference, in the course's shape")
    void newExerciseWritesTheFiveParts() throws IOException {
        Scaffold.Result r = Scaffold.exercise(course, "1.10", "Expire old sessions", null);

        String pkg = "module-01-dynamodb/src/main/java/dev/arcade/dynamodb/";
        assertThat(r.created())
                .containsExactly(
                        pkg + "ExpireOldSessions.java",
                        "module-01-dynamodb/src/test/java/dev/arcade/dynamodb/Exercise110ExpireOldSessionsTest.java",
                        "module-01-dynamodb/hints/1.10.md",
                        "solutions/" + pkg + "ExpireOldSessions.java");
        assertThat(r.edited()).containsExactly("module-01-dynamodb/README.md");

        String skeleton = read(course.resolve(pkg + "ExpireOldSessions.java"));
        assertThat(skeleton)
                .startsWith("package dev.arcade.dynamodb;")
                .contains("public final class ExpireOldSessions")
                .contains("throw new UnsupportedOperationException(\"TODO 1.10: ");
        String reference = read(course.resolve("solutions/" + pkg + "ExpireOldSessions.java"));
        assertThat(reference)
                .contains("public final class ExpireOldSessions")
                .doesNotContain("TODO 1.10")
                .contains("getCallerIdentity()");
        String test = read(course.resolve(
                "module-01-dynamodb/src/test/java/dev/arcade/dynamodb/" + "Exercise110ExpireOldSessionsTest.java"));
        assertThat(test)
                .contains("@AwsTest\n@Exercise(\"1.10\")\n@DisplayName(\"1.10 Expire old sessions\")\n"
                        + "class Exercise110ExpireOldSessionsTest {")
                .contains("@Graded(points = 2)")
                .contains("new ExpireOldSessions(forLearner)")
                .contains(".isEqualTo(")
                .contains(".containsExactly(");

        List<Hints.Hint> hints = Hints.read(course.resolve("module-01-dynamodb/hints/1.10.md"));
        assertThat(hints)
                .extracting(Hints.Hint::heading)
                .containsExactly("Hint 1: a nudge", "Hint 2: the concept", "Hint 3: nearly the solution");
        assertThat(hints.get(2).text()).startsWith("```java");

        Path readme = course.resolve("module-01-dynamodb/README.md");
        Map<String, String> titles = Lesson.exerciseTitles(readme);
        assertThat(titles).containsEntry("1.10", "Expire old sessions");
        assertThat(List.copyOf(titles.keySet()))
                .as("the new section comes after 1.9")
                .endsWith("1.9", "1.10");
        String lesson = read(readme);
        assertThat(lesson.indexOf("## 1.10 Expire old sessions"))
                .as("before the summary")
                .isLessThan(lesson.indexOf("## What you learned"))
                .isGreaterThan(lesson.indexOf("## 1.9 "));
        assertThat(lesson)
                .contains("Graded by `Exercise110ExpireOldSessionsTest`")
                .contains("./workshop hint 1.10");
    }

    @Test
    @DisplayName("a second run refuses and changes nothing, and so does an exercise that exists already")
    void refusesAnExistingExercise() throws IOException {
        Scaffold.exercise(course, "1.10", null, null);
        Map<String, String> before = CourseCopy.snapshot(course);

        assertThatThrownBy(() -> Scaffold.exercise(course, "1.10", null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Exercise 1.10 already exists, so nothing was written")
                .hasMessageContaining("module-01-dynamodb/README.md has a section \"## 1.10 ...\"")
                .hasMessageContaining("module-01-dynamodb/hints/1.10.md exists");
        assertThatThrownBy(() -> Scaffold.exercise(course, "1.10", "Another title", "Another"))
                .as("another title and class name do not make it another exercise")
                .hasMessageContaining("Exercise 1.10 already exists");
        assertThatThrownBy(() -> Scaffold.exercise(course, "1.3", "Something new", null))
                .hasMessageContaining("Exercise13BestScoreTest.java grades 1.3")
                .hasMessageContaining("BestScores.java has a TODO 1.3");
        assertThatThrownBy(() -> Scaffold.exercise(course, "1.11", "Best scores", "BestScores"))
                .as("a class name that is taken")
                .hasMessageContaining("module-01-dynamodb/src/main/java/dev/arcade/dynamodb/BestScores.java exists");

        assertThat(CourseCopy.snapshot(course))
                .as("the course after four refusals")
                .isEqualTo(before);
    }

    @Test
    @DisplayName("an exercise of a module that does not exist, or is only a lesson placeholder, is refused")
    void refusesAMissingModule() throws IOException {
        Map<String, String> before = CourseCopy.snapshot(course);

        assertThatThrownBy(() -> Scaffold.exercise(course, "7.1", null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("There is no module 07")
                .hasMessageContaining("./workshop new module 07");
        assertThatThrownBy(() -> Scaffold.exercise(course, "4.1", null, null))
                .hasMessageContaining("module-04-monitoring is a lesson placeholder without a pom.xml")
                .hasMessageContaining("./workshop new module 04 monitoring");
        assertThatThrownBy(() -> Scaffold.exercise(course, "1", null, null)).hasMessageContaining("not an exercise id");
        assertThatThrownBy(() -> Scaffold.exercise(course, "1.11", null, "not-a-class"))
                .hasMessageContaining("not a class name");

        assertThat(CourseCopy.snapshot(course)).isEqualTo(before);
    }

    @Test
    @DisplayName("a new module gets its pom, README and reference twin, and a line in every pom that must list it")
    void newModuleIsRegistered() throws IOException {
        assertThat(ReactorCheck.problems(course)).as("the copy before").isEmpty();

        Scaffold.Result r = Scaffold.module(course, "05", "demo", null);

        assertThat(r.created())
                .containsExactly(
                        "module-05-demo/pom.xml", "module-05-demo/README.md", "solutions/module-05-demo/pom.xml");
        assertThat(r.edited()).containsExactlyInAnyOrder("pom.xml", "solutions/pom.xml", "course-verify/pom.xml");
        assertThat(read(course.resolve("module-05-demo/pom.xml")))
                .contains("<artifactId>module-05-demo</artifactId>")
                .contains("<artifactId>course-kit</artifactId>")
                .contains("${workshop.skipExercises}");
        assertThat(read(course.resolve("solutions/module-05-demo/pom.xml")))
                .contains("<artifactId>solution-module-05-demo</artifactId>")
                .contains("<exercise.dir>module-05-demo</exercise.dir>");
        assertThat(read(course.resolve("module-05-demo/README.md")))
                .startsWith("# Module 05: Demo\n")
                .contains("## What you learned");
        assertThat(read(course.resolve("pom.xml")))
                .contains(
                        "    <module>module-03-lambda</module>\n    <module>module-05-demo</module>\n    <module>solutions</module>");
        assertThat(read(course.resolve("solutions/pom.xml")))
                .contains("    <module>module-03-lambda</module>\n    <module>module-05-demo</module>\n  </modules>");
        String verify = read(course.resolve("course-verify/pom.xml"));
        assertThat(verify)
                .contains(
                        "<artifactId>module-03-lambda</artifactId><version>${project.version}</version>"
                                + "<scope>provided</scope></dependency>\n    <dependency><groupId>dev.arcade</groupId>"
                                + "<artifactId>module-05-demo</artifactId><version>${project.version}</version><scope>provided</scope>"
                                + "</dependency>\n    <dependency><groupId>dev.arcade</groupId><artifactId>solution-module-01-dynamodb");
        assertThat(verify).contains("<artifactId>solution-module-05-demo</artifactId>");
        assertThat(ReactorCheck.problems(course))
                .as("the reactor after new module")
                .isEmpty();

        // and the new module takes an exercise at once, in the package its name gives
        Scaffold.Result e = Scaffold.exercise(course, "5.1", "Who am I?", null);
        assertThat(e.created())
                .contains(
                        "module-05-demo/src/main/java/dev/arcade/demo/WhoAmI.java",
                        "module-05-demo/src/test/java/dev/arcade/demo/Exercise51WhoAmITest.java");
        assertThat(Lesson.exerciseTitles(course.resolve("module-05-demo/README.md")))
                .containsEntry("5.1", "Who am I?");
    }

    @Test
    @DisplayName("new module refuses a module that exists and a number that is taken, and changes nothing")
    void refusesAnExistingModule() throws IOException {
        Scaffold.module(course, "5", "demo", null);
        Map<String, String> before = CourseCopy.snapshot(course);

        assertThatThrownBy(() -> Scaffold.module(course, "05", "demo", null))
                .hasMessageContaining("Module module-05-demo already exists, so nothing was written")
                .hasMessageContaining("module-05-demo/pom.xml exists");
        assertThatThrownBy(() -> Scaffold.module(course, "01", "other", null))
                .hasMessageContaining("Module 01 already exists as module-01-dynamodb");
        assertThatThrownBy(() -> Scaffold.module(course, "01", "dynamodb", null))
                .hasMessageContaining("module-01-dynamodb/pom.xml exists");
        assertThatThrownBy(() -> Scaffold.module(course, "6", "Bad Name", null))
                .hasMessageContaining("not a module name");
        assertThatThrownBy(() -> Scaffold.module(course, "x", "demo", null))
                .hasMessageContaining("not a module number");

        assertThat(CourseCopy.snapshot(course)).isEqualTo(before);
    }

    @Test
    @DisplayName("new module completes a README-only placeholder and keeps its README")
    void completesAPlaceholder() throws IOException {
        String readme = read(course.resolve("module-04-monitoring/README.md"));

        Scaffold.Result r = Scaffold.module(course, "04", "monitoring", "Monitoring, seeing the score service run");

        assertThat(r.created())
                .containsExactly("module-04-monitoring/pom.xml", "solutions/module-04-monitoring/pom.xml");
        assertThat(read(course.resolve("module-04-monitoring/README.md"))).isEqualTo(readme);
        assertThat(read(course.resolve("module-04-monitoring/pom.xml")))
                .contains("<name>Module 04, Monitoring, seeing the score service run</name>");
        assertThat(read(course.resolve("pom.xml")))
                .contains("<module>module-03-lambda</module>\n    <module>module-04-monitoring</module>");
        assertThat(ReactorCheck.problems(course)).isEmpty();
    }

    @Test
    @DisplayName("class names come from titles")
    void classNames() {
        assertThat(Scaffold.className("Expire old sessions", "1.10")).isEqualTo("ExpireOldSessions");
        assertThat(Scaffold.className("Who am I?", "5.1")).isEqualTo("WhoAmI");
        assertThat(Scaffold.className("New exercise", "2.9")).isEqualTo("NewExercise29");
        assertThat(Scaffold.className("3 retries", "2.9")).isEqualTo("Exercise293Retries");
    }

    @Test
    @DisplayName("a lesson with CRLF line endings keeps them")
    void keepsLineEndings() throws IOException {
        Path readme = course.resolve("module-01-dynamodb/README.md");
        Files.writeString(readme, read(readme).replace("\n", "\r\n"));

        Scaffold.exercise(course, "1.10", null, null);

        String lesson = read(readme);
        assertThat(lesson.replace("\r\n", "")).doesNotContain("\n");
        assertThat(Lesson.exerciseTitles(readme)).containsEntry("1.10", "New exercise");
    }
}
