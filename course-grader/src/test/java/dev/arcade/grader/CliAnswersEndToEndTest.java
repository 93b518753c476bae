package dev.arcade.grader;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arcade.grader.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * How {@code ./workshop} answers on the tiny course (src/test/resources/mini-course, plus a module 03
 * that is only a lesson outline): bad ids at once, {@code --help} everywhere, and a score board that
 * points at the right exercise, fits the terminal and links the lesson. One grading run, so one
 * emulator start.
 */
@DisplayName("./workshop's answers")
@Timeout(180)
class CliAnswersEndToEndTest {
    /** What the mini course offers, as every bad-id message lists it. */
    static final String VALID = "Module 01 has 1.1 to 1.5.";

    @TempDir
    Path course;

    @BeforeEach
    void copyCourse() throws IOException, URISyntaxException {
        MiniCourse.copyInto(course);
        Files.createDirectories(course.resolve("module-03-lambda"));
        Files.writeString(
                course.resolve("module-03-lambda/README.md"),
                "# Module 03: Lambda, the score service as functions (coming next)\n\nBeing written.\n");
    }

    WorkshopCli.Result workshop(Map<String, String> env, String... args) throws IOException, InterruptedException {
        Map<String, String> all = new java.util.HashMap<>(env);
        all.put("NO_COLOR", "1");
        return WorkshopCli.run(course, all, args);
    }

