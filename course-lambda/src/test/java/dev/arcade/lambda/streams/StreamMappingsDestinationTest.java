package dev.arcade.lambda.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Lambda checks, when a mapping is created or updated, that the execution role may send to its
 * on-failure destination ("Error handling for DynamoDB event sources", execution role permissions).
 */
@DisplayName("A stream mapping's on-failure destination needs the role's permission to send to it")
class StreamMappingsDestinationTest {
    static final String QUEUE = "arn:aws:sqs:us-east-2:123456789012:failures";

    private static StreamMappings mappings(boolean maySend) {
        return new StreamMappings(
                StreamMappingsTest::lookup,
                arn -> arn.equals(StreamMappingsTest.STREAM) ? Optional.of("my-table") : Optional.empty(),
                Clock.fixed(Instant.parse("2024-06-10T19:30:00.250Z"), ZoneOffset.UTC),
                () -> "uuid-1",
                (function, action, resource) ->
                        action.equals("sqs:SendMessage") && !maySend ? Optional.of("denied") : Optional.empty());
    }

    private static com.fasterxml.jackson.databind.node.ObjectNode withDestination() {
        com.fasterxml.jackson.databind.node.ObjectNode body = StreamMappingsTest.minimal();
        body.putObject("DestinationConfig").putObject("OnFailure").put("Destination", QUEUE);
        return body;
    }

    @Test
    @DisplayName("a role that may not SendMessage to the queue is refused with Lambda's InvalidParameterValueException")
    void refusedWithoutSendMessage() {
        ApiResponse r = mappings(false).create(withDestination());

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.errorType()).isEqualTo("InvalidParameterValueException");
        assertThat(r.message())
                .isEqualTo("The provided execution role does not have permissions to call SendMessage on SQS");
    }

    @Test
    @DisplayName("a role that may send to the queue gets its mapping")
    void createdWithSendMessage() {
        assertThat(mappings(true).create(withDestination()).status()).isEqualTo(202);
    }

    @Test
    @DisplayName("an update that adds the destination is checked too")
    void updateChecked() {
        StreamMappings store = mappings(false);
        String uuid =
                store.create(StreamMappingsTest.minimal()).body().path("UUID").asText();
        com.fasterxml.jackson.databind.node.ObjectNode update = StreamMappingsTest.JSON.createObjectNode();
        update.putObject("DestinationConfig").putObject("OnFailure").put("Destination", QUEUE);

        assertThat(store.update(uuid, update).errorType()).isEqualTo("InvalidParameterValueException");
    }
}
