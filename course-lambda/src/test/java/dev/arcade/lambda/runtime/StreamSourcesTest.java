package dev.arcade.lambda.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The stream reader gives the function DynamoDB's records, not moto's")
class StreamSourcesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode record(String eventName, String pk, String newImage, String sequence) throws Exception {
        return JSON.readTree("{\"eventName\":\"" + eventName + "\",\"dynamodb\":{\"Keys\":{\"PK\":{\"S\":\"" + pk
                + "\"}},\"NewImage\":" + newImage + ",\"SequenceNumber\":\"" + sequence + "\"}}");
    }

    private static List<String> sequences(List<JsonNode> records) {
        List<String> out = new ArrayList<>();
        records.forEach(r -> out.add(r.path("dynamodb").path("SequenceNumber").asText()));
        return out;
    }

    @Test
    @DisplayName("an UpdateItem that creates an item is one INSERT with the whole image, as in DynamoDB")
    void dropsMotosKeyOnlyInsert() throws Exception {
        List<JsonNode> page = List.of(
                record("INSERT", "a", "{\"PK\":{\"S\":\"a\"}}", "1"),
                record("INSERT", "b", "{\"PK\":{\"S\":\"b\"},\"n\":{\"N\":\"1\"}}", "2"),
                record("INSERT", "a", "{\"PK\":{\"S\":\"a\"},\"n\":{\"N\":\"5\"}}", "3"),
                record("MODIFY", "a", "{\"PK\":{\"S\":\"a\"},\"n\":{\"N\":\"6\"}}", "4"));

        assertThat(sequences(StreamSources.withoutDoubleInserts(page))).containsExactly("2", "3", "4");
    }

    @Test
    @DisplayName("an INSERT after a REMOVE of the same key is a new item and stays")
    void keepsAnInsertAfterARemove() throws Exception {
        List<JsonNode> page = List.of(
                record("INSERT", "a", "{\"PK\":{\"S\":\"a\"}}", "1"),
                record("REMOVE", "a", "null", "2"),
                record("INSERT", "a", "{\"PK\":{\"S\":\"a\"}}", "3"));

        assertThat(sequences(StreamSources.withoutDoubleInserts(page))).containsExactly("1", "2", "3");
    }
}
