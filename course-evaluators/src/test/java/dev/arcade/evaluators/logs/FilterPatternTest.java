package dev.arcade.evaluators.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Sources, cited per case: [SYNTAX] Amazon CloudWatch Logs User Guide, "Filter pattern syntax for metric
 * filters, subscription filters, filter log events, and Live Tail" (its sections "Matching terms",
 * "OR pattern matching", "Using filter patterns to match terms in JSON log events", "JSON compound
 * conditions", "JSON special considerations", "Numeric comparisons", "Using filter patterns to match
 * terms in space-delimited log events"); [REGEX] the same guide, "Supported regular expressions (regex)
 * syntax". Events and patterns are the pages' own, unless a case says "kit" (a reading the pages leave
 * open, named in {@link FilterPattern}'s Javadoc).
 */
@DisplayName("CloudWatch Logs filter patterns")
class FilterPatternTest {

    /** The JSON example event of "Using filter patterns to match terms in JSON log events". */
    static final String TRAIL = """
            {"eventType": "UpdateTrail", "sourceIPAddress": "111.111.111.111",
             "arrayKey": ["value", "another value"],
             "objectList": [{"name": "a", "id": 1}, {"name": "b", "id": 2}],
             "SomeObject": null, "ThisFlag": true}""";

    /** The example event of "JSON compound conditions". */
    static final String USERS = """
            {"user": {"id": 1, "email": "John.Stiles@example.com"},
             "users": [{"id": 2, "email": "John.Doe@example.com"}, {"id": 3, "email": "Jane.Doe@example.com"}],
             "actions": ["GET", "PUT", "DELETE"],
             "coordinates": [[0, 1, 2], [4, 5, 6], [7, 8, 9]]}""";

    /** An event for "Numeric comparisons" (the page gives the patterns, not the event). */
    static final String NUMBERS = """
            {"latency": 700, "numbers": [5], "errorCode": 400,
             "processes": [{}, {}, {}, {}, {"averageRuntime": 55.5}]}""";

    static final String APACHE_1 =
            "127.0.0.1 - frank [10/Oct/2000:13:25:15 -0700] \"GET /apache_pb.gif HTTP/1.0\" 200 1534";
    static final String APACHE_2 =
            "127.0.0.1 - frank [10/Oct/2000:13:35:22 -0700] \"GET /apache_pb.gif HTTP/1.0\" 500 5324";
    static final String APACHE_3 =
            "127.0.0.1 - frank [10/Oct/2000:13:50:35 -0700] \"GET /apache_pb.gif HTTP/1.0\" 200 4355";
    static final String APACHE_404 =
            "127.0.0.1 - frank [10/Oct/2000:13:25:15 -0700] \"GET /index.html HTTP/1.0\" 404 1534";

