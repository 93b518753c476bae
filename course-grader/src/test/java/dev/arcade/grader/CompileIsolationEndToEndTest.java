package dev.arcade.grader;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A compile error costs only the exercise it is in: on a course with a module of two exercises in two
 * files (a git clone whose skeletons were committed with Windows line endings), the learner breaks
 * one and solves the other.
 */
@DisplayName("./workshop with code that does not compile")
@Timeout(180)
class CompileIsolationEndToEndTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String MODULE = "module-02-split";

    /** The course as cloned: the mini course, a module of two files, a manifest, one commit. */
    @TempDir
    static Path clone;

    @TempDir
    Path course;

    static final String ADDER = """
            package split;

            /** Exercise 2.1. */
            public class Adder {
                public int add(int a, int b) {
                    throw new UnsupportedOperationException("TODO 2.1: add a and b");
                }
            }
            """;
    static final String GREETER = """
            package split;

            /** Exercise 2.2. */
            public class Greeter {
                public String greet(String name) {
                    throw new UnsupportedOperationException("TODO 2.2: greet");
                }
            }
            """;

    @BeforeAll
    static void cloneTheCourse() throws Exception {
        MiniCourse.copyTree(
                Path.of(CompileIsolationEndToEndTest.class
                                .getResource("/mini-course/pom.xml")
                                .toURI())
                        .getParent(),
                clone);
        Path m = clone.resolve(MODULE);
        write(m.resolve("README.md"), "# Module 02: Split\n\n## 2.1 Add two numbers\n## 2.2 Greet a player\n");
        // committed as a Windows checkout would: the manifest reads CRLF as LF
        write(m.resolve("src/main/java/split/Adder.java"), ADDER.replace("\n", "\r\n"));
        write(m.resolve("src/main/java/split/Greeter.java"), GREETER.replace("\n", "\r\n"));
        write(m.resolve("src/test/java/split/AdderTest.java"), """
                package split;

                import static org.assertj.core.api.Assertions.assertThat;

                import dev.arcade.kit.Graded;
                import org.junit.jupiter.api.DisplayName;

                class AdderTest {
                    @Graded(exercise = "2.1", points = 2)
                    @DisplayName("adds two numbers")
                    void adds() {
                        assertThat(new Adder().add(2, 3)).as("2 + 3").isEqualTo(5);
                    }
                }
                """);
        write(m.resolve("src/test/java/split/GreeterTest.java"), """
                package split;

                import static org.assertj.core.api.Assertions.assertThat;

                import dev.arcade.kit.Graded;
                import org.junit.jupiter.api.DisplayName;

                class GreeterTest {
                    @Graded(exercise = "2.2", points = 3)
                    @DisplayName("greets a player by name")
                    void greets() {
                        assertThat(new Greeter().greet("Ada")).as("greeting").isEqualTo("Hello, Ada");
                    }
                }
                """);
        write(clone.resolve("solutions/" + MODULE + "/src/main/java/split/Adder.java"), solvedAdder());
        write(clone.resolve("solutions/" + MODULE + "/src/main/java/split/Greeter.java"), solvedGreeter());
        WorkshopCli.Result manifest = WorkshopCli.run(clone, Map.of("NO_COLOR", "1"), "manifest");
        assertThat(manifest.exit()).as("manifest: %s", manifest.output()).isZero();
        git(clone, "init", "-q");
        git(clone, "add", "-A");
        git(clone, "-c", "user.name=Course", "-c", "user.email=course@example.invalid", "commit", "-q", "-m", "Course");
    }

    @BeforeEach
    void freshClone() throws IOException {
        MiniCourse.copyTree(clone, course);
    }

    @Test
    @DisplayName("a file that does not compile costs its own exercise; the other is graded; test shows every error")
    void brokenFileCostsOnlyItsExercise() throws Exception {
        learnerWrites("Adder.java", """
                package split;

                public class Adder {
                    public int add(int a, int b) {
                        return a + c;
                    }

                    public int twice(int a) {
                        return add(a, a) + d;
                    }
                }
                """);
        learnerWrites("Greeter.java", solvedGreeter());

        WorkshopCli.Result grade = workshop("grade", "02");

        JsonNode report =
                JSON.readTree(course.resolve("target/workshop/report.json").toFile());
        assertThat(exercise(report, "2.2").get("status").asText())
                .as("the solved exercise; output:%n%s", grade.output())
                .isEqualTo("passed");
        assertThat(exercise(report, "2.1").get("status").asText()).isEqualTo("does_not_compile");
        assertThat(exercise(report, "2.1").get("diagnostics"))
                .as("every error of the broken exercise")
                .hasSize(2);
        assertThat(exercise(report, "2.1").at("/diagnostics/0/text").asText())
                .contains("module-02-split/src/main/java/split/Adder.java:5:20: error: cannot find symbol")
                .contains("symbol:   variable c");
        assertThat(report.at("/modules/0/compileError").isMissingNode())
                .as("no module-wide compile error")
                .isTrue();
        assertThat(grade.output())
                .as("the score board")
                .contains("Adder.java:5: cannot find symbol (2 errors; ./workshop test 2.1 shows them)")
                .contains("Total  3/5 points");
        assertThat(Files.readString(course.resolve("target/workshop/report.html")))
                .contains("<pre class=\"diagnostics\">")
                .contains("symbol:   variable d");

        WorkshopCli.Result test = workshop("test", "2.1");

        assertThat(test.exit()).as("exit status; output:%n%s", test.output()).isEqualTo(1);
        assertThat(test.output())
                .contains("2.1 Add two numbers: your code does not compile (2 errors):")
                .contains(
                        "Adder.java:5:20: error: cannot find symbol\n            return a + c;\n                       ^")
                .contains("symbol:   variable d")
                .contains("location: class split.Adder")
                .as("the skeleton set in its place is not what the learner is told about")
                .doesNotContain("TODO 2.1");
    }

    @Test
    @DisplayName("a changed signature that breaks an exercise's tests costs that exercise, not the module")
    void changedSignatureCostsItsExercise() throws Exception {
        learnerWrites(
                "Adder.java",
                "package split;\n\npublic class Adder {\n    public long add(long a) {\n        return a;\n    }\n}\n");
        learnerWrites("Greeter.java", solvedGreeter());

        WorkshopCli.Result grade = workshop("grade", "02");

        JsonNode report =
                JSON.readTree(course.resolve("target/workshop/report.json").toFile());
        assertThat(exercise(report, "2.2").get("status").asText())
                .as("output:%n%s", grade.output())
                .isEqualTo("passed");
        assertThat(exercise(report, "2.1").get("status").asText()).isEqualTo("does_not_compile");
        assertThat(exercise(report, "2.1").get("message").asText())
                .startsWith("its tests do not compile against your code (did a class, method or signature change?):"
                        + " AdderTest.java:");
        assertThat(exercise(report, "2.1").get("possible").asInt())
                .as("its points, from the tests that did not compile")
                .isEqualTo(2);
    }

    @Test
    @DisplayName("without git history the whole module does not compile, with every error and the reason")
    void withoutHistoryTheModuleDoesNotCompile() throws Exception {
        deleteTree(course.resolve(".git"));
        learnerWrites("Adder.java", ADDER.replace("throw new", "trow new"));
        learnerWrites("Greeter.java", solvedGreeter());

        WorkshopCli.Result grade = workshop("grade", "02");

        JsonNode report =
                JSON.readTree(course.resolve("target/workshop/report.json").toFile());
        assertThat(exercise(report, "2.2").get("status").asText())
                .as("output:%n%s", grade.output())
                .isEqualTo("does_not_compile");
        assertThat(report.at("/modules/0/compileNote").asText())
                .startsWith("every exercise of module-02-split is marked does not compile, because Adder.java cannot"
                        + " be set aside: its untouched skeleton is looked for in git history");
        assertThat(report.at("/modules/0/compileDiagnostics")).isNotEmpty();
        assertThat(grade.output())
                .contains("does not compile: module-02-split/src/main/java/split/Adder.java:6:")
                .contains("Adder.java cannot be set aside")
                .contains("./workshop test module-02-split shows every error.");
    }

    WorkshopCli.Result workshop(String... args) throws IOException, InterruptedException {
        return WorkshopCli.run(course, Map.of("NO_COLOR", "1"), args);
    }

    void learnerWrites(String file, String code) throws IOException {
        write(course.resolve(MODULE + "/src/main/java/split/" + file), code);
    }

    static String solvedAdder() {
        return ADDER.replace("throw new UnsupportedOperationException(\"TODO 2.1: add a and b\")", "return a + b");
    }

    static String solvedGreeter() {
        return GREETER.replace(
                "throw new UnsupportedOperationException(\"TODO 2.2: greet\")", "return \"Hello, \" + name");
    }

    static JsonNode exercise(JsonNode report, String id) {
        for (JsonNode m : report.get("modules")) {
            for (JsonNode e : m.get("exercises")) {
                if (e.get("exercise").asText().equals(id)) {
                    return e;
                }
            }
        }
        throw new AssertionError("no exercise " + id + " in " + report);
    }

    static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    static void git(Path dir, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("git", "-c", "core.autocrlf=false"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("git %s: %s", String.join(" ", args), out).isZero();
    }

    static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) files.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }
}
