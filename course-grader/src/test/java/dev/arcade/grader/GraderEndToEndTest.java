package dev.arcade.grader;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The grader end to end, on a tiny course (src/test/resources/mini-course): each way learner code can
 * go wrong gets its own status while the rest is graded.
 */
@DisplayName("./workshop on a tiny course")
@Timeout(180)
class GraderEndToEndTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path course;

    @BeforeEach
    void copyCourse() throws IOException, URISyntaxException {
        MiniCourse.copyInto(course);
    }

    WorkshopCli.Result workshop(String... args) throws IOException, InterruptedException {
        Map<String, String> env = new HashMap<>();
        env.put("NO_COLOR", "1");
        return WorkshopCli.run(course, env, args);
    }

    void learnerWrites(String module, String code) throws IOException {
        Files.writeString(course.resolve(module + "/src/main/java/mini/Calc.java"), code, StandardCharsets.UTF_8);
    }

    JsonNode exercise(JsonNode report, String id) {
        for (JsonNode m : report.get("modules")) {
            for (JsonNode e : m.get("exercises")) {
                if (e.get("exercise").asText().equals(id)) {
                    return e;
                }
            }
        }
        throw new AssertionError("no exercise " + id + " in " + report);
    }

    @Test
    @DisplayName("the untouched skeleton shows every exercise as not started with 0 points, and exits 0")
    void freshClone() throws Exception {
        WorkshopCli.Result r = workshop("grade");
        assertThat(r.exit()).as("exit status; output:%n%s", r.output()).isZero();
        assertThat(r.output())
                .contains("Backend: moto")
                .contains("not started")
                .contains("Total  0/9 points")
                .contains("Next: 1.1 Add two numbers");
        JsonNode report =
                JSON.readTree(course.resolve("target/workshop/report.json").toFile());
        assertThat(report.get("schema").asText()).isEqualTo("arcade-workshop-report/1");
        for (String id : new String[] {"1.1", "1.2", "1.3", "1.4", "1.5"}) {
            assertThat(exercise(report, id).get("status").asText()).as(id).isEqualTo("not_started");
        }
        assertThat(Files.readString(course.resolve("target/workshop/report.html")))
                .contains("0 of 9 points");
    }

    @Test
    @DisplayName("the reference copied over the skeleton gets full points")
    void referenceGetsFullPoints() throws Exception {
        Files.copy(
                course.resolve("solutions/module-01-mini/src/main/java/mini/Calc.java"),
                course.resolve("module-01-mini/src/main/java/mini/Calc.java"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        WorkshopCli.Result r = workshop("grade");
        assertThat(r.output()).as("output").contains("Total  9/9 points").contains("Every exercise passes");
    }

    @Test
    @DisplayName("a module without graded tests says there is nothing to grade, not that every exercise passes")
    void nothingToGrade() throws Exception {
        MiniCourse.copyTree(course.resolve("module-01-mini"), course.resolve("module-02-ungraded"));
        MiniCourse.copyTree(course.resolve("solutions/module-01-mini"), course.resolve("solutions/module-02-ungraded"));
        Path tests = course.resolve("module-02-ungraded/src/test/java/mini/CalcTest.java");
        Files.writeString(
                tests, Files.readString(tests).replaceAll("@Graded\\([^)]*\\)", "@org.junit.jupiter.api.Test"));
        WorkshopCli.Result r = workshop("grade", "02");
        assertThat(r.exit()).as("exit status; output:%n%s", r.output()).isZero();
        assertThat(r.output())
                .contains("Total  0/0 points")
                .contains("Nothing to grade here: module-02-ungraded has no graded tests.")
                .doesNotContain("Every exercise passes");
        assertThat(Files.readString(course.resolve("target/workshop/report.html")))
                .contains("Nothing to grade here")
                .doesNotContain("Every exercise passes");
    }

    @Test
    @DisplayName("passed, not started, failing, timed out, crashed and does not compile each get their own status")
    void everyWayToFail() throws Exception {
        workshop("manifest");
        learnerWrites("module-01-mini", """
                package mini;
                public class Calc {
                    public int add(int a, int b) { return a + b; }
                    public int subtract(int a, int b) { throw new UnsupportedOperationException("TODO 1.2: subtract"); }
                    public int multiply(int a, int b) { return a + b; }
                    public int divide(int a, int b) { long i = 0; while (b != 0) { i++; } return 0; }
                    public int negate(int a) { System.exit(1); return 0; }
                }
                """);
        // a second module whose code does not compile
        MiniCourse.copyTree(course.resolve("module-01-mini"), course.resolve("module-02-broken"));
        MiniCourse.copyTree(course.resolve("solutions/module-01-mini"), course.resolve("solutions/module-02-broken"));
        Path tests = course.resolve("module-02-broken/src/test/java/mini/CalcTest.java");
        Files.writeString(tests, Files.readString(tests).replace("\"1.", "\"2."));
        Path readme = course.resolve("module-02-broken/README.md");
        Files.writeString(readme, Files.readString(readme).replace("## 1.", "## 2."));
        learnerWrites("module-02-broken", "package mini; public class Calc { int add(int a, int b) { return a + } }");

        long t0 = System.nanoTime();
        WorkshopCli.Result r = workshop("grade");
        double seconds = (System.nanoTime() - t0) / 1e9;

        assertThat(r.exit()).as("exit status; output:%n%s", r.output()).isZero();
        JsonNode report =
                JSON.readTree(course.resolve("target/workshop/report.json").toFile());
        assertThat(exercise(report, "1.1").get("status").asText()).isEqualTo("passed");
        assertThat(exercise(report, "1.1").get("points").asInt()).isEqualTo(2);
        assertThat(exercise(report, "1.2").get("status").asText()).isEqualTo("not_started");
        assertThat(exercise(report, "1.3").get("status").asText()).isEqualTo("failing");
        assertThat(exercise(report, "1.3").get("message").asText())
                .contains("4 * 3")
                .contains("12");
        assertThat(exercise(report, "1.4").get("status").asText()).isEqualTo("timed_out");
        assertThat(exercise(report, "1.5").get("status").asText()).isEqualTo("crashed");
        assertThat(exercise(report, "1.5").get("message").asText()).contains("System.exit");
        assertThat(exercise(report, "2.1").get("status").asText()).isEqualTo("does_not_compile");
        assertThat(report.at("/modules/1/compileError").asText())
                .contains("module-02-broken/src/main/java/mini/Calc.java:1");
        assertThat(report.get("tampered"))
                .as("test files changed since the manifest")
                .isNotEmpty();
        assertThat(r.output())
                .contains("Test files differ from the course's manifest")
                .contains("module-02-broken/src/test");
        assertThat(seconds)
                .as("seconds for the whole run, with one timeout and two crashes")
                .isLessThan(60);
    }

    @Test
    @DisplayName("test runs one exercise with its full message and exits non-zero while it fails")
    void testOneExercise() throws Exception {
        learnerWrites(
                "module-01-mini",
                Files.readString(course.resolve("module-01-mini/src/main/java/mini/Calc.java"))
                        .replace(
                                "throw new UnsupportedOperationException(\"TODO 1.3: multiply\");",
                                "System.out.println(\"learner says hi\"); return a + b;"));
        WorkshopCli.Result r = workshop("test", "1.3");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.output())
                .contains("multiplies")
                .contains("[4 * 3]")
                .contains("learner says hi")
                .contains("1.3 Multiply: failing")
                .doesNotContain("adds two numbers");
    }

    @Test
    @DisplayName("hint shows the hints level by level and keeps code blocks whole")
    void hints() throws Exception {
        assertThat(workshop("hint", "1.3").output())
                .contains("Hint 1 of 3 for 1.3 Multiply")
                .contains("Look.");
        assertThat(workshop("hint", "1.3").output()).contains("Hint 2 of 3").contains("Think.");
        String last = workshop("hint", "1.3").output();
        assertThat(last)
                .contains("Hint 3 of 3")
                .contains("## not a heading inside code")
                .contains("That was the last hint");
        assertThat(workshop("hint", "9.9").output()).contains("There is no exercise 9.9");
    }

    @Test
    @DisplayName("verify passes on a sound course and names each breach on an unsound one")
    void verify() throws Exception {
        workshop("manifest");
        WorkshopCli.Result sound = workshop("verify");
        assertThat(sound.exit())
                .as("verify on a sound course; output:%n%s", sound.output())
                .isZero();
        assertThat(sound.output()).contains("The course holds");

        // a graded test that cannot fail, and a missing hint
        Path tests = course.resolve("module-01-mini/src/test/java/mini/CalcTest.java");
        Files.writeString(
                tests,
                Files.readString(tests)
                        .replace("assertThat(calc.negate(0)).as(\"-(0)\").isZero();", "assertThat(0).isZero();"));
        Files.delete(course.resolve("module-01-mini/hints/1.2.md"));
        // and a given class that drifted from its twin in the solution
        Files.writeString(
                course.resolve("solutions/module-01-mini/src/main/java/mini/Pair.java"),
                "package mini;\n\npublic record Pair(long a, long b) {}\n");
        workshop("manifest");
        WorkshopCli.Result unsound = workshop("verify");
        assertThat(unsound.exit()).isEqualTo(1);
        assertThat(unsound.output())
                .contains("negatesZero passes on the untouched skeleton")
                .contains("1.2: 0 hints")
                .contains(
                        "given class module-01-mini/src/main/java/mini/Pair.java differs from its twin in the solution");
    }
}