    static Stream<Arguments> documentedCases() {
        return Stream.of(
                // [SYNTAX] Matching terms, examples 1 to 3
                Arguments.of("ERROR", "[ERROR] A fatal exception has occurred", true),
                Arguments.of("ERROR", "Exiting with ERRORCODE: -1", true),
                Arguments.of("\"ERROR\" - \"Exiting\"", "Exiting with ERRORCODE: -1", false),
                Arguments.of("\"ERROR\" - \"Exiting\"", "[ERROR] A fatal exception has occurred", true),
                Arguments.of("ERROR Exception", "[ERROR] Caught IllegalArgumentException", true),
                Arguments.of("ERROR Exception", "[ERROR] Unhandled Exception", true),
                Arguments.of("ERROR Exception", "[ERROR] Unhandled failure", false),
                Arguments.of("Failed to process the request", "[WARN] Failed to process the request", true),
                Arguments.of(
                        "Failed to process the request",
                        "[ERROR] Unable to continue: Failed to process the request",
                        true),
                Arguments.of("\"Failed to process the request\"", "[WARN] Failed to process the request", true),
                Arguments.of("\"Failed to process the request\"", "[WARN] the request Failed to process", false),
                // [SYNTAX] metric filters are case sensitive
                Arguments.of("error", "[ERROR] A fatal exception has occurred", false),
                // [SYNTAX] OR pattern matching, the three events
                Arguments.of("ERROR", "ERROR WARN message", true),
                Arguments.of("ERROR", "ERROR message", true),
                Arguments.of("ERROR", "WARN message", false),
                Arguments.of("?ERROR ?WARN", "ERROR WARN message", true),
                Arguments.of("?ERROR ?WARN", "ERROR message", true),
                Arguments.of("?ERROR ?WARN", "WARN message", true),
                Arguments.of("?ERROR ?WARN", "INFO message", false),
                Arguments.of("ERROR WARN", "ERROR WARN message", true),
                Arguments.of("ERROR WARN", "ERROR message", false),
                Arguments.of("ERROR -WARN", "ERROR message", true),
                Arguments.of("ERROR -WARN", "ERROR WARN message", false),
                Arguments.of("[w1=ERROR, w2]", "ERROR message", true),
                Arguments.of("[w1=ERROR, w2]", "WARN message", false),
                Arguments.of("[w1=ERROR || w1=WARN, w2]", "ERROR message", true),
                Arguments.of("[w1=ERROR || w1=WARN, w2]", "WARN message", true),
                Arguments.of("[w1=ERROR || w1=WARN, w2]", "INFO message", false),
                Arguments.of("{$.foo = bar}", "{\"foo\": \"bar\"}", true),
                Arguments.of("{$.foo = bar}", "{\"foo\": \"baz\"}", false),
                Arguments.of("{$.foo = baz }", "{\"foo\": \"baz\"}", true),
                Arguments.of("{$.foo = bar || $.foo = baz }", "{\"foo\": \"bar\"}", true),
                Arguments.of("{$.foo = bar || $.foo = baz }", "{\"foo\": \"baz\"}", true),
                // [SYNTAX] JSON log events: the filters that match the example
                Arguments.of("{ $.eventType = \"UpdateTrail\" }", TRAIL, true),
                Arguments.of("{ $.sourceIPAddress != 123.123.* }", TRAIL, true),
                Arguments.of("{ $.arrayKey[0] = \"value\" }", TRAIL, true),
                Arguments.of("{ $.objectList[1].id = 2 }", TRAIL, true),
                Arguments.of("{ $.SomeObject IS NULL }", TRAIL, true),
                Arguments.of("{ $.SomeOtherObject NOT EXISTS }", TRAIL, true),
                Arguments.of("{ $.ThisFlag IS TRUE }", TRAIL, true),
                // ... and what they say does not match
                Arguments.of("{ $.ThisFlag IS FALSE }", TRAIL, false),
                Arguments.of("{ $.eventType IS NULL }", TRAIL, false),
                Arguments.of("{ $.SomeObject NOT EXISTS }", TRAIL, false),
                Arguments.of("{ $.sourceIPAddress != 111.111.* }", TRAIL, false),
                Arguments.of("{ $.eventType.name = 2 }", TRAIL, false), // a string has no properties
                Arguments.of("{ $.objectList[5].id = 2 }", TRAIL, false),
                Arguments.of("{ $.eventType = \"UpdateTrail\" }", "eventType UpdateTrail", false), // not JSON
                // [SYNTAX] the * wildcard in values
                Arguments.of("{ $.name = *Event }", "{\"name\": \"PutEvent\"}", true),
                Arguments.of("{ $.name = *Event }", "{\"name\": \"GetEvent\"}", true),
                Arguments.of("{ $.name = Event* }", "{\"name\": \"EventId\"}", true),
                Arguments.of("{ $.name = Event* }", "{\"name\": \"EventName\"}", true),
                Arguments.of("{ $.name = Ev*ent }", "{\"name\": \"Event\"}", false),
                Arguments.of("{ $.name = Ev*ent }", "{\"name\": \"Ev*ent\"}", true),
                Arguments.of("{ $.latency = * }", "{\"latency\": 12}", true),
                Arguments.of("{ $.latency = * }", "{\"duration\": 12}", false),
                // [SYNTAX] JSON compound conditions
                Arguments.of("{ ($.user.id = 1) && ($.users[0].email = \"John.Doe@example.com\") }", USERS, true),
                Arguments.of(
                        "{ ($.user.id = 2 && $.users[0].email = \"nonmatch\") || $.actions[2] = \"GET\" }",
                        USERS,
                        false),
                Arguments.of(
                        "{ $.user.email = \"John.Stiles@example.com\" || $.coordinates[0][1] = nonmatch && $.actions[2] = nomatch }",
                        USERS,
                        true),
                Arguments.of(
                        "{ ($.user.email = \"John.Stiles@example.com\" || $.coordinates[0][1] = nonmatch) && $.actions[2] = nomatch }",
                        USERS,
                        false),
                Arguments.of("{ $.coordinates[1][2] = 6 }", USERS, true),
                // [SYNTAX] JSON special considerations: a selector on an array matches neither = nor !=
                Arguments.of("{$.users = 1}", "{\"users\": [1, 2, 3]}", false),
                Arguments.of("{$.users != 1}", "{\"users\": [1, 2, 3]}", false),
                Arguments.of("{$.user != 1}", USERS, false), // an object, the same rule
                // [SYNTAX] numeric comparisons
                Arguments.of("{ $.latency >= 500 }", NUMBERS, true),
                Arguments.of("{ $.numbers[0] < 10e3 }", NUMBERS, true),
                Arguments.of("{ $.numbers[0] < 10e-3 }", NUMBERS, false),
                Arguments.of("{ $.processes[4].averageRuntime <= 55.5 }", NUMBERS, true),
                Arguments.of("{ $.processes[4].averageRuntime < 55.5 }", NUMBERS, false),
                Arguments.of("{ $.errorCode = 400 }", NUMBERS, true),
                Arguments.of("{ $.errorCode != 500 }", NUMBERS, true),
                Arguments.of("{ $.latency > +1000 }", NUMBERS, false),
                Arguments.of("{ $.latency > -1 }", NUMBERS, true),
                Arguments.of("{ $.errorCode = 400.0 }", NUMBERS, true), // kit: numbers compare by value
                Arguments.of("{ $.latency > 5 }", "{\"latency\": \"700\"}", false), // kit: a string is not a number
                // [SYNTAX] space-delimited log events
                Arguments.of("[ip, user, username, timestamp, request, status_code, bytes]", APACHE_1, true),
                Arguments.of("[ip, user, username, timestamp, request, status_code]", APACHE_1, false),
                Arguments.of("[..., status_code, bytes]", APACHE_2, true),
                Arguments.of("[ip, user, ..., status_code, bytes]", APACHE_3, true),
                Arguments.of("[ip, user, ...]", APACHE_1, true),
                Arguments.of("[ip, user, username, timestamp, request, status_code, bytes > 1000]", APACHE_1, true),
                Arguments.of("[ip, user, username, timestamp, request, status_code, bytes > 5000]", APACHE_1, false),
                Arguments.of("[ip, user, username, timestamp, request, status_code = 200, bytes]", APACHE_1, true),
                Arguments.of("[ip, user, username, timestamp, request, status_code = 200, bytes]", APACHE_2, false),
                Arguments.of("[ip, user, username, timestamp, request, status_code = 4*, bytes]", APACHE_404, true),
                Arguments.of("[ip, user, username, timestamp, request, status_code = 4*, bytes]", APACHE_1, false),
                Arguments.of(
                        "[ip, user, username, timestamp, request = *html*, status_code = 4*, bytes]", APACHE_404, true),
                Arguments.of(
                        "[ip, user, username, timestamp, request = *html*, status_code = 4*, bytes]", APACHE_1, false),
                Arguments.of(
                        "[ip, user, username, timestamp, request, status_code = 4* && status_code != 403, bytes]",
                        APACHE_404,
                        true),
                Arguments.of(
                        "[ip, user, username, timestamp, request, status_code = 4* && status_code != 404, bytes]",
                        APACHE_404,
                        false),
                // [REGEX] the page's examples
                Arguments.of("%AUTHORIZED%", "[ERROR 401] UNAUTHORIZED REQUEST", true),
                Arguments.of("%AUTHORIZED%", "[SUCCESS 200] AUTHORIZED REQUEST", true),
                Arguments.of("%AUTHORIZED%", "[SUCCESS 200] authorized request", false),
                Arguments.of("%\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}%", "connection from 10.0.12.1 refused", true),
                Arguments.of("%\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}%", "connection from localhost refused", false),
                Arguments.of("%[Ee]rror|[Ff]ail%", "an error occurred", true),
                Arguments.of("%[Ee]rror|[Ff]ail%", "Fail: disk full", true),
                Arguments.of("%[Ee]rror|[Ff]ail%", "all good", false),
                Arguments.of("%^[hc]at%", "hat on", true),
                Arguments.of("%^[hc]at%", "a cat", false),
                Arguments.of("%[hc]at$%", "a cat", true),
                Arguments.of("%[hc]at$%", "cat food", false),
                Arguments.of("%colou?r%", "color", true),
                Arguments.of("%colou?r%", "colour", true),
                Arguments.of("%[abcx-z]%", "y", true),
                Arguments.of("%[abcx-z]%", "m", false),
                Arguments.of("%a{3,5}%", "aaa", true),
                Arguments.of("%a{3,5}%", "aa", false),
                // [SYNTAX] regex inside JSON and space-delimited patterns
                Arguments.of("{ $.message = %time[do]ut% }", "{\"message\": \"read timeout after 3 s\"}", true),
                Arguments.of("{ $.message = %time[do]ut% }", "{\"message\": \"read failed\"}", false),
                Arguments.of("[level = %WARN|ERROR%, rest]", "ERROR boom", true),
                // the empty pattern
                Arguments.of("", "anything at all", true),
                Arguments.of("   ", "", true));
    }

