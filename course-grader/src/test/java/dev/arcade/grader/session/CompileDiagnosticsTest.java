package dev.arcade.grader.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arcade.grader.course.CourseModule;
import dev.arcade.grader.course.PristineSkeletons;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the learner is told when their code does not compile, and how little of their module it costs. */
@DisplayName("Compile errors")
class CompileDiagnosticsTest {
    @TempDir
    Path root;

    ModuleCompiler compiler;
    CourseModule module;
    /** The untouched skeletons, by the learner's file, as git history would give them. */
    final Map<Path, String> skeletons = new HashMap<>();

    @BeforeEach
    void tinyModule() {
        // the test JVM's classpath: the kit is on it, so the tests below can use its annotations
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        compiler = new ModuleCompiler(Arrays.stream(cp.split(File.pathSeparator))
                .filter(s -> !s.isBlank())
                .map(Path::of)
                .toList());
        module = new CourseModule(root.resolve("module-09-tiny"), root.resolve("solutions/module-09-tiny"));
    }

    Path write(String relative, String code) throws IOException {
        Path f = module.dir().resolve(relative);
        Files.createDirectories(f.getParent());
        Files.writeString(f, code, StandardCharsets.UTF_8);
        return f.toAbsolutePath().normalize();
    }

    /** A skeleton the learner has changed into {@code learner}. */
    void skeleton(String relative, String skeleton, String learner) throws IOException {
        skeletons.put(write("src/main/java/" + relative, learner), skeleton);
    }

    ModuleCompiler.Result compileMain() {
        return compiler.compile(module.mainSources(), root.resolve("out/main"), List.of(), root, null);
    }

    LearnerBuild.Outcome build() {
        return LearnerBuild.build(compiler, module, root.resolve("out"), root, f -> {
            String s = skeletons.get(f);
            return s == null
                    ? new PristineSkeletons.Lookup(null, "its untouched skeleton is not in this clone's git history")
                    : new PristineSkeletons.Lookup(s.getBytes(StandardCharsets.UTF_8), null);
        });
    }

    @Nested
    @DisplayName("are shown in full")
    class InFull {
        @Test
        @DisplayName("every error, with its symbol, its location, the source line and a caret under the column")
        void everyErrorWithSymbolLocationAndCaret() throws IOException {
            write("src/main/java/tiny/Best.java", """
                    package tiny;
                    public class Best {
                        public boolean submit(int score) {
                            if (score > 0) {
                                return tru;
                            }
                            return fals;
                        }
                    }
                    """);

            ModuleCompiler.Result r = compileMain();

            assertThat(r.ok()).as("compiled").isFalse();
            assertThat(r.diagnostics()).as("errors").hasSize(2);
            assertThat(r.errors().get(0))
                    .as("the first error as javac prints it")
                    .isEqualTo("""
                            module-09-tiny/src/main/java/tiny/Best.java:5:20: error: cannot find symbol
                                        return tru;
                                               ^
                              symbol:   variable tru
                              location: class tiny.Best""");
            assertThat(r.errors().get(1))
                    .as("the second error")
                    .startsWith("module-09-tiny/src/main/java/tiny/Best.java:7:16: error: cannot find symbol")
                    .contains("symbol:   variable fals");
            assertThat(r.diagnostics().get(1).headline())
                    .as("the score board's line")
                    .isEqualTo("Best.java:7: cannot find symbol");
        }

        @Test
        @DisplayName("the caret keeps the line's tabs, so it points at the column whatever the tab width")
        void caretKeepsTabs() throws IOException {
            write("src/main/java/tiny/Tabs.java", "package tiny;\nclass Tabs {\n\tint x() {\n\t\treturn y;\n\t}\n}\n");

            ModuleCompiler.Result r = compileMain();

            assertThat(r.errors().get(0)).as("source line and caret").contains("\t\treturn y;\n\t\t       ^");
        }

