package dev.arcade.grader;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./workshop new exercise} on the tiny course, through the command line, and what the
 * grader makes of the result: not started on the skeleton, passed on the reference, and a course
 * that {@code verify} proves.
 */
@DisplayName("./workshop new on a tiny course")
@Timeout(240)
class NewCommandEndToEndTest {
    @TempDir
    Path course;

    @BeforeEach
    void copyCourse() throws IOException, URISyntaxException {
        Path from =
                Path.of(getClass().getResource("/mini-course/pom.xml").toURI()).getParent();
        MiniCourse.copyTree(from, course);
    }

    WorkshopCli.Result workshop(String... args) throws IOException, InterruptedException {
        return WorkshopCli.run(course, Map.of("NO_COLOR", "1"), args);
    }

    @Test
    @DisplayName("the scaffolded graded test is not started on the skeleton, passes on the reference, and verify holds")
    void scaffoldedExerciseIsSound() throws Exception {
        WorkshopCli.Result made = workshop("new", "exercise", "1.6", "--title", "Who am I");
        assertThat(made.exit()).as("new exercise; output:%n%s", made.output()).isZero();
        assertThat(made.output())
                .contains("Scaffolded Exercise 1.6 Who am I in module-01-mini")
                .contains("created  module-01-mini/src/main/java/mini/WhoAmI.java")
                .contains("created  solutions/module-01-mini/src/main/java/mini/WhoAmI.java")
                .contains("edited   module-01-mini/README.md");

        WorkshopCli.Result again = workshop("new", "exercise", "1.6");
        assertThat(again.exit()).as("a second run; output:%n%s", again.output()).isNotZero();
        assertThat(again.output()).contains("Exercise 1.6 already exists, so nothing was written");

        WorkshopCli.Result skeleton = workshop("test", "1.6");
        assertThat(skeleton.exit())
                .as("test on the skeleton; output:%n%s", skeleton.output())
                .isEqualTo(1);
        assertThat(skeleton.output())
                .contains("TODO 1.6: call GetCallerIdentity")
                .contains("1.6 Who am I: not started");

        workshop("manifest");
        WorkshopCli.Result verify = workshop("verify");
        assertThat(verify.exit()).as("verify; output:%n%s", verify.output()).isZero();
        assertThat(verify.output())
                .containsPattern("1\\.6 +Who am I +1 +2 +1/1 pass +1/1 fail right +yes +3")
                .contains("The course holds");

        Files.copy(
                course.resolve("solutions/module-01-mini/src/main/java/mini/WhoAmI.java"),
                course.resolve("module-01-mini/src/main/java/mini/WhoAmI.java"),
                StandardCopyOption.REPLACE_EXISTING);
        WorkshopCli.Result reference = workshop("test", "1.6");
        assertThat(reference.exit())
                .as("test on the reference; output:%n%s", reference.output())
                .isZero();
        assertThat(reference.output()).contains("1.6 Who am I: passed  2/2 points");

        // the wrong answer the test is written to catch: an account id typed in
        Path code = course.resolve("module-01-mini/src/main/java/mini/WhoAmI.java");
        Files.writeString(
                code,
                Files.readString(code)
                        .replace("return sts.getCallerIdentity().account();", "return \"123456789012\";"));
        WorkshopCli.Result typedIn = workshop("test", "1.6");
        assertThat(typedIn.exit()).isEqualTo(1);
        // on the moto the course starts the account is not 123456789012, so the first check fails; on a moto of
        // one's own it is, and the call count catches the typed-in id
        assertThat(typedIn.output())
                .containsAnyOf("do not type an account id in", "expected exactly one GetCallerIdentity call")
                .contains("failing");
    }

    @Test
    @DisplayName("new refuses an exercise of a module that does not exist, with a non-zero exit")
    void refusesAMissingModule() throws Exception {
        WorkshopCli.Result r = workshop("new", "exercise", "4.1");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.output()).contains("There is no module 04");
        assertThat(course.resolve("module-04-x")).doesNotExist();
    }
}
