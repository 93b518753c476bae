package dev.arcade.grader.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A file error about the course folder becomes one sentence")
class FileProblemsTest {
    static final Path ROOT = Path.of("/home/learner/arcade");

    @Test
    @DisplayName("a read-only file system names the file relative to the course and says the folder is read-only")
    void readOnlyFileSystem() {
        IOException e =
                new FileSystemException("/home/learner/arcade/target/workshop/run.lock", null, "Read-only file system");
        assertThat(FileProblems.sentence(e, ROOT))
                .isEqualTo("cannot write target/workshop/run.lock: the folder is read-only; make the course folder"
                        + " writable (or clone the course where you can write), then run this again.");
    }

    @Test
    @DisplayName("a permission denied says the same")
    void accessDenied() {
        IOException e = new AccessDeniedException("/home/learner/arcade/.workshop/hints-seen.json");
        assertThat(FileProblems.sentence(e, ROOT))
                .startsWith("cannot write .workshop/hints-seen.json: the folder is read-only;");
    }

    @Test
    @DisplayName("java.io's \"path (reason)\" is read too")
    void javaIoMessage() {
        IOException e =
                new FileNotFoundException("/home/learner/arcade/target/workshop/report.json (Permission denied)");
        assertThat(FileProblems.sentence(e, ROOT))
                .startsWith("cannot write target/workshop/report.json: the folder is read-only;");
    }

    @Test
    @DisplayName("a missing file asks whether the course folder is complete")
    void missing() {
        assertThat(FileProblems.sentence(new NoSuchFileException("/home/learner/arcade/course-manifest.json"), ROOT))
                .isEqualTo(
                        "cannot find course-manifest.json; is the course folder complete? (git status shows what is missing)");
    }

    @Test
    @DisplayName("an UncheckedIOException with a message of its own keeps that message; a bare one gets the sentence")
    void unchecked() {
        IOException io = new AccessDeniedException("/home/learner/arcade/target");
        assertThat(FileProblems.of(new UncheckedIOException(io), ROOT))
                .hasValueSatisfying(s -> assertThat(s).startsWith("cannot write target: the folder is read-only"));
        assertThat(FileProblems.of(
                        new UncheckedIOException("course-manifest.json cannot be read; regenerate it", io), ROOT))
                .hasValue("course-manifest.json cannot be read; regenerate it");
        assertThat(FileProblems.of(new IllegalStateException("x"), ROOT)).isEmpty();
    }
}