        @Test
        @DisplayName("the first ten, then how many more")
        void firstTenThenHowManyMore() throws IOException {
            StringBuilder code = new StringBuilder("package tiny;\nclass Many {\n    void m() {\n");
            for (int i = 0; i < 12; i++) {
                code.append("        missing").append(i).append("();\n");
            }
            write("src/main/java/tiny/Many.java", code.append("    }\n}\n").toString());

            ModuleCompiler.Result r = compileMain();
            List<String> shown = CompileDiagnostic.render(r.diagnostics(), CompileDiagnostic.SHOWN);

            assertThat(r.diagnostics()).as("every error is kept").hasSize(12);
            assertThat(shown).as("what is shown").hasSize(11);
            assertThat(shown.get(10))
                    .isEqualTo("... and 2 more errors (fix the first ones: they often cause the rest)");
        }
    }

    @Nested
    @DisplayName("cost only their own exercises")
    class Isolated {
        static final String ADDER = """
                package tiny;
                public class Adder {
                    public int add(int a, int b) {
                        throw new UnsupportedOperationException("TODO 9.1: add");
                    }
                }
                """;
        static final String GREETER = """
                package tiny;
                public class Greeter {
                    public String greet(String name) {
                        throw new UnsupportedOperationException("TODO 9.2: greet");
                    }
                }
                """;

        @BeforeEach
        void tests() throws IOException {
            write("src/test/java/tiny/AdderTest.java", """
                    package tiny;
                    import dev.arcade.kit.Exercise;
                    @Exercise("9.1")
                    class AdderTest {
                        int adds() { return new Adder().add(2, 3); }
                    }
                    """);
            write("src/test/java/tiny/GreeterTest.java", """
                    package tiny;
                    import dev.arcade.kit.Exercise;
                    @Exercise("9.2")
                    class GreeterTest {
                        String greets() { return new Greeter().greet("Ada"); }
                    }
                    """);
            write("src/main/java/tiny/Score.java", "package tiny;\npublic record Score(int value) {}\n");
        }

        @Test
        @DisplayName("a file that does not compile is set aside; its exercise alone does not compile")
        void brokenFileIsSetAside() throws IOException {
            skeleton(
                    "tiny/Adder.java",
                    ADDER,
                    "package tiny;\npublic class Adder {\n    public int add(int a, int b) {\n        return a + c;\n    }\n}\n");
            skeleton(
                    "tiny/Greeter.java",
                    GREETER,
                    GREETER.replace(
                            "throw new UnsupportedOperationException(\"TODO 9.2: greet\")",
                            "return \"Hello \" + name"));

            LearnerBuild.Outcome b = build();

            assertThat(b.ok())
                    .as("the module can be graded; note: %s", b.note())
                    .isTrue();
            assertThat(b.broken()).as("exercises that do not compile").containsOnlyKeys("9.1");
            assertThat(b.broken().get("9.1").diagnostics())
                    .as("the learner's own error, in the learner's file")
                    .singleElement()
                    .satisfies(d -> assertThat(d.render())
                            .startsWith("module-09-tiny/src/main/java/tiny/Adder.java:4:")
                            .contains("symbol:   variable c"));
            assertThat(b.setAside()).containsExactly("module-09-tiny/src/main/java/tiny/Adder.java");
            assertThat(b.main().resolve("tiny/Greeter.class"))
                    .as("the learner's Greeter")
                    .exists();
            assertThat(b.tests().resolve("tiny/GreeterTest.class"))
                    .as("Greeter's tests")
                    .exists();
        }

        @Test
        @DisplayName("a changed signature that breaks an exercise's tests costs that exercise, not the module")
        void changedSignatureCostsItsExercise() throws IOException {
            skeleton(
                    "tiny/Adder.java",
                    ADDER,
                    "package tiny;\npublic class Adder {\n    public long add(long a) {\n        return a;\n    }\n}\n");
            skeleton("tiny/Greeter.java", GREETER, GREETER);

            LearnerBuild.Outcome b = build();

            assertThat(b.ok())
                    .as("the module can be graded; note: %s", b.note())
                    .isTrue();
            assertThat(b.broken()).containsOnlyKeys("9.1");
            assertThat(b.broken().get("9.1").reason()).isEqualTo(LearnerBuild.TESTS_DO_NOT_COMPILE);
            assertThat(b.broken().get("9.1").diagnostics().get(0).shown())
                    .isEqualTo("module-09-tiny/src/test/java/tiny/AdderTest.java");
            assertThat(b.tests().resolve("tiny/GreeterTest.class")).exists();
            assertThat(b.tests().resolve("tiny/AdderTest.class")).doesNotExist();
        }

