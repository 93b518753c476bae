package dev.arcade.grader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arcade.grader.cli.Main;
import dev.arcade.grader.course.CourseLayout;
import dev.arcade.grader.course.Manifest;
import dev.arcade.grader.session.RunLock;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The front door on learners' real machines: a Windows (CRLF) checkout, a first build that failed or
 * was interrupted, a JRE as JAVA_HOME, two runs at once, a folder that cannot be written, and
 * {@code ./mvnw clean} beside hint progress.
 *
 * <p>The {@code workshop} script runs for real in a prepared copy: the mini course, the script, the
 * grader's classes of this build (a link) and a stamp, and a fake {@code mvnw} that records that it
 * was asked to build and writes the stamp as Maven would, so no test pays for a real build.
 */
@DisplayName("./workshop on learners' real machines")
@Timeout(180)
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "runs the bash script and links folders")
class FrontDoorEndToEndTest {
    static final ObjectMapper JSON = new ObjectMapper();

    /** The course's files the front door needs on a checkout, besides the mini course. */
    static final List<String> FRONT_DOOR = List.of(
            ".gitattributes",
            "workshop",
            "workshop.cmd",
            "mvnw",
            "mvnw.cmd",
            ".mvn/wrapper/maven-wrapper.properties",
            ".ci/run",
            "benchmarks/bench.sh");

    @TempDir
    Path course;

    @BeforeEach
    void copyMiniCourse() throws IOException, URISyntaxException {
        Path from =
                Path.of(getClass().getResource("/mini-course/pom.xml").toURI()).getParent();
        MiniCourse.copyTree(from, course);
    }

    /** Links out of the temporary folder go first, so that cleaning it up has nothing to warn about. */
    @AfterEach
    void removeLinks() throws IOException {
        deleteLinks(course);
    }

