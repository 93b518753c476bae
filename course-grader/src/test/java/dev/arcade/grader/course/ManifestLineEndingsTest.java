package dev.arcade.grader.course;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The tamper check ignores line endings")
class ManifestLineEndingsTest {
    @TempDir
    Path dir;

    @Test
    @DisplayName("a CRLF copy of a test file counts as untouched; a real change still counts")
    void crlfCopy_isUntouched() throws Exception {
        Path course = CourseCopy.into(dir);
        CourseLayout layout = new CourseLayout(course);
        Manifest.current(layout).save(layout);
        Path test;
        try (var files = Files.walk(course.resolve("module-01-dynamodb/src/test/java"))) {
            test = files.filter(p -> p.toString().endsWith("Test.java"))
                    .findFirst()
                    .orElseThrow();
        }
        String lf = Files.readString(test, StandardCharsets.UTF_8);
        assertThat(lf).doesNotContain("\r");
        Files.writeString(test, lf.replace("\n", "\r\n"), StandardCharsets.UTF_8);
        Manifest recorded = Manifest.recorded(layout).orElseThrow();
        assertThat(Manifest.current(layout).testDifferences(recorded, layout))
                .as("differences of a CRLF copy")
                .isEmpty();

        Files.writeString(test, lf.replace("\n", "\r\n") + "// changed\r\n", StandardCharsets.UTF_8);
        assertThat(Manifest.current(layout).testDifferences(recorded, layout))
                .as("differences of a changed file")
                .containsExactly(course.relativize(test).toString().replace('\\', '/') + " (changed)");
    }
}