        @Test
        @DisplayName("a good file broken by another's changed signature names the call, in the learner's file")
        void goodFileBrokenByAChangedSignature() throws IOException {
            skeleton(
                    "tiny/Adder.java",
                    ADDER,
                    "package tiny;\npublic class Adder {\n    public long add(long a) {\n        return a;\n    }\n}\n");
            String calls = GREETER.replace(
                    "throw new UnsupportedOperationException(\"TODO 9.2: greet\")",
                    "return name + new Adder().add(1, 2)");
            skeleton("tiny/Greeter.java", GREETER, calls);

            LearnerBuild.Outcome b = build();

            assertThat(b.ok()).as("note: %s", b.note()).isTrue();
            assertThat(b.broken()).containsOnlyKeys("9.1", "9.2");
            assertThat(b.broken().get("9.2").diagnostics().get(0).render())
                    .as("the error in the learner's Greeter, not in a substitute")
                    .startsWith("module-09-tiny/src/main/java/tiny/Greeter.java:4:")
                    .contains("method add in class tiny.Adder cannot be applied to given types");
            assertThat(b.broken().get("9.1").reason()).isEqualTo(LearnerBuild.TESTS_DO_NOT_COMPILE);
        }

        @Test
        @DisplayName("a skeleton that does not compile with the learner's other files costs the module, and says so")
        void skeletonThatDoesNotCompileCostsTheModule() throws IOException {
            String usesAdder = GREETER.replace(
                    "throw new UnsupportedOperationException(\"TODO 9.2: greet\")",
                    "throw new UnsupportedOperationException(\"TODO 9.2: greet \" + new Adder().add(1, 2))");
            skeleton(
                    "tiny/Adder.java",
                    ADDER,
                    "package tiny;\npublic class Adder {\n    public long add(long a) {\n        return a;\n    }\n}\n");
            skeleton("tiny/Greeter.java", usesAdder, usesAdder.replace("throw new", "trow new"));

            LearnerBuild.Outcome b = build();

            assertThat(b.ok()).isFalse();
            assertThat(b.note()).contains("because the untouched Greeter.java does not compile with your other files");
            assertThat(b.diagnostics())
                    .as("the learner's own errors, in the learner's file")
                    .allSatisfy(d -> assertThat(d.shown()).isEqualTo("module-09-tiny/src/main/java/tiny/Greeter.java"));
        }

        @Test
        @DisplayName("a file shared by two exercises costs both")
        void sharedFileCostsBoth() throws IOException {
            String shared = GREETER.replace(
                    "}\n}",
                    "}\n    public String shout(String s) {\n        throw new UnsupportedOperationException(\"TODO 9.1: shout\");\n    }\n}");
            skeleton("tiny/Greeter.java", shared, shared.replace("throw new", "trow new"));
            skeleton("tiny/Adder.java", ADDER, ADDER);

            LearnerBuild.Outcome b = build();

            assertThat(b.broken()).as("note: %s", b.note()).containsOnlyKeys("9.1", "9.2");
        }

        @Test
        @DisplayName("without the untouched skeleton the whole module does not compile, and says why")
        void noSkeletonFallsBackToTheModule() throws IOException {
            write("src/main/java/tiny/Adder.java", ADDER.replace("throw", "trow"));
            skeleton("tiny/Greeter.java", GREETER, GREETER);

            LearnerBuild.Outcome b = build();

            assertThat(b.ok()).isFalse();
            assertThat(b.moduleError()).startsWith("module-09-tiny/src/main/java/tiny/Adder.java:4: ");
            assertThat(b.note())
                    .isEqualTo("every exercise of module-09-tiny is marked does not compile, because Adder.java cannot"
                            + " be set aside: its untouched skeleton is not in this clone's git history.");
            assertThat(b.diagnostics()).as("the learner's errors").isNotEmpty();
        }

