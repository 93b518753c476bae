package dev.arcade.lambda.streams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Builds the event Lambda sends for DynamoDB stream records ("Using AWS Lambda with Amazon
 * DynamoDB", "Example event"): each GetRecords record becomes {@code {eventID, eventName,
 * eventVersion "1.1", eventSource "aws:dynamodb", awsRegion, dynamodb{ApproximateCreationDateTime
 * (epoch seconds), Keys, NewImage, OldImage, SequenceNumber, SizeBytes, StreamViewType},
 * [userIdentity,] eventSourceARN}}; the batch is {@code {"Records":[...]}}.
 */
final class StreamEvents {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> DYNAMODB_FIELDS =
            List.of("Keys", "NewImage", "OldImage", "SequenceNumber", "SizeBytes", "StreamViewType");

    private StreamEvents() {}

    static ObjectNode lambdaRecord(JsonNode apiRecord, String streamArn) {
        ObjectNode r = NODES.objectNode();
        r.put("eventID", apiRecord.path("eventID").asText());
        r.put("eventName", apiRecord.path("eventName").asText());
        r.put("eventVersion", "1.1");
        r.put("eventSource", "aws:dynamodb");
        String region = apiRecord.path("awsRegion").asText("");
        r.put("awsRegion", region.isEmpty() ? streamArn.split(":")[3] : region);
        ObjectNode d = r.putObject("dynamodb");
        JsonNode src = apiRecord.path("dynamodb");
        Instant created = creationTime(apiRecord);
        if (created != null) {
            d.put("ApproximateCreationDateTime", created.getEpochSecond());
        }
        for (String f : DYNAMODB_FIELDS) {
            if (src.has(f) && !src.get(f).isNull()) {
                d.set(f, src.get(f).deepCopy());
            }
        }
        if (apiRecord.hasNonNull("userIdentity")) {
            r.set("userIdentity", apiRecord.get("userIdentity").deepCopy());
        }
        r.put("eventSourceARN", streamArn);
        return r;
    }

    static ObjectNode event(List<ObjectNode> records) {
        ObjectNode e = NODES.objectNode();
        ArrayNode a = e.putArray("Records");
        records.forEach(a::add);
        return e;
    }

    static String sequenceNumber(JsonNode record) {
        return record.path("dynamodb").path("SequenceNumber").asText();
    }

    /**
     * ApproximateCreationDateTime: the JSON 1.0 API sends epoch seconds as a number (possibly with
     * a fraction); an ISO-8601 string, as some emulators send, is read too.
     */
    static Instant creationTime(JsonNode record) {
        JsonNode t = record.path("dynamodb").path("ApproximateCreationDateTime");
        if (t.isNumber()) {
            double seconds = t.asDouble();
            return Instant.ofEpochMilli(Math.round(seconds * 1000));
        }
        if (t.isTextual()) {
            try {
                return Instant.ofEpochMilli(Math.round(Double.parseDouble(t.asText()) * 1000));
            } catch (NumberFormatException e) {
                try {
                    return Instant.parse(t.asText());
                } catch (DateTimeParseException ignored) {
                    return null;
                }
            }
        }
        return null;
    }
}
