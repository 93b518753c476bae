package dev.arcade.functions;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arcade.kit.lambda.FunctionPackage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * What exercise 3.3 packages and deploys: a classes folder as a build leaves it (the given
 * {@link HealthHandler}, its nested record, its {@code health.properties} with a build id made for
 * this run, and a resource two folders deep), the three Jackson jars it needs, and the same package
 * made by the kit, for the tests that are not about packaging.
 */
final class Deploy33Fixtures {
    /** The handler string of {@link HealthHandler}. */
    static final String HANDLER = HealthHandler.class.getName() + "::handleRequest";

    private Deploy33Fixtures() {}

    /**
     * A build's output folder and what the code needs at run time.
     *
     * @param classes the folder, as {@code target/classes} would be
     * @param expected each file of the folder by its path in a package ({@code dev/arcade/...})
     * @param libraries the jars
     * @param build the build id in {@code health.properties}, which the deployed handler answers
     */
    record Build(Path classes, Map<String, Path> expected, List<Path> libraries, String build) {

        /** The package the kit makes of this build, in the Java runtime's layout. */
        byte[] kitPackage() {
            FunctionPackage.Builder builder = FunctionPackage.builder();
            expected.forEach(builder::file);
            libraries.forEach(jar -> builder.file("lib/" + jar.getFileName(), jar));
            return builder.zip();
        }
    }

    /** Writes a fresh build into {@code folder}. */
    static Build build(Path folder) {
        try {
            Path classes = Files.createDirectories(folder.resolve("classes-" + UUID.randomUUID()));
            Map<String, Path> expected = new LinkedHashMap<>();
            Path compiled = classesFolderOf(HealthHandler.class);
            for (String name : List.of("HealthHandler.class", "HealthHandler$Health.class")) {
                String path = "dev/arcade/functions/" + name;
                expected.put(path, copy(compiled.resolve(path), classes.resolve(path)));
            }
            String build = "build-" + UUID.randomUUID();
            expected.put(
                    "dev/arcade/functions/" + HealthHandler.RESOURCE,
                    write(classes.resolve("dev/arcade/functions/" + HealthHandler.RESOURCE), "build=" + build + "\n"));
            expected.put(
                    "META-INF/arcade/release notes.txt",
                    write(classes.resolve("META-INF/arcade/release notes.txt"), "Weekly build " + build + "\n"));
            List<Path> libraries =
                    List.of(jarOf(ObjectMapper.class), jarOf(JsonFactory.class), jarOf(JsonAutoDetect.class));
            return new Build(classes, Map.copyOf(expected), libraries, build);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path copy(Path from, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        return Files.copy(from, to);
    }

    private static Path write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    private static Path classesFolderOf(Class<?> type) {
        Path location = jarOf(type);
        if (!Files.isDirectory(location)) {
            throw new IllegalStateException(type.getName() + " was not loaded from a folder of classes: " + location);
        }
        return location;
    }

    private static Path jarOf(Class<?> type) {
        try {
            return Paths.get(
                    type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The files of a zip by name (folders left out), or an explanation of why it is not one.
     *
     * @throws AssertionError when the bytes are not a zip with at least one file
     */
    static Map<String, byte[]> files(byte[] zip) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (!entry.isDirectory()) {
                    files.put(entry.getName(), readAll(in));
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new AssertionError(
                    "expected deploymentPackage(...) to return the bytes of a .zip file, but they cannot be read"
                            + " as one: " + e,
                    e);
        }
        if (files.isEmpty()) {
            throw new AssertionError("expected deploymentPackage(...) to return a .zip with the build's files, but"
                    + " the zip it returned (" + zip.length + " bytes) holds no file");
        }
        return files;
    }

    private static byte[] readAll(InputStream in) throws IOException {
        return in.readAllBytes();
    }
}