    @ParameterizedTest(name = "{0} on {1}: {2}")
    @MethodSource("documentedCases")
    @DisplayName("the documented patterns match the documented events, and only those")
    void documentedCase(String pattern, String event, boolean expected) {
        FilterPattern parsed = FilterPattern.parse(pattern);

        assertThat(parsed.matches(event))
                .as("%s on %s (%s)", pattern, event, parsed.explain(event))
                .isEqualTo(expected);
    }

    static Stream<Arguments> refusedPatterns() {
        return Stream.of(
                Arguments.of("ERROR:", "double quotes"), // [SYNTAX] terms with other characters are quoted
                Arguments.of("\"unclosed", "not closed"),
                Arguments.of("{ $.level = }", "value"),
                Arguments.of("{ level = \"ERROR\" }", "selector"),
                Arguments.of("{ $.latency > fast }", "compares numbers"),
                Arguments.of("{ $.level = \"ERROR\" ", "ends with }"),
                Arguments.of("{ ($.a = 1 }", "not closed"),
                Arguments.of("{ $[0] = 1 }", "follow a property"),
                Arguments.of("[a, b", "ends with ]"),
                Arguments.of("[a, b = 1 && c = 2]", "does not declare"),
                Arguments.of("%something!%", "may hold only"), // [REGEX] "!" is not supported
                Arguments.of("%(a|b)%", "( )"), // [REGEX] no sub-patterns
                Arguments.of("%caf\u00e9%", "may hold only"), // [REGEX] no multibyte characters
                Arguments.of("?", "followed by a term"));
    }

