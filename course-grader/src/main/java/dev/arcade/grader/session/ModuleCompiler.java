package dev.arcade.grader.session;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles a module's code and tests in this JVM with {@code javax.tools}, skipping the work when
 * nothing changed since the last time.
 *
 * <p>In-process compilation is what makes the learner's loop fast (no Maven start, no fork), and it
 * lets a compile error in one module be reported as that module's status while the others are
 * graded.
 */
public final class ModuleCompiler {

    /**
     * What compiling one source tree gave.
     *
     * @param diagnostics every error, in javac's order (warnings are not asked for: {@code -nowarn})
     */
    public record Result(boolean ok, Path classes, List<CompileDiagnostic> diagnostics, boolean upToDate) {
        /** Every error, rendered as javac prints it (source line and caret included). */
        public List<String> errors() {
            return diagnostics.stream().map(CompileDiagnostic::render).toList();
        }

        /** The first error, on one line, for the score board. */
        public String firstError() {
            return diagnostics.isEmpty() ? "" : diagnostics.get(0).summary();
        }
    }

    /** The Java release course code is compiled for: the course's minimum JDK. */
    static final String JAVA_RELEASE = "17";

    private final List<Path> kitClasspath;

    /** A compiler for code that sees the kit (and everything it brings) on its classpath. */
    public ModuleCompiler(List<Path> kitClasspath) {
        this.kitClasspath = List.copyOf(kitClasspath);
    }

    /**
     * Compiles {@code sources} into {@code out}, with {@code extraClasspath} before the kit's.
     *
     * @param relativeTo paths in error messages are shown relative to this folder
     * @param resources a folder whose files are copied next to the classes, or null
     */
    public Result compile(Path sources, Path out, List<Path> extraClasspath, Path relativeTo, Path resources) {
        return compileFiles(javaFiles(sources), out, extraClasspath, relativeTo, resources);
    }

    /**
     * Compiles exactly {@code files} into {@code out}, with {@code extraClasspath} before the kit's.
     *
     * @param relativeTo paths in error messages are shown relative to this folder
     * @param resources a folder whose files are copied next to the classes, or null
     */
    public Result compileFiles(List<Path> files, Path out, List<Path> extraClasspath, Path relativeTo, Path resources) {
        List<Path> cp = new ArrayList<>(extraClasspath);
        cp.addAll(kitClasspath);
        String stamp = stamp(files, cp, resources);
        Path stampFile = out.resolveSibling(out.getFileName() + ".stamp");
        try {
            if (Files.isDirectory(out)
                    && Files.isRegularFile(stampFile)
                    && Files.readString(stampFile, StandardCharsets.UTF_8).equals(stamp)) {
                return new Result(true, out, List.of(), true);
            }
            deleteTree(out);
            Files.createDirectories(out);
            Files.deleteIfExists(stampFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (files.isEmpty()) {
            writeStamp(stampFile, stamp);
            return new Result(true, out, List.of(), false);
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("This Java has no compiler (a JRE, not a JDK): install JDK 17 or newer"
                    + " and point JAVA_HOME at it.");
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager fm =
                javac.getStandardFileManager(diagnostics, Locale.ENGLISH, StandardCharsets.UTF_8)) {
            List<String> options = List.of(
                    "--release",
                    JAVA_RELEASE,
                    "-encoding",
                    "UTF-8",
                    "-proc:none",
                    "-parameters",
                    "-nowarn",
                    "-implicit:none",
                    "-d",
                    out.toString(),
                    "-cp",
                    cp.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)));
            Iterable<? extends JavaFileObject> units = fm.getJavaFileObjectsFromPaths(files);
            StringWriter javacOutput = new StringWriter();
            boolean ok = javac.getTask(javacOutput, fm, diagnostics, options, null, units)
                    .call();
            Map<JavaFileObject, String> sourceTexts = new HashMap<>();
            List<CompileDiagnostic> errors = diagnostics.getDiagnostics().stream()
                    .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                    .map(d -> describe(d, relativeTo, sourceTexts))
                    .collect(Collectors.toList());
            if (ok) {
                copyResources(resources, out);
                writeStamp(stampFile, stamp);
            } else if (errors.isEmpty()) {
                errors = List.of(new CompileDiagnostic(
                        null, "", 0, 0, javacOutput.toString().strip(), "", -1));
            }
            return new Result(ok, out, errors, false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CompileDiagnostic describe(
            Diagnostic<? extends JavaFileObject> d, Path relativeTo, Map<JavaFileObject, String> sources) {
        String message = d.getMessage(Locale.ENGLISH);
        if (d.getSource() == null) {
            return new CompileDiagnostic(null, "", 0, 0, message, "", -1);
        }
        Path file = Path.of(d.getSource().toUri());
        Path shown = relativeTo != null && file.startsWith(relativeTo) ? relativeTo.relativize(file) : file;
        String text = sources.computeIfAbsent(d.getSource(), s -> {
            try {
                return s.getCharContent(true).toString();
            } catch (IOException e) {
                return ""; // the message alone is still worth showing
            }
        });
        String source = "";
        int caret = -1;
        long position = d.getPosition();
        if (position != Diagnostic.NOPOS && position <= text.length()) {
            int start = text.lastIndexOf('\n', (int) position - 1) + 1;
            int end = text.indexOf('\n', (int) position);
            source = text.substring(start, end < 0 ? text.length() : end).replace("\r", "");
            caret = (int) position - start;
        }
        return new CompileDiagnostic(
                file,
                shown.toString().replace('\\', '/'),
                Math.max(0, d.getLineNumber()),
                Math.max(0, d.getColumnNumber()),
                message,
                source,
                caret);
    }

    /** The {@code .java} files under {@code dir}, sorted; none when it does not exist. */
    public static List<Path> javaFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(".java")).sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Names, sizes and times of every input: if none changed, the classes on disk are still right. */
    private static String stamp(List<Path> files, List<Path> classpath, Path resources) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            List<Path> all = new ArrayList<>(files);
            if (resources != null && Files.isDirectory(resources)) {
                try (Stream<Path> s = Files.walk(resources)) {
                    s.filter(Files::isRegularFile).sorted().forEach(all::add);
                }
            }
            for (Path p : all) {
                sha.update((p + "|" + Files.size(p) + "|"
                                + Files.getLastModifiedTime(p).toMillis() + "\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
            for (Path p : classpath) {
                long t = Files.exists(p) ? Files.getLastModifiedTime(p).toMillis() : 0;
                sha.update(("cp|" + p + "|" + t + "\n").getBytes(StandardCharsets.UTF_8));
            }
            sha.update(("java|" + Runtime.version().feature()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void writeStamp(Path file, String stamp) {
        try {
            Files.writeString(file, stamp, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copyResources(Path from, Path to) throws IOException {
        if (from == null || !Files.isDirectory(from)) {
            return;
        }
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    /** Deletes a folder and everything in it, if it exists. */
    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
