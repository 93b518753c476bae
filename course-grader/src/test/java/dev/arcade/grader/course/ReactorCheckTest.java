package dev.arcade.grader.course;

import static dev.arcade.grader.course.CourseCopy.read;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("ReactorCheck: every course module is in every pom that must list it")
class ReactorCheckTest {
    @TempDir
    Path course;

    @BeforeEach
    void copyCourse() throws IOException {
        CourseCopy.into(course);
    }

    @Test
    @DisplayName("this repository's reactor is complete, and its README-only modules are no problem")
    void thisCourseIsComplete() {
        Path repo = CourseCopy.repository();
        assertThat(repo.resolve("module-04-monitoring/pom.xml"))
                .as("a placeholder, for this test to mean something")
                .doesNotExist();
        assertThat(ReactorCheck.problems(repo)).isEmpty();
    }

    @Test
    @DisplayName("a course whose root pom has no <modules> has no problems: the grader's mini course")
    void noReactorNoProblems() throws URISyntaxException {
        Path mini =
                Path.of(getClass().getResource("/mini-course/pom.xml").toURI()).getParent();
        assertThat(ReactorCheck.problems(mini)).isEmpty();
    }

    @Test
    @DisplayName("a module with a pom that no pom lists is named in each pom, with the line to add and where")
    void findsAMissingRegistration() throws IOException {
        CourseCopy.copyTree(course.resolve("module-02-iam"), course.resolve("module-05-demo"));
        Path pom = course.resolve("module-05-demo/pom.xml");
        Files.writeString(
                pom,
                read(pom).replace("<artifactId>module-02-iam</artifactId>", "<artifactId>module-05-demo</artifactId>"));

        List<String> problems = ReactorCheck.problems(course);

        assertThat(problems)
                .containsExactly(
                        "pom.xml does not list module-05-demo (Maven builds only the modules its root pom lists): add the line"
                                + " <module>module-05-demo</module> after line "
                                + lineOf("pom.xml", "<module>module-03-lambda</module>")
                                + " (<module>module-03-lambda</module>)",
                        "course-verify/pom.xml does not list module-05-demo (./mvnw verify must build it before the proof): add the"
                                + " line <dependency><groupId>dev.arcade</groupId><artifactId>module-05-demo</artifactId>"
                                + "<version>${project.version}</version><scope>provided</scope></dependency> after line "
                                + lineOf("course-verify/pom.xml", "<artifactId>module-03-lambda<")
                                + " (<dependency><groupId>dev.arcade</groupId><artifactId>module-03-lambda</artifactId>"
                                + "<version>${project.version}</version><scope>provided</scope></dependency>)",
                        "module-05-demo has no reference solution: solutions/module-05-demo/pom.xml is missing"
                                + " (copy the twin pom of another module and change its artifactId and exercise.dir;"
                                + " see docs/authors.md)");
    }

    @Test
    @DisplayName(
            "a registration dropped from course-verify or solutions is found, and a module commented out counts as missing")
    void findsADroppedLine() throws IOException {
        Path verify = course.resolve("course-verify/pom.xml");
        Files.writeString(
                verify,
                read(verify)
                        .lines()
                        .filter(l -> !l.contains("<artifactId>solution-module-01-dynamodb</artifactId>"))
                        .reduce("", (a, b) -> a + b + "\n"));
        Path solutions = course.resolve("solutions/pom.xml");
        Files.writeString(
                solutions,
                read(solutions).replace("<module>module-02-iam</module>", "<!-- <module>module-02-iam</module> -->"));

        assertThat(ReactorCheck.problems(course))
                .containsExactly(
                        "solutions/pom.xml does not list module-02-iam (its reference solution runs the module's tests only if"
                                + " the solutions reactor lists it): add the line <module>module-02-iam</module> after line "
                                + lineOf("solutions/pom.xml", "<module>module-01-dynamodb</module>")
                                + " (<module>module-01-dynamodb</module>)",
                        "course-verify/pom.xml does not list module-01-dynamodb (./mvnw verify must build its reference solution"
                                + " before the proof): add the line <dependency><groupId>dev.arcade</groupId>"
                                + "<artifactId>solution-module-01-dynamodb</artifactId><version>${project.version}</version>"
                                + "<scope>provided</scope></dependency> after line "
                                + lineOf("course-verify/pom.xml", "<artifactId>module-03-lambda<")
                                + " (<dependency><groupId>dev.arcade</groupId>"
                                + "<artifactId>module-03-lambda</artifactId><version>${project.version}</version>"
                                + "<scope>provided</scope></dependency>)");
    }

    @Test
    @DisplayName("the reverse: a pom that lists a module without a pom is named with its line")
    void findsAStaleEntry() throws IOException {
        Path root = course.resolve("pom.xml");
        Files.writeString(
                root,
                read(root)
                        .replace(
                                "    <module>module-03-lambda</module>\n",
                                "    <module>module-03-lambda</module>\n    <module>module-04-monitoring</module>\n"));
        Path verify = course.resolve("course-verify/pom.xml");
        Files.writeString(
                verify,
                read(verify)
                        .replace("<artifactId>module-02-iam</artifactId>", "<artifactId>module-09-gone</artifactId>"));

        assertThat(ReactorCheck.problems(course))
                .containsExactly(
                        "course-verify/pom.xml does not list module-02-iam (./mvnw verify must build it before the proof): add the"
                                + " line <dependency><groupId>dev.arcade</groupId><artifactId>module-02-iam</artifactId>"
                                + "<version>${project.version}</version><scope>provided</scope></dependency> after line "
                                + lineOf("course-verify/pom.xml", "<artifactId>module-01-dynamodb<")
                                + " (<dependency><groupId>dev.arcade</groupId><artifactId>module-01-dynamodb</artifactId>"
                                + "<version>${project.version}</version><scope>provided</scope></dependency>)",
                        "pom.xml line " + lineOf("pom.xml", "<module>module-04-monitoring<")
                                + " lists module-04-monitoring, which has no pom.xml; remove that line (or give the folder its"
                                + " pom.xml): <module>module-04-monitoring</module>",
                        "course-verify/pom.xml line " + lineOf("course-verify/pom.xml", "module-09-gone")
                                + " depends on module-09-gone, which no module's pom.xml builds; remove that"
                                + " line: <dependency><groupId>dev.arcade</groupId><artifactId>module-09-gone</artifactId>"
                                + "<version>${project.version}</version><scope>provided</scope></dependency>");
    }

    /** The 1-based number of the first line of {@code file} that contains {@code text}. */
    private int lineOf(String file, String text) throws IOException {
        List<String> lines = Files.readAllLines(course.resolve(file));
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(file + " has no line with " + text);
    }
}
