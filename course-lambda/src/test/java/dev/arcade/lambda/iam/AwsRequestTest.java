package dev.arcade.lambda.iam;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Sources: "Authenticating Requests (AWS Signature Version 4)" (the Credential component of the
 * Authorization header); Smithy "AWS JSON 1.0/1.1 protocol" (X-Amz-Target), "AWS query protocol" (Action),
 * "Smithy RPC v2 CBOR protocol" (the /service/S/operation/O path).
 */
@DisplayName("AwsRequest")
class AwsRequestTest {

    @Test
    @DisplayName("reads the access key, region and service of the credential scope, whatever the header's case")
    void credentialScope() {
        AwsRequest r = new AwsRequest(
                "POST",
                "/",
                null,
                Map.of(
                        "AUTHORIZATION",
                        "AWS4-HMAC-SHA256 Credential=ASIAXYZ/20260101/eu-central-1/dynamodb/aws4_request,"
                                + " SignedHeaders=host, Signature=00"),
                null);
        assertThat(r.accessKeyId()).contains("ASIAXYZ");
        assertThat(r.signingRegion()).contains("eu-central-1");
        assertThat(r.signingService()).contains("dynamodb");
        assertThat(r.header("authorization")).isPresent();
    }

    @Test
    @DisplayName("reads a presigned URL's X-Amz-Credential when there is no Authorization header")
    void presigned() {
        AwsRequest r = new AwsRequest(
                "GET",
                "/bucket/key",
                "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=ASIAQ%2F20260101%2Fus-west-2%2Fs3%2Faws4_request",
                Map.of(),
                null);
        assertThat(r.accessKeyId()).contains("ASIAQ");
        assertThat(r.signingService()).contains("s3");
        assertThat(r.signingRegion()).contains("us-west-2");
    }

    @Test
    @DisplayName("an unsigned request has no credential scope")
    void unsigned() {
        AwsRequest r = new AwsRequest("GET", "/", null, Map.of(), null);
        assertThat(r.accessKeyId()).isEmpty();
        assertThat(r.signingService()).isEmpty();
        assertThat(r.operation()).isEmpty();
    }

    @Test
    @DisplayName("the operation of the JSON protocols is what follows the last dot of X-Amz-Target")
    void target() {
        assertThat(Requests.dynamodb("PutItem", "{}").operation()).contains("PutItem");
        assertThat(Requests.streams("GetRecords", "{}").operation()).contains("GetRecords");
        assertThat(Requests.logs("PutLogEvents", "{}").operation()).contains("PutLogEvents");
        assertThat(Requests.json("us-east-1", "sqs", "AmazonSQS.SendMessage", "1.0", "{}")
                        .operation())
                .contains("SendMessage");
        assertThat(Requests.json("us-east-1", "events", "AWSEvents.PutEvents", "1.1", "{}")
                        .operation())
                .contains("PutEvents");
    }

    @Test
    @DisplayName("the operation of the query protocol is the Action of the form body, or of the query")
    void queryAction() {
        assertThat(Requests.form("us-east-1", "sts", "Action=GetCallerIdentity&Version=2011-06-15")
                        .operation())
                .contains("GetCallerIdentity");
        AwsRequest q = Requests.rest("GET", "us-east-1", "iam", "/", "Version=2010-05-08&Action=GetRole", null);
        assertThat(q.operation()).contains("GetRole");
    }

    @Test
    @DisplayName("a form body is read only when its Content-Type says it is a form")
    void notAForm() {
        AwsRequest r = Requests.rest("POST", "us-east-1", "lambda", "/", null, "Action=DeleteEverything");
        assertThat(r.isForm()).isFalse();
        assertThat(r.operation()).isEmpty();
    }

    @Test
    @DisplayName("the operation of RPC v2 CBOR is the path's last segment, without decoding the body")
    void cbor() {
        AwsRequest r = new AwsRequest(
                "POST",
                "/service/GraniteServiceVersion20100801/operation/PutMetricData",
                null,
                Map.of("Authorization", Requests.auth("us-east-1", "monitoring"), "smithy-protocol", "rpc-v2-cbor"),
                new byte[] {(byte) 0xa0});
        assertThat(r.operation()).contains("PutMetricData");
        assertThat(r.cborService()).contains("GraniteServiceVersion20100801");
    }

    @Test
    @DisplayName("path segments are percent-decoded one by one, and a plus stays a plus")
    void segments() {
        AwsRequest r = Requests.rest("GET", "us-east-1", "s3", "/my-bucket/a%2Fb+c%20d", null, null);
        assertThat(r.pathSegments()).containsExactly("my-bucket", "a/b+c d");
    }

    @Test
    @DisplayName("the body is copied in and out, so the record cannot be changed afterwards")
    void bodyCopied() {
        byte[] b = "{}".getBytes(StandardCharsets.UTF_8);
        AwsRequest r = new AwsRequest("POST", "/", null, Map.of(), b);
        b[0] = 'x';
        assertThat(r.bodyText()).isEqualTo("{}");
        r.body()[0] = 'y';
        assertThat(r.bodyText()).isEqualTo("{}");
    }
}
