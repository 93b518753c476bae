package dev.arcade.grader.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("doctor's check of the grader's build")
class GraderBuildTest {
    @TempDir
    Path root;

    void build(String classpath) throws Exception {
        Path main = root.resolve(GraderBuild.MAIN_CLASS);
        Files.createDirectories(main.getParent());
        Files.writeString(main, "");
        Files.writeString(root.resolve(GraderBuild.STAMP), classpath);
    }

    @Test
    @DisplayName("a complete build has no problem")
    void complete() throws Exception {
        Path jar = Files.writeString(root.resolve("lib.jar"), "");
        build(jar + File.pathSeparator + root.resolve(GraderBuild.MAIN_CLASS).getParent());
        assertThat(GraderBuild.problem(root)).isEmpty();
    }

    @Test
    @DisplayName("no stamp, no classes, or a library gone: each is named")
    void incomplete() throws Exception {
        assertThat(GraderBuild.problem(root))
                .hasValueSatisfying(p -> assertThat(p).startsWith("not built by ./workshop yet"));
        build(root.resolve("lib.jar").toString());
        assertThat(GraderBuild.problem(root)).hasValue(root.resolve("lib.jar") + " is missing");
        Files.delete(root.resolve(GraderBuild.MAIN_CLASS));
        assertThat(GraderBuild.problem(root))
                .hasValueSatisfying(p -> assertThat(p).startsWith("its classes are missing"));
    }
}
