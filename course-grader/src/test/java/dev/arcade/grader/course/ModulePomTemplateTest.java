package dev.arcade.grader.course;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./workshop new module} writes the pom the course's own exercise modules have. */
@DisplayName("A scaffolded module's pom")
class ModulePomTemplateTest {
    @TempDir
    Path course;

    @Test
    @DisplayName("is module 02's pom with its own name, number and example, so Maven says the same about its tests")
    void isInStepWithTheCourseModules() throws IOException {
        CourseCopy.into(course);

        Scaffold.module(course, "05", "demo", null);

        String scaffolded = CourseCopy.read(course.resolve("module-05-demo/pom.xml"));
        String module02 = CourseCopy.read(CourseCopy.repository().resolve("module-02-iam/pom.xml"));
        assertThat(scaffolded)
                .as("the scaffolded pom, with module 02's names put in")
                .isEqualTo(module02.replace("module-02-iam", "module-05-demo")
                        .replace(
                                "Module 02, IAM: roles, policies, least privilege, temporary credentials",
                                "Module 05, Demo")
                        .replace(">02</workshop.module.number>", ">05</workshop.module.number>")
                        .replace(">2.1</workshop.example.exercise>", ">5.1</workshop.example.exercise>")
                        .replace(">Exercise21ExecutionRoleTest<", ">Exercise51*Test<"));
        assertThat(scaffolded)
                .as("what Maven says instead of a silent \"Tests are skipped\"")
                .contains("<phase>${workshop.exercises.noticePhase}</phase>")
                .contains("${workshop.exercises.notice}");
        assertThat(CourseCopy.read(course.resolve("solutions/module-05-demo/pom.xml")))
                .as("the scaffolded reference twin's pom, with module 02's names put in")
                .isEqualTo(CourseCopy.read(CourseCopy.repository().resolve("solutions/module-02-iam/pom.xml"))
                        .replace("module-02-iam", "module-05-demo")
                        .replace("Solution of module 02", "Solution of module 05"));
    }
}