    @ParameterizedTest(name = "{0} is refused")
    @MethodSource("refusedPatterns")
    @DisplayName("a pattern CloudWatch Logs refuses is refused, with the reason")
    void refused(String pattern, String reason) {
        assertThatThrownBy(() -> FilterPattern.parse(pattern))
                .isInstanceOf(InvalidFilterPatternException.class)
                .hasMessageStartingWith("Invalid filter pattern: ")
                .hasMessageContaining(reason);
    }

    @Test
    @DisplayName("a space-delimited match extracts the fields by name and by position, as the page's example")
    void extractsFields() {
        FilterMatch match =
                FilterPattern.parse("[..., request=*.html*, status_code=4*,]").match(APACHE_404);

        assertThat(match.matched()).as(match.explanation()).isTrue();
        assertThat(match.fields())
                .containsEntry("$status_code", "404")
                .containsEntry("$request", "GET /index.html HTTP/1.0")
                .containsEntry("$7", "1534")
                .containsEntry("$4", "10/Oct/2000:13:25:15 -0700")
                .containsEntry("$3", "frank")
                .containsEntry("$2", "-")
                .containsEntry("$1", "127.0.0.1")
                .hasSize(7);
    }

    @Test
    @DisplayName("an explanation says what the event holds and what the pattern wants")
    void explains() {
        FilterPattern pattern = FilterPattern.parse("{ $.level = \"ERROR\" }");

        assertThat(pattern.explain("{\"level\": \"WARN\"}"))
                .contains("$.level is \"WARN\"")
                .contains("\"ERROR\"");
        assertThat(FilterPattern.parse("ERROR").explain("all fine")).contains("does not contain \"ERROR\"");
        assertThat(pattern.kind()).isEqualTo(FilterPattern.Kind.JSON);
        assertThat(FilterPattern.parse("[a, b]").kind()).isEqualTo(FilterPattern.Kind.SPACE_DELIMITED);
        assertThat(FilterPattern.parse("%a%").kind()).isEqualTo(FilterPattern.Kind.REGEX);
        assertThat(FilterPattern.parse("?a ?b").kind()).isEqualTo(FilterPattern.Kind.TERMS);
        assertThat(FilterPattern.parse(null).kind()).isEqualTo(FilterPattern.Kind.ALL);
    }
}
