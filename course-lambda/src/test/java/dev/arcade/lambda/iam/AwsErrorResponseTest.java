package dev.arcade.lambda.iam;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Sources: Smithy AWS protocols ("AWS JSON 1.0/1.1", "AWS query", "restJson1", "restXml", "RPC v2 CBOR":
 * error serialization; the awsQueryCompatible trait's {@code x-amzn-query-error} header); RFC 8949 (CBOR).
 */
@DisplayName("AwsErrorResponse")
class AwsErrorResponseTest {

    @Test
    @DisplayName("each request is answered in its own protocol")
    void protocolOf() {
        assertThat(AwsErrorResponse.protocolOf(Requests.dynamodb("PutItem", "{}")))
                .isEqualTo(AwsErrorResponse.Protocol.JSON_10);
        assertThat(AwsErrorResponse.protocolOf(Requests.streams("GetRecords", "{}")))
                .isEqualTo(AwsErrorResponse.Protocol.JSON_10);
        assertThat(AwsErrorResponse.protocolOf(Requests.logs("PutLogEvents", "{}")))
                .isEqualTo(AwsErrorResponse.Protocol.JSON_11);
        assertThat(AwsErrorResponse.protocolOf(
                        Requests.json("us-east-1", "events", "AWSEvents.PutEvents", "1.1", "{}")))
                .isEqualTo(AwsErrorResponse.Protocol.JSON_11);
        assertThat(AwsErrorResponse.protocolOf(Requests.json("us-east-1", "sqs", "AmazonSQS.SendMessage", "1.0", "{}")))
                .isEqualTo(AwsErrorResponse.Protocol.JSON_QUERY_COMPATIBLE);
        assertThat(AwsErrorResponse.protocolOf(Requests.form("us-east-1", "sns", "Action=Publish")))
                .isEqualTo(AwsErrorResponse.Protocol.QUERY);
        assertThat(AwsErrorResponse.protocolOf(Requests.rest(
                        "POST", "us-east-1", "lambda", "/2015-03-31/functions/f/invocations", null, "{}")))
                .isEqualTo(AwsErrorResponse.Protocol.REST_JSON);
        assertThat(AwsErrorResponse.protocolOf(
                        Requests.rest("POST", "us-east-1", "xray", "/TraceSegments", null, "{}")))
                .isEqualTo(AwsErrorResponse.Protocol.REST_JSON);
        assertThat(AwsErrorResponse.protocolOf(Requests.rest("GET", "us-east-1", "s3", "/b/k", null, null)))
                .isEqualTo(AwsErrorResponse.Protocol.REST_XML);
        assertThat(AwsErrorResponse.protocolOf(new AwsRequest(
                        "POST",
                        "/service/GraniteServiceVersion20100801/operation/PutMetricData",
                        null,
                        Map.of("Authorization", Requests.auth("us-east-1", "monitoring")),
                        null)))
                .isEqualTo(AwsErrorResponse.Protocol.RPC_V2_CBOR);
    }

    @Test
    @DisplayName("JSON 1.1 has a bare __type and a lower-case message, status 400")
    void json11() {
        AwsErrorResponse r = AwsErrorResponse.accessDenied(AwsErrorResponse.Protocol.JSON_11, "m", "id");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.bodyText()).isEqualTo("{\"__type\":\"AccessDeniedException\",\"message\":\"m\"}");
        assertThat(r.headers()).containsEntry("CONTENT-TYPE", "application/x-amz-json-1.1");
    }

    @Test
    @DisplayName("the query protocol answers 403 with an ErrorResponse of type Sender and code AccessDenied")
    void query() {
        AwsErrorResponse r = AwsErrorResponse.accessDenied(AwsErrorResponse.Protocol.QUERY, "a<b", "id-1");
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.bodyText())
                .isEqualTo("<ErrorResponse><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>a&lt;b"
                        + "</Message></Error><RequestId>id-1</RequestId></ErrorResponse>");
    }

    @Test
    @DisplayName("REST JSON answers 403 with x-amzn-ErrorType AccessDeniedException and a Message")
    void restJson() {
        AwsErrorResponse r = AwsErrorResponse.accessDenied(AwsErrorResponse.Protocol.REST_JSON, "m", "id");
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.headers()).containsEntry("x-amzn-errortype", "AccessDeniedException");
        assertThat(r.bodyText()).isEqualTo("{\"Message\":\"m\"}");
    }

    @Test
    @DisplayName("query-compatible JSON and CBOR carry the query code in x-amzn-query-error")
    void queryCompatible() {
        assertThat(AwsErrorResponse.accessDenied(AwsErrorResponse.Protocol.JSON_QUERY_COMPATIBLE, "m", "id")
                        .headers())
                .containsEntry("x-amzn-query-error", "AccessDenied;Sender");
        AwsErrorResponse cbor = AwsErrorResponse.accessDenied(AwsErrorResponse.Protocol.RPC_V2_CBOR, "m", "id");
        assertThat(cbor.headers()).containsEntry("smithy-protocol", "rpc-v2-cbor");
        assertThat(IamActions.Cbor.textAfterKey(cbor.body(), "__type")).isEqualTo("AccessDeniedException");
        assertThat(IamActions.Cbor.textAfterKey(cbor.body(), "message")).isEqualTo("m");
        assertThat(cbor.body()[0] & 0xff).isEqualTo(0xa2);
    }

    @Test
    @DisplayName("a CBOR text longer than 23 and 255 bytes gets a one- and two-byte length")
    void cborLengths() {
        String thirty = "x".repeat(30);
        String threeHundred = "y".repeat(300);
        byte[] b = AwsErrorResponse.cborMap("message", thirty, "Namespace", threeHundred);
        assertThat(IamActions.Cbor.textAfterKey(b, "message")).isEqualTo(thirty);
        assertThat(IamActions.Cbor.textAfterKey(b, "Namespace")).isEqualTo(threeHundred);
    }

    @Test
    @DisplayName("S3 answers 403 with an Error of code AccessDenied")
    void restXml() {
        AwsErrorResponse r = AwsErrorResponse.accessDenied(AwsErrorResponse.Protocol.REST_XML, "m", "id");
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.bodyText()).contains("<Error><Code>AccessDenied</Code><Message>m</Message>");
    }
}
