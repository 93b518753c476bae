package dev.arcade.grader.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arcade.grader.session.CompileDiagnostic;
import dev.arcade.grader.session.TestOutcome;
import dev.arcade.runner.TestStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * Writes a {@link ScoreReport} as {@code report.json} (versioned schema), {@code report.html} (one
 * self-contained page) and {@code classroom.json} (the GitHub Classroom autograding result format).
 */
public final class ReportWriter {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportWriter() {}

    /** Writes all three files into {@code dir}; returns the HTML report's path. */
    public static Path write(ScoreReport report, Path dir) {
        try {
            Files.createDirectories(dir);
            Files.writeString(
                    dir.resolve("report.json"), JSON.writeValueAsString(json(report)), StandardCharsets.UTF_8);
            Files.writeString(
                    dir.resolve("classroom.json"), JSON.writeValueAsString(classroom(report)), StandardCharsets.UTF_8);
            Path html = dir.resolve("report.html");
            Files.writeString(html, HtmlReport.render(report), StandardCharsets.UTF_8);
            return html;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The report.json document. */
    public static ObjectNode json(ScoreReport r) {
        ObjectNode root = JSON.createObjectNode();
        root.put("schema", ScoreReport.SCHEMA);
        root.put("generatedAt", r.generatedAt().toString());
        ObjectNode backend = root.putObject("backend");
        backend.put("kind", r.backendKind());
        backend.put("description", r.backend());
        ArrayNode tampered = root.putArray("tampered");
        r.tampered().forEach(tampered::add);
        ObjectNode totals = root.putObject("totals");
        totals.put("points", r.earned());
        totals.put("possible", r.possible());
        totals.put("exercises", r.exercises());
        totals.put("exercisesPassed", r.exercisesPassed());
        ArrayNode modules = root.putArray("modules");
        for (ModuleResult m : r.modules()) {
            ObjectNode mod = modules.addObject();
            mod.put("module", m.name());
            mod.put("title", m.title());
            mod.put("points", m.earned());
            mod.put("possible", m.possible());
            if (m.compileError() != null) {
                mod.put("compileError", m.compileError());
                if (m.compileNote() != null) {
                    mod.put("compileNote", m.compileNote());
                }
                diagnostics(mod.putArray("compileDiagnostics"), m.compileDiagnostics());
            }
            ArrayNode exercises = mod.putArray("exercises");
            for (ExerciseResult e : m.exercises()) {
                ObjectNode ex = exercises.addObject();
                ex.put("exercise", e.id());
                ex.put("title", e.title());
                ex.put("status", id(e.status()));
                ex.put("points", e.earned());
                ex.put("possible", e.possible());
                ex.put("notGradablePoints", e.notGradable());
                ex.put("message", e.message());
                if (!e.diagnostics().isEmpty()) {
                    diagnostics(ex.putArray("diagnostics"), e.diagnostics());
                }
                ArrayNode tests = ex.putArray("tests");
                for (TestOutcome o : e.tests()) {
                    ObjectNode t = tests.addObject();
                    t.put("test", o.test().displayName());
                    t.put("class", o.test().className());
                    t.put("method", o.test().methodName());
                    t.put("points", o.test().points());
                    t.put("earned", o.status() == TestStatus.PASSED ? o.test().points() : 0);
                    t.put("status", id(o.status()));
                    t.put("message", o.message());
                    t.put("location", o.location());
                    t.put("durationMs", o.durationMs());
                    t.put("backend", r.backendKind());
                }
            }
        }
        return root;
    }

    /** Compiler errors as report.json lists them: where, javac's message, and the text javac would print. */
    private static void diagnostics(ArrayNode to, List<CompileDiagnostic> diagnostics) {
        for (CompileDiagnostic d : diagnostics) {
            ObjectNode o = to.addObject();
            o.put("file", d.file() == null ? null : d.shown());
            o.put("line", d.line());
            o.put("column", d.column());
            o.put("message", d.message());
            o.put("text", d.render());
        }
    }

    /**
     * The result in the format of GitHub Classroom's autograding reporter: one entry per graded test,
     * so the points show up in Classroom.
     */
    public static ObjectNode classroom(ScoreReport r) {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", 1);
        root.put("status", r.earned() == r.possible() ? "pass" : "fail");
        root.put("max_score", r.possible());
        ArrayNode tests = root.putArray("tests");
        for (ModuleResult m : r.modules()) {
            for (ExerciseResult e : m.exercises()) {
                for (TestOutcome o : e.tests()) {
                    if (o.status() == TestStatus.NOT_GRADABLE) {
                        continue;
                    }
                    ObjectNode t = tests.addObject();
                    t.put("name", e.id() + " " + o.test().displayName());
                    t.put("status", o.status() == TestStatus.PASSED ? "pass" : "fail");
                    t.put("score", o.status() == TestStatus.PASSED ? o.test().points() : 0);
                    t.put("max_score", o.test().points());
                    t.put("message", o.status() == TestStatus.PASSED ? "" : o.headline());
                    t.put("test_code", "./workshop test " + e.id());
                    t.put("filename", o.test().className());
                    t.put("line_no", 0);
                    t.put("duration", o.durationMs());
                }
            }
        }
        return root;
    }

    /** The classroom result, base64-encoded as the autograding reporter reads it from a step output. */
    public static String classroomBase64(ScoreReport r) {
        try {
            return Base64.getEncoder()
                    .encodeToString(JSON.writer()
                            .without(SerializationFeature.INDENT_OUTPUT)
                            .writeValueAsBytes(classroom(r)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A status as written in report.json: {@code not_started}, {@code not_gradable}... */
    public static String id(TestStatus s) {
        return s.name().toLowerCase(Locale.ROOT);
    }
}
