package dev.arcade.evaluators.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Sources: Amazon EventBridge User Guide, "Amazon EventBridge event patterns" (the EC2 instance
 * state-change example, arrays, nested fields) and "Content filtering in Amazon EventBridge event
 * patterns" (each filter's example); AWS Lambda Developer Guide, "Control which events Lambda sends
 * to your function" (filtering DynamoDB stream records).
 */
@DisplayName("EventBridge event patterns")
class EventPatternTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The EC2 "Instance State-change Notification" event of "Amazon EventBridge event patterns". */
    private static final String EC2_EVENT = """
            {
              "version": "0",
              "id": "6a7e8feb-b491-4cf7-a9f1-bf3703467718",
              "detail-type": "EC2 Instance State-change Notification",
              "source": "aws.ec2",
              "account": "111122223333",
              "time": "2017-12-22T18:43:48Z",
              "region": "us-west-1",
              "resources": ["arn:aws:ec2:us-west-1:123456789012:instance/i-1234567890abcdef0"],
              "detail": {
                "instance-id": "i-1234567890abcdef0",
                "state": "terminated",
                "c-count": 5,
                "d-count": 3.0e2,
                "x-limit": 3.018e2,
                "source-ip": "10.0.0.123",
                "location": "eu-central-1",
                "filename": "image.png",
                "image-location": "/usr/lib/img",
                "nothing": null,
                "flag": true,
                "tags": ["blue", "green"],
                "nested": {"inner": "v"}
              }
            }""";

    private static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static boolean matches(String pattern, String event) {
        return EventPattern.parse(pattern).matches(json(event));
    }

    private static boolean matchesEc2(String pattern) {
        return matches(pattern, EC2_EVENT);
    }

    @Nested
    @DisplayName("Exact values, arrays and nesting")
    class ExactValues {

        @Test
        @DisplayName("the guide's EC2 pattern matches a terminated instance of aws.ec2")
        void guideExample() {
            assertThat(matchesEc2("""
                    {"source": ["aws.ec2"], "detail-type": ["EC2 Instance State-change Notification"],
                     "detail": {"state": ["terminated"]}}""")).isTrue();
        }

        @Test
        @DisplayName("values in a pattern array are alternatives: one of them is enough")
        void arrayIsOr() {
            assertThat(matchesEc2("{\"detail\": {\"state\": [\"stopped\", \"terminated\"]}}"))
                    .isTrue();
            assertThat(matchesEc2("{\"detail\": {\"state\": [\"stopped\", \"running\"]}}"))
                    .isFalse();
        }

        @Test
        @DisplayName("every field of the pattern must match, not just one")
        void fieldsAreAnd() {
            assertThat(matchesEc2("{\"source\": [\"aws.ec2\"], \"region\": [\"us-east-1\"]}"))
                    .isFalse();
        }

        @Test
        @DisplayName("matching is case-sensitive: AWS.EC2 is not aws.ec2")
        void caseSensitive() {
            assertThat(matchesEc2("{\"source\": [\"AWS.EC2\"]}")).isFalse();
        }

        @Test
        @DisplayName("an event array matches when it shares a value with the pattern array")
        void eventArray() {
            assertThat(matchesEc2("{\"detail\": {\"tags\": [\"green\", \"red\"]}}"))
                    .isTrue();
            assertThat(matchesEc2("{\"detail\": {\"tags\": [\"red\"]}}")).isFalse();
            assertThat(matchesEc2(
                            "{\"resources\": [\"arn:aws:ec2:us-west-1:123456789012:instance/i-1234567890abcdef0\"]}"))
                    .isTrue();
        }

        @Test
        @DisplayName("numbers match as numbers: 300 matches 3.0e2, but the string \"5\" is not the number 5")
        void numbersAsNumbers() {
            assertThat(matchesEc2("{\"detail\": {\"d-count\": [300]}}")).isTrue();
            assertThat(matchesEc2("{\"detail\": {\"c-count\": [\"5\"]}}")).isFalse();
            assertThat(matchesEc2("{\"detail\": {\"c-count\": [5]}}")).isTrue();
        }

        @Test
        @DisplayName("null matches an explicit null only, not a missing field")
        void nullValue() {
            assertThat(matchesEc2("{\"detail\": {\"nothing\": [null]}}")).isTrue();
            assertThat(matchesEc2("{\"detail\": {\"missing\": [null]}}")).isFalse();
        }

        @Test
        @DisplayName("booleans and the empty string match exactly")
        void booleansAndEmpty() {
            assertThat(matchesEc2("{\"detail\": {\"flag\": [true]}}")).isTrue();
            assertThat(matchesEc2("{\"detail\": {\"flag\": [false]}}")).isFalse();
            assertThat(matches("{\"a\": [\"\"]}", "{\"a\": \"\"}")).isTrue();
            assertThat(matches("{\"a\": [\"\"]}", "{\"a\": \"x\"}")).isFalse();
        }

        @Test
        @DisplayName("a pattern value naming an object of the event does not match: only leaves match")
        void objectIsNotLeaf() {
            assertThat(matchesEc2("{\"detail\": {\"nested\": [\"v\"]}}")).isFalse();
            assertThat(matchesEc2("{\"detail\": {\"nested\": {\"inner\": [\"v\"]}}}"))
                    .isTrue();
        }

        @Test
        @DisplayName("nested fields are reached through arrays of objects in the event")
        void throughArrays() {
            assertThat(matches(
                            "{\"Records\": {\"eventName\": [\"INSERT\"]}}",
                            "{\"Records\": [{\"eventName\": \"MODIFY\"}, {\"eventName\": \"INSERT\"}]}"))
                    .isTrue();
        }
    }

    @Nested
    @DisplayName("Content filters")
    class ContentFilters {

        @Test
        @DisplayName("prefix matches the start of a string, case-sensitively unless equals-ignore-case is inside")
        void prefix() {
            assertThat(matchesEc2("{\"time\": [{\"prefix\": \"2017-12-22\"}]}")).isTrue();
            assertThat(matchesEc2("{\"detail\": {\"location\": [{\"prefix\": \"EU-\"}]}}"))
                    .isFalse();
            assertThat(matchesEc2("{\"detail\": {\"location\": [{\"prefix\": {\"equals-ignore-case\": \"EU-\"}}]}}"))
                    .isTrue();
            assertThat(matchesEc2("{\"detail\": {\"c-count\": [{\"prefix\": \"5\"}]}}"))
                    .as("a number is not a string")
                    .isFalse();
        }

        @Test
        @DisplayName("suffix matches the end of a string, also in any case")
        void suffix() {
            assertThat(matchesEc2("{\"detail\": {\"filename\": [{\"suffix\": \".png\"}]}}"))
                    .isTrue();
            assertThat(matchesEc2("{\"detail\": {\"filename\": [{\"suffix\": \".PNG\"}]}}"))
                    .isFalse();
            assertThat(matchesEc2("{\"detail\": {\"filename\": [{\"suffix\": {\"equals-ignore-case\": \".PNG\"}}]}}"))
                    .isTrue();
            assertThat(matches("{\"a\": [{\"suffix\": \"long.png\"}]}", "{\"a\": \"png\"}"))
                    .isFalse();
        }

        @Test
        @DisplayName("equals-ignore-case matches whatever the case")
        void ignoreCase() {
            assertThat(matches(
                            "{\"detail-type\": [{\"equals-ignore-case\": \"ec2 instance state-change notification\"}]}",
                            EC2_EVENT))
                    .isTrue();
            assertThat(matches("{\"detail-type\": [{\"equals-ignore-case\": \"ec2 instance\"}]}", EC2_EVENT))
                    .isFalse();
        }

        @Test
        @DisplayName("anything-but excludes a value, a list, a prefix, a suffix or a wildcard, and needs the field")
        void anythingBut() {
            assertThat(matchesEc2("{\"detail\": {\"state\": [{\"anything-but\": \"initializing\"}]}}"))
                    .isTrue();
            assertThat(matchesEc2("{\"detail\": {\"state\": [{\"anything-but\": \"terminated\"}]}}"))
                    .isFalse();
            assertThat(matchesEc2("{\"detail\": {\"state\": [{\"anything-but\": [\"stopped\", \"terminated\"]}]}}"))
                    .isFalse();
            assertThat(matchesEc2("{\"detail\": {\"c-count\": [{\"anything-but\": [1, 2, 3]}]}}"))
                    .isTrue();
            assertThat(matchesEc2("{\"detail\": {\"c-count\": [{\"anything-but\": 5}]}}"))
                    .isFalse();
            assertThat(matchesEc2("{\"detail\": {\"state\": [{\"anything-but\": {\"prefix\": \"term\"}}]}}"))
                    .isFalse();
            assertThat(matchesEc2("{\"detail\": {\"state\": [{\"anything-but\": {\"prefix\": \"init\"}}]}}"))
                    .isTrue();
            assertThat(matchesEc2("{\"detail\": {\"filename\": [{\"anything-but\": {\"suffix\": \".png\"}}]}}"))
                    .isFalse();
            assertThat(matchesEc2(
                            "{\"detail\": {\"image-location\": [{\"anything-but\": {\"wildcard\": \"/usr/*/img\"}}]}}"))
                    .isFalse();
            assertThat(
                            matchesEc2(
                                    "{\"detail\": {\"image-location\": [{\"anything-but\": {\"wildcard\": [\"/opt/*\", \"/var/*\"]}}]}}"))
                    .isTrue();
            assertThat(
                            matchesEc2(
                                    "{\"detail\": {\"state\": [{\"anything-but\": {\"equals-ignore-case\": [\"TERMINATED\"]}}]}}"))
                    .isFalse();
            assertThat(matchesEc2("{\"detail\": {\"missing\": [{\"anything-but\": \"x\"}]}}"))
                    .as("an absent field")
                    .isFalse();
        }

        @Test
        @DisplayName("numeric compares ranges and equality, at the boundaries too")
        void numeric() {
            assertThat(matchesEc2("{\"detail\": {\"c-count\": [{\"numeric\": [\">\", 0, \"<=\", 5]}]}}"))
                    .isTrue();
            assertThat(matchesEc2("{\"detail\": {\"c-count\": [{\"numeric\": [\">\", 0, \"<\", 5]}]}}"))
                    .isFalse();
            assertThat(matchesEc2("{\"detail\": {\"d-count\": [{\"numeric\": [\"<\", 10]}]}}"))
                    .isFalse();
            assertThat(matchesEc2("{\"detail\": {\"x-limit\": [{\"numeric\": [\"=\", 3.018e2]}]}}"))
                    .isTrue();
            assertThat(matchesEc2("{\"detail\": {\"x-limit\": [{\"numeric\": [\">=\", 301.8]}]}}"))
                    .isTrue();
            assertThat(matchesEc2("{\"detail\": {\"state\": [{\"numeric\": [\">\", 0]}]}}"))
                    .as("a string")
                    .isFalse();
        }

        @Test
        @DisplayName("exists true needs a leaf value, exists false needs its absence")
        void exists() {
            assertThat(matchesEc2("{\"detail\": {\"state\": [{\"exists\": true}]}}"))
                    .isTrue();
            assertThat(matchesEc2("{\"detail\": {\"state\": [{\"exists\": false}]}}"))
                    .isFalse();
            assertThat(matchesEc2("{\"detail\": {\"missing\": [{\"exists\": false}]}}"))
                    .isTrue();
            assertThat(matchesEc2("{\"detail\": {\"missing\": [{\"exists\": true}]}}"))
                    .isFalse();
            assertThat(matchesEc2("{\"detail\": {\"nested\": [{\"exists\": true}]}}"))
                    .as("not a leaf")
                    .isFalse();
        }

        @Test
        @DisplayName("cidr matches IPv4 and IPv6 addresses in the block")
        void cidr() {
            assertThat(matchesEc2("{\"detail\": {\"source-ip\": [{\"cidr\": \"10.0.0.0/24\"}]}}"))
                    .isTrue();
            assertThat(matchesEc2("{\"detail\": {\"source-ip\": [{\"cidr\": \"10.0.1.0/24\"}]}}"))
                    .isFalse();
            assertThat(matches("{\"ip\": [{\"cidr\": \"2001:db8::/32\"}]}", "{\"ip\": \"2001:DB8:0:0:0:0:0:1\"}"))
                    .isTrue();
            assertThat(matches("{\"ip\": [{\"cidr\": \"2001:db8::/32\"}]}", "{\"ip\": \"10.0.0.1\"}"))
                    .isFalse();
            assertThat(matches("{\"ip\": [{\"cidr\": \"10.0.0.0/8\"}]}", "{\"ip\": \"not-an-ip\"}"))
                    .isFalse();
        }

        @Test
        @DisplayName("wildcard stands for any run of characters, and \\* for a star")
        void wildcard() {
            assertThat(matchesEc2("{\"detail\": {\"image-location\": [{\"wildcard\": \"/usr/*/img\"}]}}"))
                    .isTrue();
            assertThat(matchesEc2("{\"detail\": {\"image-location\": [{\"wildcard\": \"/usr/*/png\"}]}}"))
                    .isFalse();
            assertThat(matches("{\"a\": [{\"wildcard\": \"*.png\"}]}", "{\"a\": \"dir/file.png\"}"))
                    .isTrue();
            assertThat(matches("{\"a\": [{\"wildcard\": \"a\\\\*b\"}]}", "{\"a\": \"a*b\"}"))
                    .isTrue();
            assertThat(matches("{\"a\": [{\"wildcard\": \"a\\\\*b\"}]}", "{\"a\": \"axb\"}"))
                    .isFalse();
            assertThat(matches("{\"a\": [{\"wildcard\": \"ab*ba\"}]}", "{\"a\": \"aba\"}"))
                    .as("segments may not overlap")
                    .isFalse();
        }

        @Test
        @DisplayName("$or matches when one alternative matches, with the other fields still required")
        void or() {
            String pattern = """
                    {"source": ["aws.ec2"], "$or": [{"detail": {"state": ["running"]}}, {"detail": {"c-count": [{"numeric": [">", 4]}]}}]}""";
            assertThat(matchesEc2(pattern)).isTrue();
            assertThat(matches(pattern.replace("aws.ec2", "aws.s3"), EC2_EVENT)).isFalse();
            assertThat(matchesEc2("{\"$or\": [{\"region\": [\"us-east-1\"]}, {\"account\": [\"999999999999\"]}]}"))
                    .isFalse();
        }
    }

    @Nested
    @DisplayName("Lambda event filtering over DynamoDB stream records")
    class LambdaFiltering {

        private static final String RECORD = """
                {"eventID": "c81e728d9d4c2f636f067f89cc14862c", "eventName": "INSERT", "eventSource": "aws:dynamodb",
                 "awsRegion": "eu-central-1",
                 "dynamodb": {"Keys": {"player": {"S": "ana"}}, "NewImage": {"player": {"S": "ana"}, "game": {"S": "tetris"},
                   "score": {"N": "4200"}}, "StreamViewType": "NEW_IMAGE"}}""";

        @Test
        @DisplayName("a filter on eventName and the new image's attribute matches an INSERT of tetris")
        void insertTetris() {
            String filter =
                    "{\"dynamodb\": {\"NewImage\": {\"game\": {\"S\": [\"tetris\"]}}}, \"eventName\": [\"INSERT\"]}";
            assertThat(matches(filter, RECORD)).isTrue();
            assertThat(matches(filter, RECORD.replace("INSERT", "MODIFY"))).isFalse();
            assertThat(matches(filter.replace("tetris", "Tetris"), RECORD)).isFalse();
        }

        @Test
        @DisplayName("a number attribute is a string in the record: numeric does not apply to it, exact text does")
        void numberIsString() {
            assertThat(matches(
                            "{\"dynamodb\": {\"NewImage\": {\"score\": {\"N\": [{\"numeric\": [\">\", 100]}]}}}}",
                            RECORD))
                    .isFalse();
            assertThat(matches("{\"dynamodb\": {\"NewImage\": {\"score\": {\"N\": [\"4200\"]}}}}", RECORD))
                    .isTrue();
        }
    }

    @Nested
    @DisplayName("Explanations")
    class Explanations {

        @Test
        @DisplayName("a mismatch says the event's value and what the pattern asks")
        void mismatch() {
            String explanation = EventPattern.parse("{\"detail\": {\"state\": [\"stopped\", \"running\"]}}")
                    .explain(json(EC2_EVENT));
            assertThat(explanation)
                    .isEqualTo(
                            "The event does not match the pattern: detail.state is \"terminated\", and the pattern asks for \"stopped\" or \"running\".");
        }

        @Test
        @DisplayName("a missing field is named as missing")
        void missing() {
            assertThat(EventPattern.parse("{\"detail\": {\"colour\": [{\"prefix\": \"bl\"}]}}")
                            .explain(json(EC2_EVENT)))
                    .contains("the event has no value at detail.colour")
                    .contains("a string starting with \"bl\"");
        }

        @Test
        @DisplayName("a match says which values matched")
        void match() {
            PatternMatch match =
                    EventPattern.parse("{\"source\": [\"aws.ec2\"]}").match(json(EC2_EVENT));
            assertThat(match.matched()).isTrue();
            assertThat(match.explanation())
                    .isEqualTo(
                            "The event matches the pattern: source is \"aws.ec2\" (the pattern asks for \"aws.ec2\").");
        }

        @Test
        @DisplayName("a failed $or lists why each alternative fails")
        void or() {
            assertThat(EventPattern.parse(
                                    "{\"$or\": [{\"region\": [\"us-east-1\"]}, {\"account\": [\"999999999999\"]}]}")
                            .explain(json(EC2_EVENT)))
                    .contains("none of the $or alternatives matches")
                    .contains("region is \"us-west-1\"")
                    .contains("account is \"111122223333\"");
        }
    }

    @Nested
    @DisplayName("Invalid patterns are refused as EventBridge refuses them")
    class Invalid {

        @ParameterizedTest(name = "{0}")
        @ValueSource(
                strings = {
                    "{\"source\": \"aws.ec2\"}",
                    "{\"source\": []}",
                    "{\"source\": [{\"prefix\": 5}]}",
                    "{\"source\": [{\"unknown\": \"x\"}]}",
                    "{\"source\": [{\"prefix\": \"a\", \"suffix\": \"b\"}]}",
                    "{\"n\": [{\"numeric\": [\">\", 5, \"<\", 1]}]}",
                    "{\"n\": [{\"numeric\": [\"<\", 5, \">\", 1]}]}",
                    "{\"n\": [{\"numeric\": [\"!=\", 5]}]}",
                    "{\"n\": [{\"numeric\": [\">\", \"5\"]}]}",
                    "{\"n\": [{\"numeric\": [\"<\", 5.1e9]}]}",
                    "{\"n\": [{\"exists\": \"true\"}]}",
                    "{\"ip\": [{\"cidr\": \"10.0.0.0/33\"}]}",
                    "{\"ip\": [{\"cidr\": \"10.0.0.0\"}]}",
                    "{\"w\": [{\"wildcard\": \"a**b\"}]}",
                    "{\"a\": [{\"anything-but\": [\"a\", 1]}]}",
                    "{\"a\": [{\"anything-but\": [null]}]}",
                    "{\"a\": [{\"anything-but\": {\"numeric\": [\">\", 1]}}]}",
                    "{\"$or\": [\"a\"]}",
                    "{\"$or\": {}}",
                    "[\"source\"]",
                    "not json",
                    ""
                })
        @DisplayName("refused with InvalidEventPatternException")
        void refused(String pattern) {
            assertThatThrownBy(() -> EventPattern.parse(pattern))
                    .isInstanceOf(InvalidEventPatternException.class)
                    .hasMessageStartingWith("Event pattern is not valid. Reason: ");
        }

        @Test
        @DisplayName("a scalar where an array belongs names the field")
        void scalar() {
            InvalidEventPatternException e = org.junit.jupiter.api.Assertions.assertThrows(
                    InvalidEventPatternException.class, () -> EventPattern.parse("{\"source\": \"aws.ec2\"}"));
            assertThat(e.awsError())
                    .isEqualTo(
                            "InvalidEventPatternException: Event pattern is not valid. Reason: \"source\" must be an object or an array");
        }

        @Test
        @DisplayName("the numeric boundary 5.0e9 itself is accepted")
        void numericBoundary() {
            assertThat(matches("{\"n\": [{\"numeric\": [\"<=\", 5.0e9]}]}", "{\"n\": 5000000000}"))
                    .isTrue();
        }
    }
}
