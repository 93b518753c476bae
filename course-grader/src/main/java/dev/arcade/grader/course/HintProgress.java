package dev.arcade.grader.course;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Which hint level the learner has seen, per exercise: {@code .workshop/hints-seen.json}, learner
 * state that {@code ./mvnw clean} must not wipe. Progress kept by older versions of the course in
 * {@code target/workshop/hints-seen.json} is carried over the first time.
 */
public final class HintProgress {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FILE = "hints-seen.json";

    private final Path file;
    private final Path legacy;

    private HintProgress(Path file, Path legacy) {
        this.file = file;
        this.legacy = legacy;
    }

    /** The hint progress of a course. */
    public static HintProgress of(CourseLayout layout) {
        return new HintProgress(
                layout.learnerDir().resolve(FILE), layout.workDir().resolve(FILE));
    }

    /** The file it lives in. */
    public Path file() {
        return file;
    }

    /** The highest level seen of an exercise's hints, 0 for none. */
    public int seen(String exercise) throws IOException {
        return read().path(exercise).asInt(0);
    }

    /** Records that {@code level} is the highest level seen of an exercise's hints. */
    public void record(String exercise, int level) throws IOException {
        ObjectNode all = read();
        all.put(exercise, level);
        Files.createDirectories(file.getParent());
        // written whole, then renamed: two hint commands at once never leave half a file
        Path partial = file.resolveSibling(FILE + "." + ProcessHandle.current().pid() + ".partial");
        Files.writeString(partial, JSON.writeValueAsString(all), StandardCharsets.UTF_8);
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private ObjectNode read() throws IOException {
        Path from = Files.isRegularFile(file) ? file : legacy;
        if (!Files.isRegularFile(from)) {
            return JSON.createObjectNode();
        }
        JsonNode n;
        try {
            n = JSON.readTree(Files.readString(from, StandardCharsets.UTF_8));
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            return JSON.createObjectNode(); // a damaged file: start over rather than fail the hint
        }
        ObjectNode all = n instanceof ObjectNode o ? o : JSON.createObjectNode();
        if (from == legacy) {
            migrate(all);
        }
        return all;
    }

    /** Moves the old place's progress to the new one, once; the old file goes so it is not read again. */
    private void migrate(ObjectNode all) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, JSON.writeValueAsString(all), StandardCharsets.UTF_8);
        Files.deleteIfExists(legacy);
    }
}
