package dev.arcade.grader;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/** The tiny course of the test resources (one module, five exercises), copied where an end-to-end test runs it. */
final class MiniCourse {
    private MiniCourse() {}

    /** The mini course in the test resources. */
    static Path source() {
        try {
            return Path.of(MiniCourse.class.getResource("/mini-course/pom.xml").toURI())
                    .getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Copies the mini course into {@code course} (an empty folder). */
    static void copyInto(Path course) throws IOException {
        copyTree(source(), course);
    }

    /** Copies {@code from} into {@code to}, replacing what is there, leaving out any {@code target} folder. */
    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path rel = from.relativize(p);
                if (rel.startsWith("target")) {
                    continue;
                }
                Path t = to.resolve(rel.toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.createDirectories(t.getParent());
                    Files.copy(p, t, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
