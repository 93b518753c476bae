package dev.arcade.evaluators.emf;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Source: Amazon CloudWatch User Guide, "Specification: Embedded metric format" (its sections Root
 * node, Metadata object, MetricDirective object, DimensionSet array, MetricDefinition object,
 * Reference values, Target members, and the example and JSON schema). Each case names the rule it
 * checks; {@link #EXAMPLE} is the page's valid example.
 */
@DisplayName("The embedded metric format")
class EmbeddedMetricFormatTest {

    /** The page's valid example. */
    static final String EXAMPLE = """
            {"_aws": {"Timestamp": 1574109732004,
                      "CloudWatchMetrics": [{"Namespace": "lambda-function-metrics",
                                             "Dimensions": [["functionVersion"]],
                                             "Metrics": [{"Name": "time", "Unit": "Milliseconds"}]}]},
             "functionVersion": "$LATEST", "time": 100, "requestId": "989ffbf8-9ace-4817-a57c-e4dd734019ee"}""";

    /** A document whose directive is {@code directive} and whose root members are {@code members}. */
    static String doc(String directive, String members) {
        return "{\"_aws\": {\"Timestamp\": 1574109732004, \"CloudWatchMetrics\": [" + directive + "]}"
                + (members.isEmpty() ? "" : ", " + members) + "}";
    }

    static String directive(String dimensions, String metrics) {
        return "{\"Namespace\": \"Arcade\", \"Dimensions\": " + dimensions + ", \"Metrics\": " + metrics + "}";
    }

    static String dims(int n) {
        return IntStream.range(0, n).mapToObj(i -> "\"d" + i + "\"").collect(Collectors.joining(",", "[[", "]]"));
    }

    static String dimMembers(int n) {
        return IntStream.range(0, n)
                .mapToObj(i -> "\"d" + i + "\": \"v" + i + "\"")
                .collect(Collectors.joining(", "));
    }

    static String manyMetrics(int n) {
        return IntStream.range(0, n)
                .mapToObj(i -> "{\"Name\": \"m" + i + "\"}")
                .collect(Collectors.joining(",", "[", "]"));
    }

    static String metricMembers(int n) {
        return IntStream.range(0, n).mapToObj(i -> "\"m" + i + "\": " + i).collect(Collectors.joining(", "));
    }

    static String values(int n) {
        return IntStream.range(0, n).mapToObj(Integer::toString).collect(Collectors.joining(",", "[", "]"));
    }

    static final String ONE = "[{\"Name\": \"Latency\", \"Unit\": \"Milliseconds\"}]";
    static final String GAME = "[[\"Game\"]]";

    /** Valid documents: {@code (rule, document)}. */
    static Stream<Arguments> valid() {
        return Stream.of(
                Arguments.of("the page's example", EXAMPLE),
                Arguments.of(
                        "Lambda's prefix before the document is allowed (PutLogEvents request format)",
                        "2026-12-04T10:00:00.000Z\tc0ffee00-1111-2222-3333-444455556666\tINFO\t" + EXAMPLE),
                Arguments.of("a DimensionSet MAY be empty", doc(directive("[[]]", ONE), "\"Latency\": 5")),
                Arguments.of(
                        "the Unit is OPTIONAL",
                        doc(directive(GAME, "[{\"Name\": \"Latency\"}]"), "\"Game\": \"tetris\", \"Latency\": 5")),
                Arguments.of(
                        "a metric target MAY be an array of numbers",
                        doc(directive(GAME, ONE), "\"Game\": \"tetris\", \"Latency\": [1, 2.5, 3]")),
                Arguments.of(
                        "an array target of 100 values is the limit",
                        doc(directive(GAME, ONE), "\"Game\": \"tetris\", \"Latency\": " + values(100))),
                Arguments.of(
                        "30 dimension keys are the limit",
                        doc(directive(dims(30), ONE), dimMembers(30) + ", \"Latency\": 5")),
                Arguments.of(
                        "100 metric definitions are the limit",
                        doc(directive(GAME, manyMetrics(100)), "\"Game\": \"g\", " + metricMembers(100))),
                Arguments.of(
                        "several dimension sets",
                        doc(
                                directive("[[\"Game\"], [\"Game\", \"Outcome\"]]", ONE),
                                "\"Game\": \"tetris\", \"Outcome\": \"ok\", \"Latency\": 5")),
                Arguments.of(
                        "several directives",
                        "{\"_aws\": {\"Timestamp\": 1, \"CloudWatchMetrics\": [" + directive(GAME, ONE) + ", "
                                + directive("[[]]", "[{\"Name\": \"Count\"}]")
                                + "]}, \"Game\": \"g\", \"Latency\": 1, \"Count\": 2}"),
                Arguments.of(
                        "members not in the specification are allowed on the root node",
                        doc(directive(GAME, ONE), "\"Game\": \"g\", \"Latency\": 5, \"extra\": {\"nested\": [1]}")),
                Arguments.of(
                        "a reference with a dot names the root member with that name",
                        doc(directive("[[\"A.a\"]]", "[{\"Name\": \"B.b\"}]"), "\"A.a\": \"x\", \"B.b\": 1")),
                Arguments.of(
                        "StorageResolution 1 is high resolution",
                        doc(
                                directive(GAME, "[{\"Name\": \"Latency\", \"StorageResolution\": 1}]"),
                                "\"Game\": \"g\", \"Latency\": 5")),
                Arguments.of(
                        "StorageResolution 60 is standard",
                        doc(
                                directive(GAME, "[{\"Name\": \"Latency\", \"StorageResolution\": 60}]"),
                                "\"Game\": \"g\", \"Latency\": 5")),
                Arguments.of(
                        "every MetricDatum unit is accepted: Count/Second",
                        doc(
                                directive(GAME, "[{\"Name\": \"Latency\", \"Unit\": \"Count/Second\"}]"),
                                "\"Game\": \"g\", \"Latency\": 5")),
                Arguments.of(
                        "every MetricDatum unit is accepted: None",
                        doc(
                                directive(GAME, "[{\"Name\": \"Latency\", \"Unit\": \"None\"}]"),
                                "\"Game\": \"g\", \"Latency\": 5")),
                Arguments.of(
                        "a negative and a zero value are numbers",
                        doc(directive(GAME, ONE), "\"Game\": \"g\", \"Latency\": [-1, 0]")),
                Arguments.of(
                        "an empty directive list extracts nothing but conforms",
                        "{\"_aws\": {\"Timestamp\": 1, \"CloudWatchMetrics\": []}}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valid")
    @DisplayName("documents that conform to the specification are valid")
    void validDocuments(String rule, String document) {
        EmfDocument read = EmbeddedMetricFormat.read(document);

        assertThat(read.valid()).as("%s: %s", rule, read.problems()).isTrue();
    }

    /** Invalid documents: {@code (rule, document, words of the problem)}. */
    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of("_aws MUST be an object", "{\"_aws\": [1]}", "_aws must be an object"),
                Arguments.of(
                        "_aws.Timestamp is required",
                        "{\"_aws\": {\"CloudWatchMetrics\": []}}",
                        "_aws.Timestamp is required"),
                Arguments.of(
                        "Timestamp is a number of milliseconds",
                        "{\"_aws\": {\"Timestamp\": \"2026-12-04\", \"CloudWatchMetrics\": []}}",
                        "whole number of milliseconds"),
                Arguments.of(
                        "Timestamp is an integer (schema)",
                        "{\"_aws\": {\"Timestamp\": 1.5, \"CloudWatchMetrics\": []}}",
                        "whole number"),
                Arguments.of(
                        "CloudWatchMetrics is required",
                        "{\"_aws\": {\"Timestamp\": 1}}",
                        "CloudWatchMetrics is required"),
                Arguments.of(
                        "CloudWatchMetrics is an array",
                        "{\"_aws\": {\"Timestamp\": 1, \"CloudWatchMetrics\": {}}}",
                        "must be an array"),
                Arguments.of(
                        "a directive is an object",
                        "{\"_aws\": {\"Timestamp\": 1, \"CloudWatchMetrics\": [\"x\"]}}",
                        "must be an object"),
                Arguments.of(
                        "Namespace is required",
                        doc("{\"Dimensions\": [[]], \"Metrics\": " + ONE + "}", "\"Latency\": 1"),
                        ".Namespace is required"),
                Arguments.of(
                        "Namespace is a string",
                        doc("{\"Namespace\": 7, \"Dimensions\": [[]], \"Metrics\": " + ONE + "}", "\"Latency\": 1"),
                        "Namespace must be a string"),
                Arguments.of(
                        "Namespace is at least 1 character (schema)",
                        doc("{\"Namespace\": \"\", \"Dimensions\": [[]], \"Metrics\": " + ONE + "}", "\"Latency\": 1"),
                        "1 to 255"),
                Arguments.of(
                        "Namespace is at most 255 characters (schema)",
                        doc(
                                "{\"Namespace\": \"" + "n".repeat(256) + "\", \"Dimensions\": [[]], \"Metrics\": " + ONE
                                        + "}",
                                "\"Latency\": 1"),
                        "1 to 255"),
                Arguments.of(
                        "Dimensions is required",
                        doc("{\"Namespace\": \"A\", \"Metrics\": " + ONE + "}", "\"Latency\": 1"),
                        ".Dimensions is required"),
                Arguments.of(
                        "Dimensions has at least one set (schema minItems 1)",
                        doc(directive("[]", ONE), "\"Latency\": 1"),
                        "at least one dimension set"),
                Arguments.of(
                        "Dimensions is an array of arrays",
                        doc(directive("[\"Game\"]", ONE), "\"Game\": \"g\", \"Latency\": 1"),
                        "must be an array of dimension names"),
                Arguments.of(
                        "a DimensionSet MUST NOT contain more than 30 keys",
                        doc(directive(dims(31), ONE), dimMembers(31) + ", \"Latency\": 5"),
                        "has 31 dimensions"),
                Arguments.of(
                        "a dimension key is a string",
                        doc(directive("[[5]]", ONE), "\"Latency\": 1"),
                        "must be a dimension name"),
                Arguments.of(
                        "a dimension target MUST be a member of the root node",
                        doc(directive(GAME, ONE), "\"Latency\": 1"),
                        "no member \"Game\""),
                Arguments.of(
                        "a dimension target MUST have a string value",
                        doc(directive(GAME, ONE), "\"Game\": 3, \"Latency\": 1"),
                        "must have a string value"),
                Arguments.of(
                        "a dimension target is not an object",
                        doc(directive(GAME, ONE), "\"Game\": {\"id\": \"g\"}, \"Latency\": 1"),
                        "must have a string value"),
                Arguments.of(
                        "targets cannot be nested: \"A.a\" is not {\"A\": {\"a\"}}",
                        doc(directive("[[\"A.a\"]]", ONE), "\"A\": {\"a\": \"x\"}, \"Latency\": 1"),
                        "not the nested member"),
                Arguments.of(
                        "Metrics is required",
                        doc("{\"Namespace\": \"A\", \"Dimensions\": [[]]}", ""),
                        ".Metrics is required"),
                Arguments.of(
                        "Metrics is an array",
                        doc("{\"Namespace\": \"A\", \"Dimensions\": [[]], \"Metrics\": {}}", ""),
                        "Metrics must be an array"),
                Arguments.of(
                        "Metrics MUST NOT contain more than 100 definitions",
                        doc(directive(GAME, manyMetrics(101)), "\"Game\": \"g\", " + metricMembers(101)),
                        "101 metric definitions"),
                Arguments.of(
                        "a MetricDefinition is an object",
                        doc(directive(GAME, "[\"Latency\"]"), "\"Game\": \"g\", \"Latency\": 1"),
                        "must be an object with a Name"),
                Arguments.of(
                        "a MetricDefinition MUST contain Name",
                        doc(directive(GAME, "[{\"Unit\": \"Count\"}]"), "\"Game\": \"g\""),
                        ".Name is required"),
                Arguments.of(
                        "Name is a string",
                        doc(directive(GAME, "[{\"Name\": 1}]"), "\"Game\": \"g\""),
                        "Name must be a string"),
                Arguments.of(
                        "a metric target MUST be a member of the root node",
                        doc(directive(GAME, ONE), "\"Game\": \"g\""),
                        "no member \"Latency\""),
                Arguments.of(
                        "a metric target MUST be numeric: not a string of digits",
                        doc(directive(GAME, ONE), "\"Game\": \"g\", \"Latency\": \"12\""),
                        "a string, even of digits"),
                Arguments.of(
                        "a metric target MUST be numeric: not a boolean",
                        doc(directive(GAME, ONE), "\"Game\": \"g\", \"Latency\": true"),
                        "number or an array of numbers"),
                Arguments.of(
                        "a metric target MUST be numeric: not null",
                        doc(directive(GAME, ONE), "\"Game\": \"g\", \"Latency\": null"),
                        "number or an array of numbers"),
                Arguments.of(
                        "an array target holds only numbers",
                        doc(directive(GAME, ONE), "\"Game\": \"g\", \"Latency\": [1, \"2\"]"),
                        "number or an array of numbers"),
                Arguments.of(
                        "an array target MUST NOT have more than 100 members",
                        doc(directive(GAME, ONE), "\"Game\": \"g\", \"Latency\": " + values(101)),
                        "has 101 values"),
                Arguments.of(
                        "metric targets cannot be nested",
                        doc(directive("[[]]", "[{\"Name\": \"Time.total\"}]"), "\"Time\": {\"total\": 1}"),
                        "not the nested member"),
                Arguments.of(
                        "Unit is a CloudWatch unit",
                        doc(
                                directive(GAME, "[{\"Name\": \"Latency\", \"Unit\": \"ms\"}]"),
                                "\"Game\": \"g\", \"Latency\": 1"),
                        "is not a CloudWatch unit"),
                Arguments.of(
                        "units are case-sensitive",
                        doc(
                                directive(GAME, "[{\"Name\": \"Latency\", \"Unit\": \"milliseconds\"}]"),
                                "\"Game\": \"g\", \"Latency\": 1"),
                        "case-sensitive"),
                Arguments.of(
                        "StorageResolution is 1 or 60",
                        doc(
                                directive(GAME, "[{\"Name\": \"Latency\", \"StorageResolution\": 30}]"),
                                "\"Game\": \"g\", \"Latency\": 1"),
                        "1 (high resolution) or 60"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    @DisplayName("documents that break a rule of the specification are invalid, and the problem names the rule")
    void invalidDocuments(String rule, String document, String problem) {
        EmfDocument read = EmbeddedMetricFormat.read(document);

        assertThat(read.emf()).as(rule).isTrue();
        assertThat(read.valid()).as(rule).isFalse();
        assertThat(String.join(" | ", read.problems())).as(rule).contains(problem);
        assertThat(read.metrics()).as("an invalid document yields no metrics").isEmpty();
    }

    static Stream<Arguments> notEmf() {
        return Stream.of(
                Arguments.of("a plain text line", "START RequestId: 1 Version: $LATEST"),
                Arguments.of("a JSON line without _aws", "{\"level\": \"INFO\", \"latency\": 5}"),
                Arguments.of("a JSON array", "[1, 2]"),
                Arguments.of("nothing", ""),
                Arguments.of("a broken JSON object", "{\"_aws\": {\"Timestamp\": 1"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notEmf")
    @DisplayName("an event that is not an EMF document is an ordinary log event, with no problem")
    void notEmfDocuments(String what, String message) {
        EmfDocument read = EmbeddedMetricFormat.read(message);

        assertThat(read.emf()).as(what).isFalse();
        assertThat(read.problems()).as(what).isEmpty();
        assertThat(read.metrics()).as(what).isEmpty();
    }

    @Test
    @DisplayName("the page's example creates the metric time (ms) in lambda-function-metrics with functionVersion")
    void extractsTheExample() {
        List<EmfMetric> metrics = EmbeddedMetricFormat.read(EXAMPLE).metrics();

        assertThat(metrics)
                .containsExactly(new EmfMetric(
                        "lambda-function-metrics",
                        "time",
                        "Milliseconds",
                        Map.of("functionVersion", "$LATEST"),
                        List.of(100.0),
                        60,
                        Instant.ofEpochMilli(1574109732004L)));
    }

    @Test
    @DisplayName("every dimension set creates a metric of its own, each with the set's dimensions and values")
    void oneMetricPerDimensionSet() {
        List<EmfMetric> metrics = EmbeddedMetricFormat.read(doc(
                        directive(
                                "[[\"Game\"], [\"Game\", \"Outcome\"], []]",
                                "[{\"Name\": \"Latency\", \"Unit\": \"Milliseconds\"}, {\"Name\": \"Scores\", \"Unit\": \"Count\", \"StorageResolution\": 1}]"),
                        "\"Game\": \"tetris\", \"Outcome\": \"newBest\", \"Latency\": [3, 4], \"Scores\": 1"))
                .metrics();

        assertThat(metrics).hasSize(6);
        assertThat(metrics)
                .filteredOn(m -> m.name().equals("Latency"))
                .extracting(EmfMetric::dimensions)
                .containsExactly(Map.of("Game", "tetris"), Map.of("Game", "tetris", "Outcome", "newBest"), Map.of());
        assertThat(metrics)
                .filteredOn(m -> m.name().equals("Latency"))
                .allSatisfy(m -> assertThat(m.values()).containsExactly(3.0, 4.0));
        assertThat(metrics).filteredOn(m -> m.name().equals("Scores")).allSatisfy(m -> {
            assertThat(m.unit()).isEqualTo("Count");
            assertThat(m.storageResolution()).isEqualTo(1);
        });
    }

    @Test
    @DisplayName(
            "a metric without a Unit has the unit None; every problem of a document is reported, not just the first")
    void defaultsAndAllProblems() {
        assertThat(EmbeddedMetricFormat.read(doc(directive("[[]]", "[{\"Name\": \"Latency\"}]"), "\"Latency\": 5"))
                        .metrics())
                .singleElement()
                .extracting(EmfMetric::unit)
                .isEqualTo("None");
        assertThat(EmbeddedMetricFormat.problems(
                        doc(directive(GAME, "[{\"Name\": \"Latency\", \"Unit\": \"ms\"}]"), "")))
                .hasSize(3); // no Game, a bad unit, no Latency
    }
}