    @ParameterizedTest(name = "./workshop {0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "test 1.10 | There is no exercise 1.10. " + VALID + " Module 03 (Lambda) is coming next.",
                "test 1.0  | There is no exercise 1.0. " + VALID + " Module 03 (Lambda) is coming next.",
                "test 2.9  | There is no exercise 2.9. " + VALID + " Module 03 (Lambda) is coming next.",
                "test 3.1  | There is no exercise 3.1 yet: module 03 (Lambda) is coming next. " + VALID,
                "hint 1.x  | There is no exercise 1.x: exercise ids look like 1.3 (module 01, exercise 3). " + VALID,
                "hint 1.10 | There is no exercise 1.10. " + VALID,
                "mutate 1.10 | There is no exercise 1.10. " + VALID,
                "grade 05  | There is no module 05. The module is 01 (mini). Module 03 (Lambda) is coming next.",
                "grade 03  | Module 03 (Lambda) has no exercises yet: it is coming next",
                "verify 05 | There is no module 05. The module is 01 (mini)."
            })
    @DisplayName("a bad id is answered at once, the same way by every command, with the ids there are")
    void badIdsAtOnce(String command, String message) throws Exception {
        long t0 = System.nanoTime();
        WorkshopCli.Result r = workshop(Map.of(), command.strip().split(" "));
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertThat(r.exit()).as("exit status; output:%n%s", r.output()).isEqualTo(2);
        assertThat(r.output())
                .as("what ./workshop %s printed", command)
                .contains("✘ " + message)
                .doesNotContain("Backend:")
                .doesNotContain("is missing")
                .doesNotContain("Exception");
        assertThat(course.resolve("target/workshop/classes"))
                .as("nothing was compiled")
                .doesNotExist();
        assertThat(seconds).as("seconds to answer").isLessThan(20);
    }

    @ParameterizedTest(name = "./workshop {0}")
    @ValueSource(
            strings = {"grade --help", "test --help", "hint --help", "hint -h", "doctor -h", "new exercise --help"})
    @DisplayName("--help and -h answer with a usage and an example, and exit 0")
    void helpInAFreshJvm(String command) throws Exception {
        WorkshopCli.Result r = workshop(Map.of(), command.split(" "));
        String name = command.substring(0, command.lastIndexOf(' '));
        assertThat(r.exit()).as("exit status; output:%n%s", r.output()).isZero();
        assertThat(r.output())
                .startsWith("Usage: workshop " + name)
                .contains("Examples:")
                .contains("./workshop " + name);
    }

    @Test
    @DisplayName("every subcommand, however deep, answers --help and -h with a description and an example")
    void helpEverywhere() {
        List<List<String>> paths = new ArrayList<>();
        collect(new CommandLine(new Main()), new ArrayList<>(), paths);
        assertThat(paths).as("subcommands found").hasSizeGreaterThan(8);
        for (List<String> path : paths) {
            if (path.equals(List.of("help"))) {
                continue; // picocli's own "help COMMAND"
            }
            for (String flag : List.of("--help", "-h")) {
                StringWriter out = new StringWriter();
                CommandLine cli = new CommandLine(new Main());
                cli.setOut(new PrintWriter(out, true));
                List<String> args = new ArrayList<>(path);
                args.add(flag);
                int exit = cli.execute(args.toArray(String[]::new));
                assertThat(exit)
                        .as("exit of workshop %s; printed:%n%s", args, out)
                        .isZero();
                assertThat(out.toString())
                        .as("workshop %s", args)
                        .startsWith("Usage: workshop " + String.join(" ", path))
                        .contains("Examples:");
            }
        }
    }

    private static void collect(CommandLine cli, List<String> path, List<List<String>> into) {
        cli.getSubcommands().forEach((name, sub) -> {
            List<String> p = new ArrayList<>(path);
            p.add(name);
            into.add(p);
            collect(sub, p, into);
        });
    }

    @Test
    @DisplayName("the first step is the same in --help, the README, docs/README.md and docs/setup.md")
    void firstStepAgrees() throws Exception {
        WorkshopCli.Result r = workshop(Map.of(), "--help");
        assertThat(r.exit()).isZero();
        Matcher m = Pattern.compile("Start with: (\\./workshop \\w+)").matcher(r.output());
        assertThat(m.find()).as("--help names a first step:%n%s", r.output()).isTrue();
        Path repo = dev.arcade.grader.course.CourseLayout.find(Path.of("")).root();
        for (String doc : List.of("README.md", "docs/README.md", "docs/setup.md")) {
            assertThat(Files.readString(repo.resolve(doc), StandardCharsets.UTF_8))
                    .as(doc)
                    .contains("Start with `" + m.group(1) + "`");
        }
    }

    @Test
    @DisplayName("grade: Next: points at the failing exercise, titles use 80 columns, the report links the lesson")
    void scoreBoardAndReport() throws Exception {
        Path readme = course.resolve("module-01-mini/README.md");
        Files.writeString(
                readme,
                Files.readString(readme)
                        .replace("## 1.2 Subtract", "## 1.2 Subtract the second number from the first one")
                        .replace(
                                "## 1.4 Divide",
                                "## 1.4 Divide the first number by the second, rounding towards zero as Java does"));
        Path test = course.resolve("module-01-mini/src/test/java/mini/CalcTest.java");
        Files.writeString(
                test,
                Files.readString(test)
                        .replace(".as(\"4 * 3\")", ".as(\"expected multiply(4, 3) to give the product\")"));
        Path calc = course.resolve("module-01-mini/src/main/java/mini/Calc.java");
        Files.writeString(
                calc,
                Files.readString(calc)
                        .replace("throw new UnsupportedOperationException(\"TODO 1.1: add a and b\");", "return a + b;")
                        .replace("throw new UnsupportedOperationException(\"TODO 1.3: multiply\");", "return a + b;"));

        WorkshopCli.Result r = workshop(Map.of("COLUMNS", "80"), "grade");

        assertThat(r.exit()).as("exit status; output:%n%s", r.output()).isZero();
        String out = r.output();
        assertThat(out)
                .as("the score board")
                .contains("  1.1  Add two numbers")
                .contains("Next: 1.3 Multiply  (started: failing)")
                .doesNotContain("Next: 1.2")
                .contains("  1.2  Subtract the second number from the first one ")
                .contains("       expected multiply(4, 3) to give the product");
        List<String> board = out.lines()
                .filter(l -> l.startsWith("  1.") || l.startsWith("module-") || l.startsWith("Total"))
                .toList();
        assertThat(board).as("the board's lines").hasSize(7);
        for (String line : board) {
            assertThat(line.length()).as("width of %s", line).isLessThan(80);
        }
        assertThat(board.stream().filter(l -> l.startsWith("  1.4")).findFirst().orElseThrow())
                .as("a title too long for 80 columns")
                .contains("Divide the first number by the second")
                .contains("…");

        String html = Files.readString(course.resolve("target/workshop/report.html"), StandardCharsets.UTF_8);
        assertThat(html)
                .contains("href=\"../../module-01-mini/README.md#13-multiply\"")
                .contains("href=\"../../module-01-mini/hints/1.3.md\"")
                .contains("<pre>expected multiply(4, 3) to give the product")
                .contains("<details class=\"more\">")
                .contains("Next: <b>1.3 Multiply</b>");
        assertThat(html.indexOf("expected: 12"))
                .as("AssertJ's values come after the course's sentence, folded")
                .isGreaterThan(html.indexOf("<pre>expected multiply(4, 3) to give the product"));
        assertThat(course.resolve("module-01-mini/README.md")).exists();
    }
}
