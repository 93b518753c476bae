package dev.arcade.grader.course;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** A slice of this repository copied to a temporary folder: the poms, module 01, the placeholders. */
final class CourseCopy {
    /** What the scaffolder and the reactor check read. */
    private static final String[] PARTS = {
        "pom.xml",
        "solutions/pom.xml",
        "course-verify/pom.xml",
        "module-01-dynamodb",
        "solutions/module-01-dynamodb",
        "module-02-iam/pom.xml",
        "module-02-iam/README.md",
        "solutions/module-02-iam/pom.xml",
        "module-03-lambda/pom.xml",
        "module-03-lambda/README.md",
        "solutions/module-03-lambda/pom.xml",
        "module-04-monitoring"
    };

    private CourseCopy() {}

    /** This repository's root. */
    static Path repository() {
        return CourseLayout.find(Path.of("")).root();
    }

    /** Copies the slice into {@code to} and returns {@code to}. */
    static Path into(Path to) throws IOException {
        Path from = repository();
        for (String part : PARTS) {
            copyTree(from.resolve(part), to.resolve(part));
        }
        Files.createDirectories(to.resolve("course-kit"));
        return to;
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path r = from.relativize(p);
                if (r.toString().equals("target") || r.startsWith("target")) {
                    continue; // build output is not the course
                }
                Path t = to.resolve(r.toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.createDirectories(t.getParent());
                    Files.copy(p, t, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    /** Every file under {@code root} with its SHA-256: to show that nothing changed. */
    static Map<String, String> snapshot(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : (Iterable<Path>) s.filter(Files::isRegularFile)::iterator) {
                files.put(root.relativize(p).toString(), sha256(Files.readAllBytes(p)));
            }
        }
        return files;
    }

    static String read(Path p) throws IOException {
        return Files.readString(p, StandardCharsets.UTF_8);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
