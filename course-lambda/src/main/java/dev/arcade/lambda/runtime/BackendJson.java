package dev.arcade.lambda.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Calls a JSON-protocol API of the backend directly (DynamoDB Streams, SQS), as the platform does for
 * a function: the exact JSON the service returns, no SDK model in between. Requests carry a SigV4
 * credential scope for routing; emulators do not check the signature.
 */
final class BackendJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI backend;
    private final String region;
    private final HttpClient http =
            HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).build();

    BackendJson(URI backend, String region) {
        this.backend = backend;
        this.region = region;
    }

    /**
     * One call.
     *
     * @param service the signing name ({@code dynamodb} for DynamoDB Streams, {@code sqs})
     * @param target the {@code X-Amz-Target}, for example {@code DynamoDBStreams_20120810.GetRecords}
     * @param jsonVersion {@code 1.0} or {@code 1.1}
     * @param body the request
     * @return the response
     * @throws BackendError when the backend answers with an error
     */
    JsonNode call(String service, String target, String jsonVersion, JsonNode body) {
        String date = LocalDate.now(ZoneOffset.UTC).format(DateTimeFormatter.BASIC_ISO_DATE);
        HttpRequest request = HttpRequest.newBuilder(backend)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-amz-json-" + jsonVersion)
                .header("X-Amz-Target", target)
                .header(
                        "Authorization",
                        "AWS4-HMAC-SHA256 Credential=lambda-runtime/" + date + "/" + region + "/" + service
                                + "/aws4_request, SignedHeaders=host, Signature=0")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode answer = response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
            if (response.statusCode() / 100 != 2) {
                throw new BackendError(
                        response.statusCode(),
                        answer.path("__type").asText(),
                        answer.path("message").asText(answer.path("Message").asText()));
            }
            return answer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** An error answer of the backend. */
    static final class BackendError extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int status;
        final String type;

        BackendError(int status, String type, String message) {
            super(type + ": " + message);
            this.status = status;
            this.type = type;
        }
    }
}
