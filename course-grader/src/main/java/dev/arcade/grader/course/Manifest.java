package dev.arcade.grader.course;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The course's record of what its tests and skeletons look like: a SHA-256 per file, kept in
 * {@code course-manifest.json} and rewritten by authors with {@code ./workshop manifest}.
 *
 * <p>{@code grade} compares the test files with it (an edited test is reported and the score is
 * marked); {@code verify} uses the skeleton entries to know whether the skeleton is untouched.
 * Line endings are normalised first, so a Windows checkout does not look tampered.
 */
public final class Manifest {
    /** The manifest format's version. */
    public static final String SCHEMA = "arcade-workshop-manifest/1";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Map<String, String> files;

    private Manifest(Map<String, String> files) {
        this.files = files;
    }

    /** The manifest of the files as they are now. */
    public static Manifest current(CourseLayout layout) {
        Map<String, String> files = new TreeMap<>();
        for (CourseModule m : layout.modules()) {
            for (Path dir : List.of(m.testSources(), m.testResources(), m.mainSources())) {
                for (Path f : filesUnder(dir)) {
                    files.put(relative(layout, f), sha256(f));
                }
            }
        }
        return new Manifest(files);
    }

    /** The manifest checked into the course, if there is one. */
    public static Optional<Manifest> recorded(CourseLayout layout) {
        if (!Files.isRegularFile(layout.manifest())) {
            return Optional.empty();
        }
        try {
            JsonNode root = JSON.readTree(layout.manifest().toFile());
            Map<String, String> files = new TreeMap<>();
            root.path("files")
                    .fields()
                    .forEachRemaining(e -> files.put(e.getKey(), e.getValue().asText()));
            return Optional.of(new Manifest(files));
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "course-manifest.json cannot be read; regenerate it with ./workshop manifest", e);
        }
    }

    /** The recorded SHA-256 of a file, by its repository-relative path ({@code module-01-x/src/main/java/a/B.java}). */
    public Optional<String> hash(String relativePath) {
        return Optional.ofNullable(files.get(relativePath));
    }

    /** Writes this manifest as the course's. */
    public void save(CourseLayout layout) {
        ObjectNode root = JSON.createObjectNode();
        root.put("schema", SCHEMA);
        root.put(
                "about",
                "SHA-256 of every test and skeleton file (LF line endings). Regenerate with ./workshop manifest.");
        ObjectNode f = root.putObject("files");
        files.forEach(f::put);
        try {
            Files.writeString(layout.manifest(), JSON.writeValueAsString(root) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The files under {@code prefix} (a repository-relative folder such as
     * {@code module-01-dynamodb/src/test/}) that differ between {@code recorded} and this one, each
     * with what happened: "changed", "added" or "missing".
     */
    public List<String> differences(Manifest recorded, String prefix) {
        List<String> diffs = new ArrayList<>();
        for (Map.Entry<String, String> e : recorded.files.entrySet()) {
            if (!e.getKey().startsWith(prefix)) {
                continue;
            }
            String now = files.get(e.getKey());
            if (now == null) {
                diffs.add(e.getKey() + " (missing)");
            } else if (!now.equals(e.getValue())) {
                diffs.add(e.getKey() + " (changed)");
            }
        }
        for (String k : files.keySet()) {
            if (k.startsWith(prefix) && !recorded.files.containsKey(k)) {
                diffs.add(k + " (added)");
            }
        }
        return diffs;
    }

    /** The test-file differences of every module: what {@code grade} reports as tampering. */
    public List<String> testDifferences(Manifest recorded, CourseLayout layout) {
        List<String> diffs = new ArrayList<>();
        for (CourseModule m : layout.modules()) {
            diffs.addAll(differences(recorded, m.name() + "/src/test/"));
        }
        return diffs;
    }

    private static List<Path> filesUnder(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String relative(CourseLayout layout, Path f) {
        return layout.root().relativize(f).toString().replace('\\', '/');
    }

    static String sha256(Path f) {
        try {
            return sha256(Files.readAllBytes(f));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The SHA-256 of {@code bytes} with CRLF line endings read as LF, as the manifest records it. */
    static String sha256(byte[] bytes) {
        try {
            byte[] normalised = new String(bytes, StandardCharsets.ISO_8859_1)
                    .replace("\r\n", "\n")
                    .getBytes(StandardCharsets.ISO_8859_1);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(normalised));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
