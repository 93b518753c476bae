package dev.arcade.grader.session;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The classpath a course module sees: what its tests compile against and what the grading JVM runs
 * with. It is the grader's own classpath without the grader (its classes and picocli): that is
 * course-runner, course-kit and what they bring, the same libraries a module's tests see under
 * Maven, plus the JUnit launcher. Computed rather than written down at build time, so it is right
 * however the grader was started (./workshop, ./mvnw verify, a test).
 */
public final class Classpaths {
    /** Classes whose jars or folders are the grader's alone. */
    private static final List<String> GRADER_ONLY = List.of(Classpaths.class.getName(), "picocli.CommandLine");

    private Classpaths() {}

    /** The classpath of course modules and the grading JVM, in the grader's order. */
    public static List<Path> courseModules() {
        Set<Path> graderOnly = GRADER_ONLY.stream()
                .map(Classpaths::locationOf)
                .filter(p -> p != null)
                .collect(Collectors.toSet());
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(s -> !s.isBlank())
                .map(s -> Path.of(s).toAbsolutePath().normalize())
                .filter(p -> !graderOnly.contains(p))
                .collect(Collectors.toList());
    }

    private static Path locationOf(String className) {
        try {
            CodeSource source = Class.forName(className, false, Classpaths.class.getClassLoader())
                    .getProtectionDomain()
                    .getCodeSource();
            return source == null
                    ? null
                    : Path.of(source.getLocation().toURI()).toAbsolutePath().normalize();
        } catch (ClassNotFoundException | URISyntaxException e) {
            return null;
        }
    }
}