        @Test
        @DisplayName("when isolation fails late, the learner sees the errors of every round, not only the first")
        void lateFailureShowsEveryRound() throws IOException {
            // javac stops at a syntax error before it looks at types: Greeter's error shows once Adder is set aside
            skeleton("tiny/Adder.java", ADDER, ADDER.replace("throw new", "trow new"));
            write(
                    "src/main/java/tiny/Greeter.java",
                    GREETER.replace("String name) {", "String name) {\n        int x = name;"));

            LearnerBuild.Outcome b = build();

            assertThat(b.ok()).isFalse();
            assertThat(b.note()).contains("Greeter.java cannot be set aside");
            assertThat(b.diagnostics())
                    .extracting(CompileDiagnostic::fileName)
                    .containsSubsequence("Adder.java", "Greeter.java");
        }

        @Test
        @DisplayName("given code that does not compile (no TODO) costs the whole module")
        void givenCodeCostsTheModule() throws IOException {
            skeleton(
                    "tiny/Score.java",
                    "package tiny;\npublic record Score(int value) {}\n",
                    "package tiny;\npublic record Score(int value) {\n");
            skeleton("tiny/Adder.java", ADDER, ADDER);
            skeleton("tiny/Greeter.java", GREETER, GREETER);

            LearnerBuild.Outcome b = build();

            assertThat(b.ok()).isFalse();
            assertThat(b.note()).contains("Score.java is code the course gives to all its exercises");
        }
    }

    @Nested
    @DisplayName("find the untouched skeleton in git history")
    class UntouchedSkeleton {
        static final String SKELETON = "package tiny;\n// TODO 9.1: add\nclass Adder {}\n";

        void git(String... args) throws Exception {
            List<String> cmd = new java.util.ArrayList<>(List.of(
                    "git", "-c", "core.autocrlf=false", "-c", "user.name=L", "-c", "user.email=l@example.invalid"));
            cmd.addAll(List.of(args));
            Process p = new ProcessBuilder(cmd)
                    .directory(root.toFile())
                    .redirectErrorStream(true)
                    .start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor())
                    .as("git %s: %s", String.join(" ", args), out)
                    .isZero();
        }

        /** The course's manifest, with the skeleton's hash as {@code ./workshop manifest} writes it (LF). */
        void manifest() throws Exception {
            String sha = java.util.HexFormat.of()
                    .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                            .digest(SKELETON.getBytes(StandardCharsets.UTF_8)));
            Files.writeString(
                    root.resolve("course-manifest.json"),
                    "{\"files\": {\"module-09-tiny/src/main/java/tiny/Adder.java\": \"" + sha + "\"}}");
        }

        @Test
        @DisplayName("it is the version whose hash the manifest records, behind the learner's own commits, CRLF or not")
        void behindTheLearnersCommits() throws Exception {
            manifest();
            Path adder = write("src/main/java/tiny/Adder.java", SKELETON.replace("\n", "\r\n"));
            git("init", "-q");
            git("add", "-A");
            git("commit", "-q", "-m", "course");
            Files.writeString(adder, "package tiny;\nclass Adder { int add() { return 1 } }\n");
            git("commit", "-q", "-am", "my work");
            Files.writeString(adder, "package tiny;\nclass Adder { int add() { return 2 } }\n");

            PristineSkeletons.Lookup found =
                    new PristineSkeletons(new dev.arcade.grader.course.CourseLayout(root)).find(adder);

            assertThat(found.whyNot()).isNull();
            assertThat(new String(found.content(), StandardCharsets.UTF_8)).isEqualTo(SKELETON.replace("\n", "\r\n"));
        }

        @Test
        @DisplayName("a history without it says so, in a sentence")
        void notInHistory() throws Exception {
            manifest();
            Path adder = write("src/main/java/tiny/Adder.java", "package tiny;\nclass Adder {}\n");
            git("init", "-q");
            git("add", "-A");
            git("commit", "-q", "-m", "a copy without the course's history");

            PristineSkeletons.Lookup found =
                    new PristineSkeletons(new dev.arcade.grader.course.CourseLayout(root)).find(adder);

            assertThat(found.found()).isFalse();
            assertThat(found.whyNot()).startsWith("its untouched skeleton is not in this clone's git history");
        }
    }
}
