package dev.arcade.evaluators.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Sources: AWS Lambda Developer Guide, "Control which events Lambda sends to your function" (filter
 * basics, OR across filters, SQS body and Kinesis data as JSON, DynamoDB records).
 */
@DisplayName("Lambda event filtering (FilterCriteria)")
class LambdaFilterCriteriaTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static JsonNode json(String s) throws Exception {
        return MAPPER.readTree(s);
    }

    private static String criteria(String... patterns) throws Exception {
        var root = MAPPER.createObjectNode();
        var filters = root.putArray("Filters");
        for (String p : patterns) {
            filters.addObject().put("Pattern", p);
        }
        return MAPPER.writeValueAsString(root);
    }

    @Test
    @DisplayName("a record passes when it matches any one of the filters")
    void orAcrossFilters() throws Exception {
        LambdaFilterCriteria c =
                LambdaFilterCriteria.parse(criteria("{\"eventName\": [\"INSERT\"]}", "{\"eventName\": [\"REMOVE\"]}"));
        assertThat(c.matches(json("{\"eventName\": \"REMOVE\"}"), LambdaFilterCriteria.Source.AS_IS))
                .isTrue();
        assertThat(c.matches(json("{\"eventName\": \"MODIFY\"}"), LambdaFilterCriteria.Source.AS_IS))
                .isFalse();
        assertThat(c.explain(json("{\"eventName\": \"MODIFY\"}"), LambdaFilterCriteria.Source.AS_IS))
                .startsWith("Lambda drops the record: no filter matches.")
                .contains("Filter 2: ");
    }

    @Test
    @DisplayName("a DynamoDB INSERT of tetris passes a filter on the new image")
    void dynamoDb() throws Exception {
        LambdaFilterCriteria c = LambdaFilterCriteria.parse(criteria(
                "{\"dynamodb\": {\"NewImage\": {\"game\": {\"S\": [\"tetris\"]}}}, \"eventName\": [\"INSERT\"]}"));
        JsonNode record =
                json("{\"eventName\": \"INSERT\", \"dynamodb\": {\"NewImage\": {\"game\": {\"S\": \"tetris\"}}}}");
        assertThat(c.matches(record, LambdaFilterCriteria.Source.AS_IS)).isTrue();
        assertThat(c.explain(record, LambdaFilterCriteria.Source.AS_IS))
                .startsWith("The record goes to the function: filter 1 matches.");
    }

    @Test
    @DisplayName("an SQS body that is JSON is filtered by its properties; one that is not stays a string")
    void sqsBody() throws Exception {
        LambdaFilterCriteria c = LambdaFilterCriteria.parse(criteria("{\"body\": {\"game\": [\"tetris\"]}}"));
        assertThat(c.matches(
                        json("{\"messageId\": \"m1\", \"body\": \"{\\\"game\\\": \\\"tetris\\\"}\"}"),
                        LambdaFilterCriteria.Source.SQS))
                .isTrue();
        assertThat(c.matches(
                        json("{\"messageId\": \"m1\", \"body\": \"game=tetris\"}"), LambdaFilterCriteria.Source.SQS))
                .isFalse();
        LambdaFilterCriteria plain = LambdaFilterCriteria.parse(criteria("{\"body\": [\"game=tetris\"]}"));
        assertThat(plain.matches(json("{\"body\": \"game=tetris\"}"), LambdaFilterCriteria.Source.SQS))
                .isTrue();
    }

    @Test
    @DisplayName("a Kinesis data payload is base64-decoded before filtering")
    void kinesisData() throws Exception {
        String data = Base64.getEncoder().encodeToString("{\"score\": 4200}".getBytes(StandardCharsets.UTF_8));
        LambdaFilterCriteria c = LambdaFilterCriteria.parse(
                criteria("{\"kinesis\": {\"data\": {\"score\": [{\"numeric\": [\">\", 4000]}]}}}"));
        assertThat(c.matches(json("{\"kinesis\": {\"data\": \"" + data + "\"}}"), LambdaFilterCriteria.Source.KINESIS))
                .isTrue();
        assertThat(c.matches(json("{\"kinesis\": {\"data\": \"" + data + "\"}}"), LambdaFilterCriteria.Source.AS_IS))
                .isFalse();
    }

    @Test
    @DisplayName("an invalid pattern inside the criteria is refused as EventBridge refuses it")
    void invalid() {
        assertThatThrownBy(() -> LambdaFilterCriteria.parse(criteria("{\"eventName\": \"INSERT\"}")))
                .isInstanceOf(InvalidEventPatternException.class)
                .hasMessageContaining("\"eventName\" must be an object or an array");
        assertThatThrownBy(() -> LambdaFilterCriteria.parse("{\"Filters\": [{\"Pattern\": {}}]}"))
                .isInstanceOf(InvalidEventPatternException.class);
    }
}
