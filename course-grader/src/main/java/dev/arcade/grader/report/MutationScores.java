package dev.arcade.grader.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiFunction;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The mutation score of each exercise, from PIT's {@code mutations.xml}: of the mutants PIT made in
 * an exercise's reference classes, the share its graded tests detected (killed or timed out), after
 * leaving out the mutants an author has listed as equivalent (they behave exactly like the reference,
 * so no test can detect them).
 *
 * <p>PIT's statuses (<a href="https://pitest.org/quickstart/basic_concepts/">basic concepts</a>):
 * {@code KILLED}, {@code TIMED_OUT}, {@code MEMORY_ERROR} and {@code RUN_ERROR} count as detected;
 * {@code SURVIVED} and {@code NO_COVERAGE} as not; {@code NON_VIABLE} mutants (the JVM rejects them)
 * are not counted.
 */
public final class MutationScores {
    private static final Set<String> DETECTED = Set.of("KILLED", "TIMED_OUT", "MEMORY_ERROR", "RUN_ERROR");
    private static final Set<String> NOT_COUNTED = Set.of("NON_VIABLE");
    private static final String EQUIVALENT_COMMENT = "#";

    private MutationScores() {}

    /**
     * One mutant PIT made.
     *
     * @param className the mutated class, for example {@code dev.arcade.dynamodb.BestScores}
     * @param sourceFile its source file name, for example {@code BestScores.java}
     * @param line the mutated line (1-based)
     * @param method the mutated method
     * @param mutator PIT's mutator, short name (for example {@code NegateConditionalsMutator})
     * @param description what the mutant changed, in PIT's words
     * @param status PIT's status, for example {@code KILLED} or {@code SURVIVED}
     */
    public record Mutant(
            String className,
            String sourceFile,
            int line,
            String method,
            String mutator,
            String description,
            String status) {

        /** Whether a test failed because of this mutant. */
        public boolean detected() {
            return DETECTED.contains(status);
        }

        /** {@code BestScores.java:53}, the key an equivalents file uses together with the mutator. */
        public String location() {
            return sourceFile + ":" + line;
        }
    }

    /**
     * One exercise's score.
     *
     * @param exercise the exercise id, for example {@code 1.3}
     * @param detected mutants its tests detected
     * @param counted mutants counted (made, viable, not listed as equivalent)
     * @param equivalent mutants left out because an author listed them as equivalent
     * @param survivors the counted mutants no test detected, in source order
     */
    public record ExerciseScore(String exercise, int detected, int counted, int equivalent, List<Mutant> survivors) {

        /** The mutation score in percent, 0 to 100; 100 when nothing was counted. */
        public double percent() {
            return counted == 0 ? 100.0 : 100.0 * detected / counted;
        }
    }

    /**
     * Reads PIT's XML report.
     *
     * @throws UncheckedIOException when the file cannot be read or is not PIT's XML
     */
    public static List<Mutant> read(Path mutationsXml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            NodeList nodes =
                    factory.newDocumentBuilder().parse(mutationsXml.toFile()).getElementsByTagName("mutation");
            List<Mutant> mutants = new ArrayList<>();
            for (int i = 0; i < nodes.getLength(); i++) {
                Element m = (Element) nodes.item(i);
                String mutator = text(m, "mutator");
                mutants.add(new Mutant(
                        text(m, "mutatedClass"),
                        text(m, "sourceFile"),
                        Integer.parseInt(text(m, "lineNumber")),
                        text(m, "mutatedMethod"),
                        mutator.substring(mutator.lastIndexOf('.') + 1),
                        text(m, "description"),
                        m.getAttribute("status")));
            }
            return mutants;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SAXException | ParserConfigurationException | NumberFormatException e) {
            throw new UncheckedIOException(
                    new IOException(mutationsXml + " is not PIT's mutations.xml: " + e.getMessage(), e));
        }
    }

    /**
     * Reads an equivalents file: one mutant per line as {@code BestScores.java:53 MutatorName  why it
     * is equivalent}; blank lines and lines starting with {@code #} are ignored. A missing file lists none.
     *
     * @return {@code "BestScores.java:53 MutatorName"} → the reason
     */
    public static Map<String, String> readEquivalents(Path file) {
        Map<String, String> equivalents = new LinkedHashMap<>();
        if (!Files.isRegularFile(file)) {
            return equivalents;
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String l = line.strip();
                if (l.isEmpty() || l.startsWith(EQUIVALENT_COMMENT)) {
                    continue;
                }
                String[] parts = l.split("\\s+", 3);
                if (parts.length >= 2) {
                    equivalents.put(parts[0] + " " + parts[1], parts.length == 3 ? parts[2] : "");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return equivalents;
    }

    /**
     * Scores each exercise.
     *
     * @param mutants every mutant PIT made in the module
     * @param exerciseOf the exercise a mutated class and method belong to, or {@code null} for none
     *     (their mutants are not scored)
     * @param equivalents from {@link #readEquivalents(Path)}
     * @return one score per exercise that has mutants, ordered by exercise id
     */
    public static List<ExerciseScore> score(
            List<Mutant> mutants, BiFunction<String, String, String> exerciseOf, Map<String, String> equivalents) {
        Map<String, List<Mutant>> byExercise = new TreeMap<>(MutationScores::compareIds);
        for (Mutant m : mutants) {
            String exercise = exerciseOf.apply(m.className(), m.method());
            if (exercise != null && !NOT_COUNTED.contains(m.status())) {
                byExercise.computeIfAbsent(exercise, k -> new ArrayList<>()).add(m);
            }
        }
        List<ExerciseScore> scores = new ArrayList<>();
        byExercise.forEach((exercise, list) -> {
            int detected = 0;
            int counted = 0;
            int equivalent = 0;
            List<Mutant> survivors = new ArrayList<>();
            for (Mutant m : list) {
                if (!m.detected() && equivalents.containsKey(m.location() + " " + m.mutator())) {
                    equivalent++;
                    continue;
                }
                counted++;
                if (m.detected()) {
                    detected++;
                } else {
                    survivors.add(m);
                }
            }
            survivors.sort((a, b) -> a.sourceFile().equals(b.sourceFile())
                    ? Integer.compare(a.line(), b.line())
                    : a.sourceFile().compareTo(b.sourceFile()));
            scores.add(new ExerciseScore(exercise, detected, counted, equivalent, List.copyOf(survivors)));
        });
        return scores;
    }

    /** Orders exercise ids numerically: 1.9 before 1.10. */
    static int compareIds(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int c = Integer.compare(Integer.parseInt(x[i]), Integer.parseInt(y[i]));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.length, y.length);
    }

    private static String text(Element parent, String tag) {
        NodeList list = parent.getElementsByTagName(tag);
        return list.getLength() == 0 ? "" : list.item(0).getTextContent();
    }
}
