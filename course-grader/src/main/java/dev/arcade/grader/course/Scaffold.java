package dev.arcade.grader.course;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.lang.model.SourceVersion;

/**
 * Writes a new exercise or a new module in the course's shape, for authors ({@code ./workshop new}).
 *
 * <p>An exercise is five things in four folders: the lesson section in the module's
 * {@code README.md}, the skeleton in {@code src/main/java}, the graded test in {@code src/test/java},
 * three hints in {@code hints/<id>.md}, and the reference in {@code solutions/<module>/src/main/java}.
 * The scaffold is a small working example (one STS call) whose graded test fails on the skeleton as
 * <em>not started</em> and passes on the reference, so {@code ./workshop verify} holds from the first
 * minute and the author replaces the example piece by piece.
 *
 * <p>A module is its folder with a pom and a README, its reference twin with a pom, and one line in
 * every pom that must list it (see {@link ReactorCheck}).
 *
 * <p>Nothing is ever overwritten: every check is made before the first file is written, and a
 * refusal ({@link IllegalArgumentException}) leaves the course as it was.
 */
public final class Scaffold {
    private static final Pattern EXERCISE_ID = Pattern.compile("(\\d{1,2})\\.(\\d{1,2})");
    private static final Pattern SLUG = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);
    private static final String LEARNED = "## What you learned";

    /** What was done, with paths relative to the course root, and what the author does next. */
    public record Result(String summary, List<String> created, List<String> edited, List<String> next) {}

    private Scaffold() {}

    /**
     * Scaffolds exercise {@code id} in its module.
     *
     * @param root the course root
     * @param id the exercise id, {@code <module>.<number>}, for example {@code 1.10}
     * @param title the lesson heading's title, or null for a placeholder
     * @param name the skeleton's class name, or null to derive it from the title
     * @throws IllegalArgumentException when the module does not exist (or, in a Maven reactor, is a README-only
     *     placeholder without a pom), the exercise does, or a file is in the way
     */
    public static Result exercise(Path root, String id, String title, String name) {
        Matcher idm = EXERCISE_ID.matcher(id == null ? "" : id);
        if (!idm.matches() || Integer.parseInt(idm.group(1)) == 0 || Integer.parseInt(idm.group(2)) == 0) {
            throw new IllegalArgumentException(
                    "'" + id + "' is not an exercise id; ids look like 1.10 (module 1," + " exercise 10).");
        }
        int moduleNumber = Integer.parseInt(idm.group(1));
        String nn = String.format("%02d", moduleNumber);
        id = moduleNumber + "." + Integer.parseInt(idm.group(2));
        Path dir = moduleDir(root, nn)
                .orElseThrow(() -> new IllegalArgumentException("There is no module " + nn
                        + " (no folder module-" + nn + "-* in " + root
                        + "); create it first with ./workshop new module " + nn
                        + " <name>."));
        String module = dir.getFileName().toString();
        if (!Files.isRegularFile(dir.resolve("pom.xml")) && ReactorCheck.isReactor(root)) {
            throw new IllegalArgumentException(module + " is a lesson placeholder without a pom.xml; make it a module"
                    + " first with ./workshop new module " + nn + " " + module.substring("module-00-".length())
                    + " (its README is kept).");
        }
        Path solution = root.resolve("solutions").resolve(module);
        if (Files.isRegularFile(root.resolve("solutions/pom.xml"))
                && !Files.isRegularFile(solution.resolve("pom.xml"))) {
            throw new IllegalArgumentException(module + " has no reference solution module (solutions/" + module
                    + "/pom.xml is missing); see docs/authors.md, \"Add a module\".");
        }
        title = title == null || title.isBlank()
                ? "New exercise"
                : title.strip().replaceAll("\\s+", " ");
        if (name == null || name.isBlank()) {
            name = className(title, id);
        }
        if (!SourceVersion.isIdentifier(name)
                || SourceVersion.isKeyword(name)
                || !Character.isUpperCase(name.charAt(0))) {
            throw new IllegalArgumentException(
                    "'" + name + "' is not a class name; give one such as SessionExpiry" + " with --name.");
        }
        CourseModule m = new CourseModule(dir, solution);
        String pkg = packageOf(m);
        String test = "Exercise" + id.replace(".", "") + name + "Test";
        Path pkgPath = Path.of(pkg.replace('.', '/'));
        Path skeleton = m.mainSources().resolve(pkgPath).resolve(name + ".java");
        Path reference = m.solutionSources().resolve(pkgPath).resolve(name + ".java");
        Path testFile = m.testSources().resolve(pkgPath).resolve(test + ".java");
        Path hints = m.hints(id);

        List<String> existing = existingExercise(root, m, id);
        for (Path p : List.of(skeleton, reference, testFile, hints)) {
            if (Files.exists(p)) {
                existing.add(rel(root, p) + " exists");
            }
        }
        if (!existing.isEmpty()) {
            throw new IllegalArgumentException("Exercise " + id + " already exists, so nothing was written:"
                    + existing.stream()
                            .map(e -> System.lineSeparator() + "  - " + e)
                            .collect(Collectors.joining()));
        }

        Map<String, String> vars = new LinkedHashMap<>();
        vars.put("id", id);
        vars.put("title", title);
        vars.put("titleJava", title.replace("\\", "\\\\").replace("\"", "\\\""));
        vars.put("name", name);
        vars.put("test", test);
        vars.put("package", pkg);
        vars.put("module", module);

        List<String> created = new ArrayList<>();
        List<String> edited = new ArrayList<>();
        create(root, skeleton, template("skeleton.java.tmpl", vars), created);
        create(root, testFile, template("test.java.tmpl", vars), created);
        create(root, hints, template("hints.md.tmpl", vars), created);
        create(root, reference, template("reference.java.tmpl", vars), created);
        addLessonSection(m.lesson(), template("lesson.md.tmpl", vars));
        edited.add(rel(root, m.lesson()));

        List<String> next = List.of(
                "teach the idea in " + rel(root, m.lesson()) + ", right before \"## " + id + " " + title + "\"",
                "replace the example in the four files, keeping \"TODO " + id + ": ...\" in the skeleton",
                "./workshop test " + id + "   (fails: not started), then try it with the reference copied over",
                "./workshop manifest   (records the new test and skeleton)",
                "./workshop verify " + nn + "   (the graded tests fail on the skeleton and pass on the reference)");
        return new Result(
                "Exercise " + id + " " + title + " in " + module + " (" + name + ", " + test + ")",
                created,
                edited,
                next);
    }

    /**
     * Scaffolds module {@code number} named {@code slug} ({@code module-05-demo}), or completes a
     * lesson placeholder of that name (a folder with only a README, which is kept), and registers it
     * in every pom that must list it.
     *
     * @param root the course root
     * @param number the module number, {@code 5} or {@code 05}
     * @param slug the folder name's last part, lower case with dashes, for example {@code demo}
     * @param title the module's title for its README and pom, or null to derive it from the slug
     * @throws IllegalArgumentException when the module exists, or another module has that number
     */
    public static Result module(Path root, String number, String slug, String title) {
        if (number == null || !number.matches("\\d{1,2}") || Integer.parseInt(number) == 0) {
            throw new IllegalArgumentException("'" + number + "' is not a module number; give two digits such as 05.");
        }
        if (slug == null || !SLUG.matcher(slug).matches()) {
            throw new IllegalArgumentException("'" + slug + "' is not a module name; use lower case letters, digits and"
                    + " dashes, such as lambda or step-functions.");
        }
        int n = Integer.parseInt(number);
        String nn = String.format("%02d", n);
        String module = "module-" + nn + "-" + slug;
        String pkg = "dev.arcade." + slug.replace("-", "");
        if (!SourceVersion.isName(pkg)) {
            throw new IllegalArgumentException("The package " + pkg + " that '" + slug + "' gives is not a Java package"
                    + " name; choose another module name.");
        }
        Optional<Path> same = moduleDir(root, nn);
        if (same.isPresent() && !same.get().getFileName().toString().equals(module)) {
            throw new IllegalArgumentException("Module " + nn + " already exists as "
                    + same.get().getFileName() + "; choose another number, or rename that folder first.");
        }
        Path dir = root.resolve(module);
        Path pom = dir.resolve("pom.xml");
        Path twinPom = root.resolve("solutions").resolve(module).resolve("pom.xml");
        List<String> existing = new ArrayList<>();
        for (Path p : List.of(
                pom,
                twinPom,
                dir.resolve("src"),
                root.resolve("solutions").resolve(module).resolve("src"))) {
            if (Files.exists(p)) {
                existing.add(rel(root, p) + " exists");
            }
        }
        if (!existing.isEmpty()) {
            throw new IllegalArgumentException("Module " + module + " already exists, so nothing was written:"
                    + existing.stream()
                            .map(e -> System.lineSeparator() + "  - " + e)
                            .collect(Collectors.joining()));
        }
        if (title == null || title.isBlank()) {
            title = Arrays.stream(slug.split("-"))
                    .map(w -> Character.toUpperCase(w.charAt(0)) + w.substring(1))
                    .collect(Collectors.joining(" "));
        }
        Map<String, String> vars = new LinkedHashMap<>();
        vars.put("nn", nn);
        vars.put("n", Integer.toString(n));
        vars.put("slug", slug);
        vars.put("module", module);
        vars.put("title", title.strip());
        vars.put(
                "titleXml",
                title.strip().replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"));
        vars.put("packagePath", pkg.replace('.', '/'));

        List<String> created = new ArrayList<>();
        List<String> edited = new ArrayList<>();
        create(root, pom, template("module-pom.xml.tmpl", vars), created);
        Path readme = dir.resolve("README.md");
        boolean keptReadme = Files.exists(readme);
        if (!keptReadme) {
            create(root, readme, template("module-readme.md.tmpl", vars), created);
        }
        if (Files.isRegularFile(root.resolve("solutions/pom.xml"))) {
            create(root, twinPom, template("solution-pom.xml.tmpl", vars), created);
        }
        Map<String, List<ReactorCheck.Registration>> byFile = ReactorCheck.missing(root).stream()
                .filter(r -> r.module().equals(module))
                .collect(Collectors.groupingBy(
                        ReactorCheck.Registration::file, LinkedHashMap::new, Collectors.toList()));
        for (Map.Entry<String, List<ReactorCheck.Registration>> e : byFile.entrySet()) {
            insertLines(root.resolve(e.getKey()), e.getValue());
            edited.add(e.getKey());
        }
        List<String> next = new ArrayList<>();
        if (keptReadme) {
            next.add("kept the lesson placeholder " + rel(root, readme) + "; rewrite it as the module's lesson");
        }
        next.add("./workshop new exercise " + n + ".1 --title \"...\"   (the first exercise)");
        next.add("add the module to the table in README.md");
        next.add("./mvnw -q verify -pl " + module + " -am   (it builds)");
        if (byFile.isEmpty() && !Files.isRegularFile(root.resolve("solutions/pom.xml"))) {
            next.add("this course has no Maven reactor to register the module in");
        }
        return new Result("Module " + module + " (" + title.strip() + ")", created, edited, next);
    }

    /** The class name a title gives: "Expire old sessions" gives {@code ExpireOldSessions}. */
    static String className(String title, String id) {
        if (title.equals("New exercise")) {
            return "NewExercise" + id.replace(".", "");
        }
        String name = Arrays.stream(title.split("[^\\p{Alnum}]+"))
                .filter(w -> !w.isEmpty())
                .map(w -> Character.toUpperCase(w.charAt(0)) + w.substring(1))
                .collect(Collectors.joining());
        name = name.replaceAll("[^A-Za-z0-9]", "");
        if (name.isEmpty() || !Character.isLetter(name.charAt(0))) {
            name = "Exercise" + id.replace(".", "") + name;
        }
        return name;
    }

    /** Which traces of exercise {@code id} the module already has. */
    private static List<String> existingExercise(Path root, CourseModule m, String id) {
        List<String> found = new ArrayList<>();
        if (Lesson.exerciseTitles(m.lesson()).containsKey(id)) {
            found.add(rel(root, m.lesson()) + " has a section \"## " + id + " ...\"");
        }
        Pattern marks = Pattern.compile(
                "@Exercise\\(\\s*\"" + Pattern.quote(id) + "\"|exercise\\s*=\\s*\"" + Pattern.quote(id) + "\"");
        Pattern todo = Pattern.compile("TODO " + Pattern.quote(id) + "\\b(?!\\.)");
        for (Path f : javaFiles(m.testSources())) {
            if (marks.matcher(read(f)).find()) {
                found.add(rel(root, f) + " grades " + id);
            }
        }
        for (Path f : javaFiles(m.mainSources())) {
            if (todo.matcher(read(f)).find()) {
                found.add(rel(root, f) + " has a TODO " + id);
            }
        }
        return found;
    }

    /** The package of the module's existing code (the most common one), or {@code dev.arcade.<slug>}. */
    private static String packageOf(CourseModule m) {
        Map<String, Long> count = new LinkedHashMap<>();
        for (Path dir : List.of(m.mainSources(), m.testSources())) {
            for (Path f : javaFiles(dir)) {
                Matcher pm = PACKAGE.matcher(read(f));
                if (pm.find()) {
                    count.merge(pm.group(1), 1L, Long::sum);
                }
            }
        }
        return count.entrySet().stream()
                .max(Map.Entry.<String, Long>comparingByValue()
                        .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                .map(Map.Entry::getKey)
                .orElse("dev.arcade."
                        + m.name().substring("module-00-".length()).replace("-", ""));
    }

    private static Optional<Path> moduleDir(Path root, String nn) {
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.filter(Files::isDirectory)
                    .filter(d -> d.getFileName().toString().startsWith("module-" + nn + "-"))
                    .sorted()
                    .findFirst();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Inserts the exercise's section before "## What you learned", or at the end. */
    private static void addLessonSection(Path readme, String section) {
        String text = Files.isRegularFile(readme) ? read(readme) : "";
        String nl = text.contains("\r\n") ? "\r\n" : "\n";
        section = section.replace("\n", nl);
        int at = text.startsWith(LEARNED) ? 0 : text.indexOf(nl + LEARNED);
        String updated;
        if (at >= 0) {
            int cut = at == 0 ? 0 : at + nl.length();
            updated = text.substring(0, cut) + section + text.substring(cut);
        } else {
            String end = text.isEmpty() || text.endsWith(nl + nl) ? "" : text.endsWith(nl) ? nl : nl + nl;
            updated = text + end + section.stripTrailing() + nl;
        }
        write(readme, updated);
    }

    /** Inserts each registration's line after its line, bottom up so that the numbers stay right. */
    private static void insertLines(Path file, List<ReactorCheck.Registration> registrations) {
        String text = read(file);
        String nl = text.contains("\r\n") ? "\r\n" : "\n";
        boolean trailing = text.endsWith(nl);
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\r?\n", -1)));
        if (trailing) {
            lines.remove(lines.size() - 1);
        }
        List<ReactorCheck.Registration> bottomUp = new ArrayList<>(registrations);
        bottomUp.sort(
                Comparator.comparingInt(ReactorCheck.Registration::afterLine).reversed());
        for (ReactorCheck.Registration r : bottomUp) {
            lines.add(r.afterLine(), r.line());
        }
        write(file, String.join(nl, lines) + (trailing ? nl : ""));
    }

    private static void create(Path root, Path file, String content, List<String> created) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
        } catch (FileAlreadyExistsException e) {
            throw new IllegalArgumentException(rel(root, file) + " appeared meanwhile; it was not overwritten.");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        created.add(rel(root, file));
    }

    static String template(String name, Map<String, String> vars) {
        String text;
        try (InputStream in = Scaffold.class.getResourceAsStream("scaffold/" + name)) {
            if (in == null) {
                throw new IllegalStateException("the grader's scaffold template " + name + " is missing");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Map.Entry<String, String> v : vars.entrySet()) {
            text = text.replace("{{" + v.getKey() + "}}", v.getValue());
        }
        return text;
    }

    private static List<Path> javaFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(".java")).sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path f) {
        try {
            return Files.readString(f, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path f, String text) {
        try {
            Files.writeString(f, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String rel(Path root, Path p) {
        return root.toAbsolutePath()
                .normalize()
                .relativize(p.toAbsolutePath().normalize())
                .toString()
                .replace('\\', '/');
    }
}
