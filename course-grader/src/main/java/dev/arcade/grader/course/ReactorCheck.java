package dev.arcade.grader.course;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Checks that every course module is registered in every pom that must list it, because Maven 3.9
 * does not discover modules by itself: a module missing from the reactor is silently never built,
 * and its exercises silently never proved.
 *
 * <p>A course module is a folder {@code module-NN-*} <em>with a {@code pom.xml}</em>; a folder with
 * only a README (a lesson placeholder such as {@code module-03-lambda}) is not one yet, and is no
 * problem. Where the course has these poms, each course module must be listed in:
 *
 * <ul>
 *   <li>{@code pom.xml}: {@code <module>module-NN-name</module>} in {@code <modules>};
 *   <li>{@code solutions/pom.xml}: its twin {@code solutions/module-NN-name}, which must exist, in {@code <modules>};
 *   <li>{@code course-verify/pom.xml}: a {@code provided} dependency on the module's and on its twin's artifact,
 *       so that {@code ./mvnw verify} builds both before the proof.
 * </ul>
 *
 * And the reverse: no pom may list a {@code module-*} that has no pom. A course whose root pom has no
 * {@code <modules>} element is not a Maven reactor (the grader's test courses), and has no problems.
 */
public final class ReactorCheck {
    private static final Pattern MODULE_DIR = Pattern.compile("module-\\d\\d-.+");
    private static final Pattern MODULE_ENTRY = Pattern.compile("<module>\\s*([^<\\s]+)\\s*</module>");
    private static final Pattern ARTIFACT = Pattern.compile("<artifactId>\\s*([^<\\s]+)\\s*</artifactId>");
    private static final Pattern COURSE_ARTIFACT = Pattern.compile("(solution-)?module-\\d\\d-.+");

    private ReactorCheck() {}

    /**
     * Every registration that is missing or stale in the course at {@code courseRoot}, each as one
     * sentence that names the file, and the line to add (with the line to add it after) or the line
     * to remove. Empty when the reactor is complete, and when the root pom has no {@code <modules>}.
     *
     * <p>{@code ./workshop verify} reports each as a breach; {@code ./workshop new module} adds the
     * missing lines for the module it creates.
     *
     * @param courseRoot the course's root folder (the one with the root {@code pom.xml})
     * @return the problems, in a stable order; never null
     */
    public static List<String> problems(Path courseRoot) {
        List<String> problems = new ArrayList<>();
        for (Registration r : missing(courseRoot)) {
            problems.add(r.describe());
        }
        Pom root = Pom.read(courseRoot.resolve("pom.xml"));
        if (root == null || !root.hasModules()) {
            return problems;
        }
        // course modules without their reference twin, and twins without their course module
        if (Files.isRegularFile(courseRoot.resolve("solutions/pom.xml"))) {
            for (Path dir : moduleDirs(courseRoot)) {
                Path twin = courseRoot
                        .resolve("solutions")
                        .resolve(dir.getFileName())
                        .resolve("pom.xml");
                if (!Files.isRegularFile(twin)) {
                    problems.add(dir.getFileName() + " has no reference solution: " + rel(courseRoot, twin)
                            + " is missing (copy the twin pom of another module and change its artifactId and"
                            + " exercise.dir; see docs/authors.md)");
                }
            }
            for (Path twin : moduleDirs(courseRoot.resolve("solutions"))) {
                if (!Files.isRegularFile(courseRoot.resolve(twin.getFileName()).resolve("pom.xml"))) {
                    problems.add(rel(courseRoot, twin) + " is the reference solution of " + twin.getFileName()
                            + ", which has no pom.xml: its tests would be missing");
                }
            }
        }
        // the reverse: entries that name no module
        stale(
                courseRoot,
                root,
                "pom.xml",
                e -> MODULE_DIR.matcher(e).matches()
                        && !Files.isRegularFile(courseRoot.resolve(e).resolve("pom.xml")),
                problems);
        Pom solutions = Pom.read(courseRoot.resolve("solutions/pom.xml"));
        if (solutions != null) {
            stale(
                    courseRoot,
                    solutions,
                    "solutions/pom.xml",
                    e -> MODULE_DIR.matcher(e).matches()
                            && !Files.isRegularFile(
                                    courseRoot.resolve("solutions").resolve(e).resolve("pom.xml")),
                    problems);
        }
        Pom verify = Pom.read(courseRoot.resolve("course-verify/pom.xml"));
        if (verify != null) {
            List<String> known = new ArrayList<>();
            for (Path dir : moduleDirs(courseRoot)) {
                known.add(artifactId(dir.resolve("pom.xml"))
                        .orElse(dir.getFileName().toString()));
            }
            for (Path dir : moduleDirs(courseRoot.resolve("solutions"))) {
                known.add(artifactId(dir.resolve("pom.xml")).orElse("solution-" + dir.getFileName()));
            }
            for (Pom.Entry a : verify.artifacts()) {
                if (COURSE_ARTIFACT.matcher(a.name()).matches() && !known.contains(a.name())) {
                    problems.add("course-verify/pom.xml line " + a.line() + " depends on " + a.name()
                            + ", which no module's pom.xml builds; remove that line: "
                            + a.text().strip());
                }
            }
        }
        return problems;
    }

    /** Whether the course is a Maven reactor: its root pom has a {@code <modules>} element. */
    static boolean isReactor(Path courseRoot) {
        Pom root = Pom.read(courseRoot.resolve("pom.xml"));
        return root != null && root.hasModules();
    }

    private static void stale(Path courseRoot, Pom pom, String file, Predicate<String> missing, List<String> problems) {
        for (Pom.Entry e : pom.modules()) {
            if (missing.test(e.name())) {
                problems.add(file + " line " + e.line() + " lists " + e.name()
                        + ", which has no pom.xml; remove that line" + " (or give the folder its pom.xml): "
                        + e.text().strip());
            }
        }
    }

    /**
     * A line some pom lacks: {@code line} is to be inserted into {@code file} after line
     * {@code afterLine} (1-based; 0 is before the first).
     *
     * @param file the pom, relative to the course root, with forward slashes
     * @param afterLine the line the new one goes after
     * @param after that line's text, stripped, to name it in messages
     * @param line the line to add, indented like its neighbours
     * @param module the course module the line registers
     * @param why what the line is for
     */
    record Registration(String file, int afterLine, String after, String line, String module, String why) {
        String describe() {
            return file + " does not list " + module + " (" + why + "): add the line " + line.strip() + " after line "
                    + afterLine + (after.isEmpty() ? "" : " (" + after + ")");
        }
    }

    /** The registrations the course lacks, one per pom line to add; for {@code problems} and the scaffolder. */
    static List<Registration> missing(Path courseRoot) {
        List<Registration> missing = new ArrayList<>();
        Pom root = Pom.read(courseRoot.resolve("pom.xml"));
        if (root == null || !root.hasModules()) {
            return missing;
        }
        List<Path> modules = moduleDirs(courseRoot);
        List<Path> twins = moduleDirs(courseRoot.resolve("solutions"));
        for (Path dir : modules) {
            String name = dir.getFileName().toString();
            if (root.modules().stream().noneMatch(e -> e.name().equals(name))) {
                missing.add(
                        root.moduleRegistration("pom.xml", name, "Maven builds only the modules its root pom lists"));
            }
        }
        Pom solutions = Pom.read(courseRoot.resolve("solutions/pom.xml"));
        if (solutions != null) {
            for (Path dir : twins) {
                String name = dir.getFileName().toString();
                if (solutions.modules().stream().noneMatch(e -> e.name().equals(name))) {
                    missing.add(solutions.moduleRegistration(
                            "solutions/pom.xml",
                            name,
                            "its reference solution runs the module's tests only if the solutions reactor lists it"));
                }
            }
        }
        Pom verify = Pom.read(courseRoot.resolve("course-verify/pom.xml"));
        if (verify != null) {
            for (Path dir : modules) {
                String name = dir.getFileName().toString();
                String artifact = artifactId(dir.resolve("pom.xml")).orElse(name);
                if (verify.artifacts().stream().noneMatch(a -> a.name().equals(artifact))) {
                    missing.add(verify.dependencyRegistration("course-verify/pom.xml", name, artifact, false));
                }
                Path twin = courseRoot.resolve("solutions").resolve(name).resolve("pom.xml");
                if (Files.isRegularFile(twin)) {
                    String solution = artifactId(twin).orElse("solution-" + name);
                    if (verify.artifacts().stream().noneMatch(a -> a.name().equals(solution))) {
                        missing.add(verify.dependencyRegistration("course-verify/pom.xml", name, solution, true));
                    }
                }
            }
        }
        return missing;
    }

    /** The folders {@code module-NN-*} directly under {@code parent} that have a pom.xml, sorted. */
    static List<Path> moduleDirs(Path parent) {
        if (!Files.isDirectory(parent)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(parent)) {
            return dirs.filter(
                            d -> MODULE_DIR.matcher(d.getFileName().toString()).matches())
                    .filter(d -> Files.isRegularFile(d.resolve("pom.xml")))
                    .sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The project's own artifactId (not its parent's), if the pom has one. */
    static Optional<String> artifactId(Path pom) {
        Pom p = Pom.read(pom);
        if (p == null) {
            return Optional.empty();
        }
        return p.ownArtifactId();
    }

    private static String rel(Path root, Path p) {
        return root.relativize(p).toString().replace('\\', '/');
    }

    /**
     * A pom read as lines, with what the check needs: its {@code <module>} entries and its
     * {@code <artifactId>}s, each with its line, outside XML comments.
     */
    static final class Pom {
        record Entry(String name, int line, String text) {}

        final List<String> lines;
        /** The lines with comments blanked out, same length and numbering as {@code lines}. */
        private final List<String> code;

        private Pom(List<String> lines) {
            this.lines = lines;
            this.code = withoutComments(lines);
        }

        static Pom read(Path file) {
            if (!Files.isRegularFile(file)) {
                return null;
            }
            try {
                return new Pom(Files.readAllLines(file, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        boolean hasModules() {
            return code.stream().anyMatch(l -> l.contains("<modules>"));
        }

        List<Entry> modules() {
            return find(MODULE_ENTRY);
        }

        List<Entry> artifacts() {
            return find(ARTIFACT);
        }

        Optional<String> ownArtifactId() {
            boolean inParent = false;
            for (String l : code) {
                if (l.contains("<parent>")) {
                    inParent = true;
                }
                if (!inParent) {
                    Matcher m = ARTIFACT.matcher(l);
                    if (m.find()) {
                        return Optional.of(m.group(1));
                    }
                }
                if (l.contains("</parent>")) {
                    inParent = false;
                }
            }
            return Optional.empty();
        }

        private List<Entry> find(Pattern p) {
            List<Entry> entries = new ArrayList<>();
            for (int i = 0; i < code.size(); i++) {
                Matcher m = p.matcher(code.get(i));
                while (m.find()) {
                    entries.add(new Entry(m.group(1), i + 1, lines.get(i)));
                }
            }
            return entries;
        }

        private int lineOf(String tag) {
            for (int i = 0; i < code.size(); i++) {
                if (code.get(i).contains(tag)) {
                    return i + 1;
                }
            }
            return -1;
        }

        /** Where {@code <module>name</module>} goes: in name order among the module-* entries. */
        Registration moduleRegistration(String file, String name, String why) {
            List<Entry> courseEntries = modules().stream()
                    .filter(e -> MODULE_DIR.matcher(e.name()).matches())
                    .toList();
            String text = "<module>" + name + "</module>";
            if (!courseEntries.isEmpty()) {
                return insertSorted(
                        file,
                        name,
                        courseEntries,
                        e -> e.text().replace(e.text().strip(), text),
                        why);
            }
            // no course module listed yet: before <module>solutions</module>, else at the end of <modules>
            Optional<Entry> solutions =
                    modules().stream().filter(e -> e.name().equals("solutions")).findFirst();
            if (solutions.isPresent()) {
                Entry s = solutions.get();
                return new Registration(
                        file,
                        s.line() - 1,
                        s.line() >= 2 ? lines.get(s.line() - 2).strip() : "",
                        s.text().replace(s.text().strip(), text),
                        name,
                        why);
            }
            int close = lineOf("</modules>");
            return new Registration(
                    file,
                    close - 1,
                    lines.get(close - 2).strip(),
                    indentOf(lines.get(close - 1)) + "  " + text,
                    name,
                    why);
        }

        /** Where the provided dependency on {@code artifact} goes: in name order among its kind (module or solution). */
        Registration dependencyRegistration(String file, String module, String artifact, boolean solution) {
            Pattern kind = Pattern.compile(solution ? "solution-module-\\d\\d-.+" : "module-\\d\\d-.+");
            List<Entry> same = artifacts().stream()
                    .filter(a -> kind.matcher(a.name()).matches())
                    .toList();
            String why =
                    "./mvnw verify must build " + (solution ? "its reference solution" : "it") + " before the proof";
            if (!same.isEmpty()) {
                return insertSorted(
                        file,
                        artifact,
                        same,
                        e -> e.text()
                                .replace(
                                        "<artifactId>" + e.name() + "</artifactId>",
                                        "<artifactId>" + artifact + "</artifactId>"),
                        why,
                        module);
            }
            String line = "    <dependency><groupId>dev.arcade</groupId><artifactId>" + artifact
                    + "</artifactId><version>${project.version}</version><scope>provided</scope></dependency>";
            int close = lineOf("</dependencies>");
            return new Registration(file, close - 1, lines.get(close - 2).strip(), line, module, why);
        }

        private Registration insertSorted(
                String file,
                String name,
                List<Entry> entries,
                java.util.function.Function<Entry, String> lineLike,
                String why) {
            return insertSorted(file, name, entries, lineLike, why, name);
        }

        private Registration insertSorted(
                String file,
                String name,
                List<Entry> entries,
                java.util.function.Function<Entry, String> lineLike,
                String why,
                String module) {
            TreeMap<String, Entry> sorted = new TreeMap<>();
            entries.forEach(e -> sorted.put(e.name(), e));
            var before = sorted.lowerEntry(name);
            if (before != null) {
                Entry e = before.getValue();
                return new Registration(file, e.line(), e.text().strip(), lineLike.apply(e), module, why);
            }
            Entry first = sorted.firstEntry().getValue();
            int after = first.line() - 1;
            return new Registration(
                    file, after, after == 0 ? "" : lines.get(after - 1).strip(), lineLike.apply(first), module, why);
        }

        private static String indentOf(String line) {
            return line.substring(0, line.length() - line.stripLeading().length());
        }

        private static List<String> withoutComments(List<String> lines) {
            List<String> out = new ArrayList<>();
            boolean inComment = false;
            for (String l : lines) {
                StringBuilder b = new StringBuilder();
                int i = 0;
                while (i < l.length()) {
                    if (inComment) {
                        int end = l.indexOf("-->", i);
                        if (end < 0) {
                            i = l.length();
                        } else {
                            inComment = false;
                            i = end + 3;
                        }
                    } else {
                        int start = l.indexOf("<!--", i);
                        if (start < 0) {
                            b.append(l, i, l.length());
                            i = l.length();
                        } else {
                            b.append(l, i, start);
                            inComment = true;
                            i = start + 4;
                        }
                    }
                }
                out.add(b.toString());
            }
            return out;
        }
    }
}
