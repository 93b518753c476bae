package dev.arcade.lambda.iam;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds the requests the SDK sends, signed by the execution role session's temporary credentials. */
final class Requests {

    static final String ACCOUNT = "123456789012";
    static final String OTHER_ACCOUNT = "210987654321";

    private Requests() {}

    static String auth(String region, String service) {
        return "AWS4-HMAC-SHA256 Credential=ASIAEXAMPLEKEY123456/20260101/" + region + "/" + service
                + "/aws4_request, SignedHeaders=host;x-amz-date;x-amz-security-token, Signature=abc123";
    }

    static AwsRequest json(String region, String service, String target, String jsonVersion, String body) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("authorization", auth(region, service));
        h.put("X-AMZ-TARGET", target);
        h.put("Content-Type", "application/x-amz-json-" + jsonVersion);
        return new AwsRequest("POST", "/", null, h, body.getBytes(StandardCharsets.UTF_8));
    }

    static AwsRequest dynamodb(String operation, String body) {
        return dynamodb("us-east-1", operation, body);
    }

    static AwsRequest dynamodb(String region, String operation, String body) {
        return json(region, "dynamodb", "DynamoDB_20120810." + operation, "1.0", body);
    }

    static AwsRequest streams(String operation, String body) {
        return json("us-east-1", "dynamodb", "DynamoDBStreams_20120810." + operation, "1.0", body);
    }

    static AwsRequest logs(String operation, String body) {
        return json("us-east-1", "logs", "Logs_20140328." + operation, "1.1", body);
    }

    static AwsRequest form(String region, String service, String body) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Authorization", auth(region, service));
        h.put("content-type", "application/x-www-form-urlencoded; charset=utf-8");
        return new AwsRequest("POST", "/", null, h, body.getBytes(StandardCharsets.UTF_8));
    }

    static AwsRequest rest(String method, String region, String service, String path, String query, String body) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Authorization", auth(region, service));
        return new AwsRequest(
                method, path, query, h, body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8));
    }
}
