package dev.arcade.grader;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arcade.grader.course.CourseLayout;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Maven commands learners and their editors run, on a copy of this course: each either tests the learner's code
 * or says in the build output that it did not, and how to grade it. Every run uses its own local repository in front
 * of the real one (maven.repo.local.tail), so the kit is installed there, or not, whatever the machine has.
 */
@DisplayName("Maven, run the way learners and their editors run it")
@Timeout(600)
class MavenHabitsEndToEndTest {
    private static final long LIMIT_SECONDS = 300;

    /** Built by these runs, so copied whole; every other module is only read, so only its pom is copied. */
    private static final List<String> BUILT = List.of(
            "course-evaluators",
            "course-lambda",
            "course-kit",
            "module-01-dynamodb",
            "module-02-iam",
            "solutions/module-01-dynamodb");

    private static final String NOT_TESTED =
            "module-01-dynamodb: Maven compiled your code but did not run your exercises' tests";

    @TempDir
    static Path work;

    static Path course;
    /** A local repository where the kit is installed, as `./mvnw install -pl course-kit -am` would. */
    static Path withKit;

    @BeforeAll
    @Timeout(300)
    static void copyTheCourseAndInstallTheKit() throws IOException, InterruptedException {
        Path from = CourseLayout.find(Path.of("")).root();
        course = Files.createDirectories(work.resolve("course"));
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                String rel = from.relativize(p).toString().replace('\\', '/');
                boolean skipped =
                        rel.startsWith(".git") || List.of(rel.split("/")).contains("target");
                if (Files.isRegularFile(p) && !skipped && wanted(rel)) {
                    Path to = course.resolve(rel);
                    Files.createDirectories(to.getParent());
                    Files.copy(p, to, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        withKit = work.resolve("repository-with-kit");
        Run install = maven(course, withKit, "install", "-pl", "course-kit", "-am", "-Dmaven.test.skip=true");
        assertThat(install.exit())
                .as("installing the kit; output:%n%s", install.output())
                .isZero();
    }

    private static boolean wanted(String rel) {
        return rel.endsWith("pom.xml")
                || Set.of("mvnw", "mvnw.cmd").contains(rel)
                || rel.startsWith(".mvn/")
                || BUILT.stream().anyMatch(m -> rel.startsWith(m + "/"));
    }

    @Test
    @DisplayName("./mvnw test at the root says, once per exercise module, that the learner's exercises were not run")
    void plainTest_saysTheExercisesWereNotTested() throws Exception {
        Run r = maven(course, withKit, "test", "-pl", "module-01-dynamodb,module-02-iam");

        assertThat(r.exit()).as("exit status; output:%n%s", r.output()).isZero();
        assertThat(r.output())
                .contains("Tests are skipped.")
                .contains(NOT_TESTED + ", so BUILD SUCCESS says nothing about them")
                .contains("from the course's root folder, grade them with ./workshop grade 01 or ./workshop test 1.3")
                .contains("./mvnw test -Dtest=Exercise13BestScoreTest")
                .contains("module-02-iam: Maven compiled your code but did not run your exercises' tests")
                .contains("./workshop test 2.1");
    }

    @Test
    @DisplayName("./mvnw test -Dtest=... runs that test class on the learner's code, and a module without it passes")
    void dashDTest_runsTheAskedForTestOnTheLearnersCode() throws Exception {
        // no -Dsurefire.failIfNoSpecifiedTests=false: module 02 has no such test, and that is not a failure;
        // --fail-at-end, so that module 02 is built after module 01 fails
        Run r = maven(
                course,
                withKit,
                "--fail-at-end",
                "test",
                "-pl",
                "module-01-dynamodb,module-02-iam",
                "-Dtest=Exercise12ScoreItemTest");

        assertThat(r.exit()).as("exit status; output:%n%s", r.output()).isNotZero();
        assertThat(r.output())
                .as("the skeleton's own TODO, from the learner module's test run")
                .contains("Tests run: 6")
                .contains("TODO 1.2: write the best-score item")
                .doesNotContain("Tests are skipped.")
                .doesNotContain(NOT_TESTED)
                .doesNotContain("No tests matching pattern");
        assertThat(r.output().lines().filter(l -> l.contains("Module 02, IAM")))
                .as("module 02 in the reactor summary")
                .anyMatch(l -> l.contains("SUCCESS"));
    }

    @Test
    @DisplayName("../mvnw test in a module's folder works once the kit is installed, as ./workshop's build installs it")
    void builtAlone_worksOnceTheKitIsInstalled() throws Exception {
        // Before any ./workshop run Maven can only say "Could not find artifact dev.arcade:course-kit": it resolves
        // the module's dependencies before any plugin of the module could speak (docs/troubleshooting.md says what
        // to do). The workshop script builds the grader with `install`, so after the first ./workshop this works.
        Run installed = maven(course.resolve("module-01-dynamodb"), withKit, "test");

        assertThat(installed.exit())
                .as("exit status; output:%n%s", installed.output())
                .isZero();
        assertThat(installed.output()).contains(NOT_TESTED);
    }

    @Test
    @DisplayName(
            "imported into IntelliJ IDEA or an m2e editor, the references leave the test folder to the learner's module")
    void ideImport_leavesTheTestFolderToTheLearnersModule() throws Exception {
        // An IDE gives a folder to one module: had it given module-01-dynamodb/src/test/java to the reference twin,
        // a test class run from the learner's module would run on the reference code.
        Path testClasses = course.resolve("solutions/module-01-dynamodb/target/test-classes");
        for (String ide : List.of("-Didea.maven.embedder.version=3.9.16", "-Dm2e.version=2.7.0")) {
            Run r = maven(course, withKit, "process-test-classes", "-pl", "solutions/module-01-dynamodb", ide);

            assertThat(r.exit()).as("exit status; output:%n%s", r.output()).isZero();
            assertThat(r.output())
                    .as("what the reference twin says before its tests run")
                    .contains("solution-module-01-dynamodb: the tests below run on the course's reference solution,"
                            + " not on your code in module-01-dynamodb");
            assertThat(testClasses)
                    .as("the reference twin's compiled tests with %s", ide)
                    .doesNotExist();
        }
    }

    record Run(int exit, String output) {}

    /**
     * Runs the course's Maven Wrapper in {@code dir} with a local repository of its own in front of the real one;
     * online, so that a plugin the outer build has not downloaded yet is fetched, but no snapshot is looked up.
     */
    static Run maven(Path dir, Path repository, String... args) throws IOException, InterruptedException {
        boolean windows = System.getProperty("os.name").toLowerCase(Locale.ROOT).startsWith("windows");
        Path wrapper = course.resolve(windows ? "mvnw.cmd" : "mvnw");
        Path real = Path.of(System.getProperty(
                "maven.repo.local",
                Path.of(System.getProperty("user.home"), ".m2", "repository").toString()));
        List<String> cmd = new ArrayList<>(List.of(
                wrapper.toString(),
                "-B",
                "-nsu",
                "-Dmaven.repo.local=" + repository,
                "-Dmaven.repo.local.tail=" + real,
                "-Dspotless.check.skip=true"));
        cmd.addAll(List.of(args));
        Path log = Files.createTempFile(work, "maven", ".log");
        ProcessBuilder pb = new ProcessBuilder(cmd)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        // the outer build's Maven settings must not point the copy at this repository
        pb.environment().keySet().removeIf(k -> k.startsWith("MAVEN_") && !k.equals("MAVEN_OPTS"));
        pb.environment().keySet().removeIf(k -> k.startsWith("WORKSHOP_"));
        Process p = pb.start();
        boolean ended = p.waitFor(LIMIT_SECONDS, TimeUnit.SECONDS);
        if (!ended) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly().waitFor();
        }
        return new Run(ended ? p.exitValue() : -1, Files.readString(log, StandardCharsets.UTF_8));
    }
}