    static void deleteLinks(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isSymbolicLink).toList()) {
                Files.delete(p);
            }
        }
    }

    // ---- a prepared copy that runs the real script without a real build ----

    /** This build's grader classes (course-grader/target/classes). */
    static Path graderClasses() throws URISyntaxException {
        return Path.of(
                Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    /** The classpath a complete build's stamp would hold: this test run's, without the grader's own folders. */
    static String goodClasspath() throws URISyntaxException {
        Path classes = graderClasses().toAbsolutePath().normalize();
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return Arrays.stream(cp.split(File.pathSeparator))
                .filter(s -> !s.isBlank())
                .map(s -> Path.of(s).toAbsolutePath().normalize())
                .filter(p -> !p.equals(classes) && !p.endsWith("test-classes"))
                .map(Path::toString)
                .collect(Collectors.joining(File.pathSeparator));
    }

    /**
     * Puts the script, a fake mvnw and (with {@code built}) a complete build into the course copy.
     * The fake mvnw appends a line to {@code maven-runs} per build, waits {@code FAKE_MAVEN_SLEEP}
     * seconds, then, like Maven, writes the classpath early ({@code workshop.classpath.new}) and the
     * classes, or fails after writing the classpath ({@code FAKE_MAVEN_FAIL}, as a Ctrl-C would).
     */
    void prepareFrontDoor(boolean built) throws IOException, URISyntaxException {
        Path repo = CourseLayout.find(Path.of("")).root();
        Files.copy(repo.resolve("workshop"), course.resolve("workshop"));
        Files.writeString(course.resolve("good.classpath"), goodClasspath(), StandardCharsets.UTF_8);
        Path classes = graderClasses();
        script(
                course.resolve("mvnw"),
                "#!/bin/sh\n"
                        + "echo \"fake maven: $*\" >&2\n"
                        + "echo build >> maven-runs\n"
                        + "sleep \"${FAKE_MAVEN_SLEEP:-0}\"\n"
                        + "mkdir -p course-grader/target\n"
                        + "cp good.classpath course-grader/target/workshop.classpath.new\n"
                        + "if [ -n \"${FAKE_MAVEN_FAIL:-}\" ]; then exit 130; fi\n"
                        + "rm -rf course-grader/target/classes\n"
                        + "ln -s '" + classes + "' course-grader/target/classes\n");
        if (built) {
            Files.createDirectories(course.resolve("course-grader/target"));
            Files.createSymbolicLink(course.resolve("course-grader/target/classes"), classes);
            stamp(goodClasspath());
        }
    }

    void stamp(String classpath) throws IOException {
        Files.writeString(course.resolve("course-grader/target/workshop.classpath"), classpath, StandardCharsets.UTF_8);
    }

    static void script(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    int mavenRuns() throws IOException {
        Path runs = course.resolve("maven-runs");
        return Files.isRegularFile(runs) ? Files.readAllLines(runs).size() : 0;
    }

    /** What a command printed (stdout and stderr together) and its exit status. */
    record Ran(int exit, String output) {}

    /** Runs {@code command} in {@code dir} with a JDK as JAVA_HOME, no WORKSHOP_* variable, and {@code env}. */
    static Ran run(Path dir, Map<String, String> env, String... command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("WORKSHOP_"));
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().put("NO_COLOR", "1");
        pb.environment().putAll(env);
        WorkshopCli.Result r = WorkshopCli.run(pb);
        return new Ran(r.exit(), r.output());
    }

    Ran workshop(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(course.resolve("workshop").toString()));
        cmd.addAll(List.of(args));
        return run(course, env, cmd.toArray(String[]::new));
    }

    WorkshopCli.Result cli(String... args) throws IOException, InterruptedException {
        return WorkshopCli.run(course, Map.of("NO_COLOR", "1"), args);
    }

    @Nested
    @DisplayName("a Windows checkout (git clone -c core.autocrlf=true)")
    class WindowsCheckout {
        @TempDir
        Path work;

        @Test
        @DisplayName(
                "keeps the scripts' LF endings, gives cmd scripts CRLF, runs ./workshop and keeps the manifest check")
        void crlfClone_keepsScriptsLf_andTheManifestHolds() throws Exception {
            assumeTrue(run(work, Map.of(), "git", "--version").exit() == 0, "git is not installed");
            Path repo = CourseLayout.find(Path.of("")).root();
            for (String f : FRONT_DOOR) {
                Files.createDirectories(course.resolve(f).getParent());
                Files.copy(repo.resolve(f), course.resolve(f), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            Manifest.current(new CourseLayout(course)).save(new CourseLayout(course));
            git(course, "init", "-q");
            git(course, "add", "-A");
            git(course, "commit", "-q", "-m", "course");
            Path clone = work.resolve("clone");
            Ran cloned =
                    run(work, Map.of(), "git", "clone", "-q", "-c", "core.autocrlf=true", course.toString(), "clone");
            assertThat(cloned.exit()).as("git clone: %s", cloned.output()).isZero();

            for (String f : List.of(
                    "workshop", "mvnw", ".ci/run", "benchmarks/bench.sh", ".mvn/wrapper/maven-wrapper.properties")) {
                assertThat(Files.readString(clone.resolve(f)))
                        .as("%s in a CRLF checkout", f)
                        .doesNotContain("\r");
            }
            for (String f : List.of("workshop.cmd", "mvnw.cmd")) {
                assertThat(Files.readString(clone.resolve(f)))
                        .as("%s in a CRLF checkout", f)
                        .contains("\r\n");
            }
            Path test = clone.resolve("module-01-mini/src/test/java/mini/CalcTest.java");
            assertThat(Files.readString(test))
                    .as("a test file in a CRLF checkout (the checkout really converts text)")
                    .contains("\r\n");

            CourseLayout layout = new CourseLayout(clone);
            Manifest recorded = Manifest.recorded(layout).orElseThrow();
            assertThat(Manifest.current(layout).testDifferences(recorded, layout))
                    .as("test files that the manifest check calls changed, in an untouched CRLF checkout")
                    .isEmpty();
            assertThat(Manifest.current(layout).differences(recorded, "module-01-mini/src/main/"))
                    .as("skeleton files that the manifest check calls changed, in an untouched CRLF checkout")
                    .isEmpty();

            // the script itself runs from the CRLF checkout: as ./workshop, as sh workshop (dash), and as bash in
            // POSIX mode (what sh is on macOS)
            Path built = clone.resolve("course-grader/target");
            Files.createDirectories(built);
            Files.createSymbolicLink(built.resolve("classes"), graderClasses());
            Files.writeString(built.resolve("workshop.classpath"), goodClasspath(), StandardCharsets.UTF_8);
            for (String[] cmd : List.of(
                    new String[] {"./workshop", "--version"},
                    new String[] {"sh", "workshop", "--version"},
                    new String[] {"bash", "--posix", "workshop", "--version"})) {
                Ran r = run(clone, Map.of(), cmd);
                assertThat(r.output())
                        .as("%s in a CRLF checkout", String.join(" ", cmd))
                        .contains("Arcade workshop");
                assertThat(r.exit())
                        .as("exit status of %s", String.join(" ", cmd))
                        .isZero();
            }
        }

        void git(Path dir, String... args) throws IOException, InterruptedException {
            List<String> cmd = new ArrayList<>(List.of(
                    "git",
                    "-c",
                    "user.name=Course",
                    "-c",
                    "user.email=course@example.invalid",
                    "-c",
                    "core.autocrlf=false",
                    "-c",
                    "commit.gpgsign=false"));
            cmd.addAll(List.of(args));
            Ran r = run(dir, Map.of(), cmd.toArray(String[]::new));
            assertThat(r.exit())
                    .as("git %s: %s", String.join(" ", args), r.output())
                    .isZero();
        }
    }

    @Test
    @DisplayName("sh workshop on a shell without bash says to run it with bash, and exits 2")
    void shWithoutBash_saysToRunItWithBash() throws Exception {
        Path dash = Path.of("/usr/bin/dash");
        assumeTrue(Files.isExecutable(dash), "dash is not installed");
        prepareFrontDoor(true);
        Ran r = run(course, Map.of("PATH", "/nonexistent"), dash.toString(), "workshop", "grade");
        assertThat(r.output())
                .as("output")
                .contains("workshop: this script needs bash; run it as ./workshop grade")
                .doesNotContain("pipefail");
        assertThat(r.exit()).as("exit status").isEqualTo(2);
    }

    @Nested
    @DisplayName("a first build that failed or was interrupted")
    class BrokenBuild {
        @Test
        @DisplayName("a stamp that names a library no longer there (an emptied Maven repository) is rebuilt")
        void stampNamingAMissingJar_isRebuilt() throws Exception {
            prepareFrontDoor(true);
            String lost = course.resolve("m2/repository/lost/1.0/lost-1.0.jar").toString();
            stamp(goodClasspath() + File.pathSeparator + lost);
            Ran r = workshop(Map.of(), "--version");
            assertThat(r.output())
                    .as("output")
                    .contains("Building the grader again (" + lost + " is missing)")
                    .contains("Arcade workshop");
            assertThat(r.output())
                    .as("the build installs the kit, so that a module built from its own folder finds it")
                    .containsPattern("fake maven: .*-pl course-grader -am .*-Dspotless.check.skip=true .*install");
            assertThat(mavenRuns()).as("builds").isEqualTo(1);
            assertThat(Files.readString(course.resolve("course-grader/target/workshop.classpath")))
                    .as("the stamp after the rebuild")
                    .doesNotContain(lost);
            assertThat(r.exit()).as("exit status").isZero();
        }

        @Test
        @DisplayName("a build stopped after Maven wrote the classpath (Ctrl-C) leaves no stamp; the next run builds")
        void interruptedBuild_leavesNoStamp_andTheNextRunBuilds() throws Exception {
            prepareFrontDoor(false);
            Ran first = workshop(Map.of("FAKE_MAVEN_FAIL", "1"), "--version");
            assertThat(first.output()).as("first run").contains("workshop: building the grader failed");
            assertThat(first.exit()).as("exit status of the first run").isEqualTo(2);
            assertThat(course.resolve("course-grader/target/workshop.classpath"))
                    .as("the stamp after a failed build")
                    .doesNotExist();
            Ran second = workshop(Map.of(), "--version");
            assertThat(second.output())
                    .as("second run")
                    .contains("Building the grader")
                    .contains("Arcade workshop");
            assertThat(second.exit()).as("exit status of the second run").isZero();
            assertThat(mavenRuns()).as("builds").isEqualTo(2);
        }

        @Test
        @DisplayName("a stamp without the grader's classes (a build stopped while compiling) is rebuilt")
        void stampWithoutClasses_isRebuilt() throws Exception {
            prepareFrontDoor(true);
            Files.delete(course.resolve("course-grader/target/classes"));
            Files.createDirectories(course.resolve("course-grader/target/classes/dev/arcade"));
            Ran r = workshop(Map.of(), "--version");
            assertThat(r.output())
                    .as("output")
                    .contains("Building the grader again (its classes are missing)")
                    .contains("Arcade workshop")
                    .doesNotContain("Could not find or load main class");
            assertThat(r.exit()).as("exit status").isZero();
        }

        @Test
        @DisplayName("a complete build is not built again")
        void completeBuild_isNotRebuilt() throws Exception {
            prepareFrontDoor(true);
            Ran r = workshop(Map.of(), "--version");
            assertThat(r.output()).as("output").contains("Arcade workshop").doesNotContain("Building");
            assertThat(mavenRuns()).as("builds").isZero();
        }

        @Test
        @DisplayName("JAVA_HOME pointing at a JRE is named before any build")
        void jreAsJavaHome_isNamed() throws Exception {
            prepareFrontDoor(false);
            Path jre = course.resolve("jre");
            Files.createDirectories(jre.resolve("bin"));
            Files.createSymbolicLink(jre.resolve("bin/java"), Path.of(System.getProperty("java.home"), "bin", "java"));
            Ran r = workshop(Map.of("JAVA_HOME", jre.toString()), "grade");
            assertThat(r.output())
                    .as("output")
                    .contains("workshop: JAVA_HOME points at a JRE (" + jre + " has no bin/javac); set it to a JDK");
            assertThat(r.exit()).as("exit status").isEqualTo(2);
            assertThat(mavenRuns()).as("builds").isZero();
        }

        @Test
        @DisplayName("two first runs at once build once: the second waits for the first's build")
        void twoFirstRuns_buildOnce() throws Exception {
            prepareFrontDoor(false);
            Map<String, String> slow = Map.of("FAKE_MAVEN_SLEEP", "3");
            CompletableFuture<Ran> a = CompletableFuture.supplyAsync(() -> quietly(slow));
            CompletableFuture<Ran> b = CompletableFuture.supplyAsync(() -> quietly(slow));
            Ran ra = a.get(120, TimeUnit.SECONDS);
            Ran rb = b.get(120, TimeUnit.SECONDS);
            assertThat(ra.output() + rb.output())
                    .as("both outputs")
                    .contains("is building the grader; waiting for it to finish");
            assertThat(ra.output()).as("first run").contains("Arcade workshop");
            assertThat(rb.output()).as("second run").contains("Arcade workshop");
            assertThat(mavenRuns()).as("builds").isEqualTo(1);
        }

        @Test
        @DisplayName("a build lock left by a killed build (its pid is gone) does not block")
        void staleBuildLock_doesNotBlock() throws Exception {
            prepareFrontDoor(false);
            Process gone = new ProcessBuilder("true").start();
            gone.waitFor();
            Path lock = Files.createDirectories(course.resolve("course-grader/target/build.lock"));
            Files.writeString(lock.resolve("pid"), gone.pid() + "\n");
            Ran r = workshop(Map.of(), "--version");
            assertThat(r.output()).as("output").contains("Arcade workshop").doesNotContain("waiting");
            assertThat(r.exit()).as("exit status").isZero();
            assertThat(lock).as("the build lock after the build").doesNotExist();
        }

        Ran quietly(Map<String, String> env) {
            try {
                return workshop(env, "--version");
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Nested
    @DisplayName("two runs at once")
    class TwoRuns {
        @Test
        @DisplayName("a run beside one in progress says so in one sentence, naming the pid, and exits 2")
        void secondRun_saysARunIsInProgress() throws Exception {
            try (RunLock held = RunLock.take(new CourseLayout(course).workDir(), "grade")) {
                WorkshopCli.Result r = cli("test", "1.1");
                assertThat(r.output().strip())
                        .as("output")
                        .startsWith("✘ Another ./workshop run is in progress in this course (./workshop grade, pid "
                                + ProcessHandle.current().pid() + ", since ")
                        .endsWith("); wait for it to end, or stop it, then run this again.")
                        .hasLineCount(1);
                assertThat(r.exit()).as("exit status").isEqualTo(2);
            }
        }

        @Test
        @DisplayName("a lock file left by a run that was killed (kill -9) does not block the next run")
        void staleRunLockFile_doesNotBlock() throws Exception {
            Path lock = RunLock.file(new CourseLayout(course).workDir());
            Files.createDirectories(lock.getParent());
            Files.writeString(lock, "./workshop grade, pid 999999, since 12:00:00\n");
            WorkshopCli.Result r = cli("test", "9.9");
            assertThat(r.output()).as("output").doesNotContain("in progress");
        }

        @Test
        @DisplayName("./workshop grade & ./workshop grade: one grades, the other says a run is in progress")
        void gradeBesideGrade() throws Exception {
            CompletableFuture<WorkshopCli.Result> a = CompletableFuture.supplyAsync(this::grade);
            CompletableFuture<WorkshopCli.Result> b = CompletableFuture.supplyAsync(this::grade);
            List<WorkshopCli.Result> both = List.of(a.get(150, TimeUnit.SECONDS), b.get(150, TimeUnit.SECONDS));
            String outputs = both.get(0).output() + "\n----\n" + both.get(1).output();
            assertThat(both.stream().filter(r -> r.exit() == 0 && r.output().contains("Total  0/9 points")))
                    .as("runs that graded; outputs:%n%s", outputs)
                    .hasSize(1);
            assertThat(both.stream()
                            .filter(r -> r.exit() == 2 && r.output().contains("Another ./workshop run is in progress")))
                    .as("runs that said a run is in progress; outputs:%n%s", outputs)
                    .hasSize(1);
            assertThat(outputs)
                    .as("outputs")
                    .doesNotContain("Connection refused")
                    .doesNotContain("Exception");
        }

        WorkshopCli.Result grade() {
            try {
                return cli("grade");
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Nested
    @DisplayName("a course folder that cannot be written")
    class CannotWrite {
        @Test
        @DisplayName("grade says which folder it cannot write, in one sentence, and exits 2")
        void grade_whenTargetCannotBeCreated() throws Exception {
            Files.writeString(course.resolve("target"), "not a folder");
            WorkshopCli.Result r = cli("grade");
            assertThat(r.output().strip())
                    .as("output")
                    .isEqualTo("✘ cannot write target/workshop: a file stands where a folder belongs on that path;"
                            + " move that file away, then run this again.");
            assertThat(r.exit()).as("exit status").isEqualTo(2);
        }

        @Test
        @DisplayName("hint says which folder it cannot write, in one sentence, and exits 2")
        void hint_whenItsFolderCannotBeCreated() throws Exception {
            Files.writeString(course.resolve(".workshop"), "not a folder");
            WorkshopCli.Result r = cli("hint", "1.1");
            assertThat(r.output().strip())
                    .as("output")
                    .startsWith("✘ cannot write .workshop")
                    .doesNotContain("Exception")
                    .hasLineCount(1);
            assertThat(r.exit()).as("exit status").isEqualTo(2);
        }
    }

    @Nested
    @DisplayName("hint progress and ./mvnw clean")
    class HintProgressKept {
        @Test
        @DisplayName(
                "survives a clean (it lives in .workshop/), and progress from target/workshop is carried over once")
        void hintProgress_survivesClean_andIsCarriedOver() throws Exception {
            Path old = course.resolve("target/workshop/hints-seen.json");
            Files.createDirectories(old.getParent());
            Files.writeString(old, "{\"1.1\":1}");

            assertThat(cli("hint", "1.1").output())
                    .as("the hint after the old place's progress")
                    .contains("Hint 2 of 3");
            assertThat(old).as("the old place after the carry-over").doesNotExist();
            JsonNode kept =
                    JSON.readTree(course.resolve(".workshop/hints-seen.json").toFile());
            assertThat(kept.path("1.1").asInt())
                    .as("progress of 1.1 in .workshop/")
                    .isEqualTo(2);

            deleteTree(course.resolve("target")); // what ./mvnw clean does to the root
            assertThat(cli("hint", "1.1").output()).as("the hint after a clean").contains("Hint 3 of 3");
        }

        @Test
        @DisplayName("the course's .gitignore ignores .workshop/")
        void learnerFolder_isGitIgnored() throws Exception {
            Path repo = CourseLayout.find(Path.of("")).root();
            assertThat(Files.readAllLines(repo.resolve(".gitignore")))
                    .as(".gitignore")
                    .contains(".workshop/");
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
