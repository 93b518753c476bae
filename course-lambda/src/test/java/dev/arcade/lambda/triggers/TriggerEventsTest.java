package dev.arcade.lambda.triggers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sources: AWS Lambda Developer Guide, "Using Lambda with API Gateway", "Process Amazon S3 event
 * notifications with Lambda", "Invoke a Lambda function on a schedule", "Using Lambda with Amazon
 * SNS"; API Gateway Developer Guide, "Set up Lambda proxy integrations in API Gateway" and "Create
 * AWS Lambda proxy integrations for HTTP APIs"; Amazon S3 User Guide, "Event message structure".
 * Each event is read back with aws-lambda-java-tests' EventLoader into the aws-lambda-java-events
 * type a Java function declares.
 */
@DisplayName("The events pushing services send")
class TriggerEventsTest {

    private static final Instant TIME = Instant.parse("2026-12-03T16:47:41.123Z");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;

    private Path file(TriggerEvent event) throws IOException {
        Path file = Files.createTempFile(dir, "event", ".json");
        Files.writeString(file, event.toJsonString(), StandardCharsets.UTF_8);
        return file.toAbsolutePath();
    }

    @Nested
    @DisplayName("API Gateway REST API, payload 1.0")
    class Rest {

        private final ApiGatewayRestEvent event = ApiGatewayRestEvent.builder()
                .region("eu-central-1")
                .account("210987654321")
                .apiId("wt6mne2s9k")
                .stage("test")
                .request("POST", "/scores/{player}", "/scores/ana")
                .pathParameter("player", "ana")
                .query("game", "tetris")
                .query("game", "snake")
                .header("Content-Type", "application/json")
                .header("X-Trace", "a")
                .header("X-Trace", "b")
                .header("User-Agent", "curl/8.4.0")
                .body("{\"score\": 4200}")
                .sourceIp("198.51.100.7")
                .requestId("c6af9ac6-7b61-11e6-9a41-93e8deadbeef")
                .time(TIME)
                .random(new Random(1))
                .build();

        @Test
        @DisplayName("EventLoader reads it into APIGatewayProxyRequestEvent with every field")
        void loads() throws IOException {
            APIGatewayProxyRequestEvent loaded =
                    EventLoader.loadApiGatewayRestEvent(file(event).toString());
            assertThat(loaded.getHttpMethod()).isEqualTo("POST");
            assertThat(loaded.getResource()).isEqualTo("/scores/{player}");
            assertThat(loaded.getPath()).isEqualTo("/scores/ana");
            assertThat(loaded.getPathParameters()).containsEntry("player", "ana");
            assertThat(loaded.getQueryStringParameters()).containsEntry("game", "snake");
            assertThat(loaded.getMultiValueQueryStringParameters().get("game")).containsExactly("tetris", "snake");
            assertThat(loaded.getHeaders())
                    .containsEntry("X-Trace", "b")
                    .containsEntry("Content-Type", "application/json");
            assertThat(loaded.getMultiValueHeaders().get("X-Trace")).containsExactly("a", "b");
            assertThat(loaded.getBody()).isEqualTo("{\"score\": 4200}");
            assertThat(loaded.getIsBase64Encoded()).isFalse();
            APIGatewayProxyRequestEvent.ProxyRequestContext rc = loaded.getRequestContext();
            assertThat(rc.getAccountId()).isEqualTo("210987654321");
            assertThat(rc.getApiId()).isEqualTo("wt6mne2s9k");
            assertThat(rc.getStage()).isEqualTo("test");
            assertThat(rc.getRequestId()).isEqualTo("c6af9ac6-7b61-11e6-9a41-93e8deadbeef");
            assertThat(rc.getResourcePath()).isEqualTo("/scores/{player}");
            assertThat(rc.getHttpMethod()).isEqualTo("POST");
            assertThat(rc.getPath()).isEqualTo("/test/scores/ana");
            assertThat(rc.getIdentity().getSourceIp()).isEqualTo("198.51.100.7");
            assertThat(rc.getIdentity().getUserAgent()).isEqualTo("curl/8.4.0");
            assertThat(rc.getRequestTimeEpoch()).isEqualTo(TIME.toEpochMilli());
        }

        @Test
        @DisplayName("the time is written as API Gateway does, 03/Dec/2026:16:47:41 +0000")
        void requestTime() {
            assertThat(event.toJson().at("/requestContext/requestTime").asText())
                    .isEqualTo("03/Dec/2026:16:47:41 +0000");
        }

        @Test
        @DisplayName(
                "the source ARN is the request's execute-api ARN (the path it was called with), in the API's Region and account")
        void sourceArn() {
            assertThat(event.sourceArn())
                    .isEqualTo("arn:aws:execute-api:eu-central-1:210987654321:wt6mne2s9k/test/POST/scores/ana");
            assertThat(event.sourceAccount()).isEqualTo("210987654321");
            assertThat(event.servicePrincipal()).isEqualTo("apigateway.amazonaws.com");
        }

        @Test
        @DisplayName("a built event does not change when its builder goes on, and toJson gives a fresh copy each time")
        void immutable() {
            ApiGatewayRestEvent.Builder builder =
                    ApiGatewayRestEvent.builder().request("GET", "/a", "/a").time(TIME);
            ApiGatewayRestEvent built = builder.build();
            builder.request("POST", "/b", "/b").header("X", "1");
            assertThat(built.sourceArn()).endsWith("/GET/a");
            assertThat(built.toJson().get("headers").isNull()).isTrue();
            built.toJson().put("path", "/changed");
            assertThat(built.toJson().get("path").asText()).isEqualTo("/a");
        }

        @Test
        @DisplayName("no query, headers or path parameters are null, and a binary body is base64")
        void nullsAndBinary() throws IOException {
            ApiGatewayRestEvent bare = ApiGatewayRestEvent.builder()
                    .binaryBody(new byte[] {0, 1, 2})
                    .time(TIME)
                    .build();
            JsonNode json = bare.toJson();
            assertThat(json.get("queryStringParameters").isNull()).isTrue();
            assertThat(json.get("multiValueHeaders").isNull()).isTrue();
            assertThat(json.get("pathParameters").isNull()).isTrue();
            assertThat(json.get("body").asText()).isEqualTo("AAEC");
            assertThat(EventLoader.loadApiGatewayRestEvent(file(bare).toString())
                            .getIsBase64Encoded())
                    .isTrue();
        }

        @Test
        @DisplayName("a permission for the route's source ARN lets the event through, another route's does not")
        void policy() {
            FunctionPolicy policy = FunctionPolicy.parse("""
                    {"Version": "2012-10-17", "Statement": [{"Sid": "s", "Effect": "Allow",
                     "Principal": {"Service": "apigateway.amazonaws.com"}, "Action": "lambda:InvokeFunction",
                     "Resource": "arn:aws:lambda:eu-central-1:210987654321:function:scores",
                     "Condition": {"ArnLike": {"AWS:SourceArn": "arn:aws:execute-api:eu-central-1:210987654321:wt6mne2s9k/*/POST/scores/*"}}}]}""");
            String fn = "arn:aws:lambda:eu-central-1:210987654321:function:scores";
            assertThat(policy.check(event.servicePrincipal(), event.sourceArn(), event.sourceAccount(), fn)
                            .allowed())
                    .isTrue();
            ApiGatewayRestEvent get = ApiGatewayRestEvent.builder()
                    .region("eu-central-1")
                    .account("210987654321")
                    .apiId("wt6mne2s9k")
                    .request("GET", "/scores/{player}", "/scores/ana")
                    .build();
            assertThat(policy.check(get.servicePrincipal(), get.sourceArn(), get.sourceAccount(), fn)
                            .allowed())
                    .isFalse();
        }
    }

    @Nested
    @DisplayName("API Gateway HTTP API, payload 2.0")
    class Http {

        private final ApiGatewayHttpEvent event = ApiGatewayHttpEvent.builder()
                .region("us-west-2")
                .account("123456789012")
                .apiId("r3pmxmplak")
                .request("GET /scores/{player}", "GET", "/scores/ana")
                .pathParameter("player", "ana")
                .query("game", "tetris")
                .query("game", "snake")
                .query("q", "a b")
                .header("Accept", "text/html")
                .header("ACCEPT", "application/json")
                .header("Cookie", "session=1; theme=dark")
                .sourceIp("203.0.113.9")
                .requestId("JKJaXmPLvHcESHA=")
                .time(TIME)
                .build();

        @Test
        @DisplayName("EventLoader reads it into APIGatewayV2HTTPEvent with every field")
        void loads() throws IOException {
            APIGatewayV2HTTPEvent loaded =
                    EventLoader.loadApiGatewayHttpEvent(file(event).toString());
            assertThat(loaded.getVersion()).isEqualTo("2.0");
            assertThat(loaded.getRouteKey()).isEqualTo("GET /scores/{player}");
            assertThat(loaded.getRawPath()).isEqualTo("/scores/ana");
            assertThat(loaded.getRawQueryString()).isEqualTo("game=tetris&game=snake&q=a%20b");
            assertThat(loaded.getCookies()).containsExactly("session=1", "theme=dark");
            assertThat(loaded.getHeaders())
                    .containsEntry("accept", "text/html,application/json")
                    .doesNotContainKey("cookie");
            assertThat(loaded.getQueryStringParameters())
                    .containsEntry("game", "tetris,snake")
                    .containsEntry("q", "a b");
            assertThat(loaded.getPathParameters()).containsEntry("player", "ana");
            assertThat(loaded.getRequestContext().getHttp().getMethod()).isEqualTo("GET");
            assertThat(loaded.getRequestContext().getHttp().getPath()).isEqualTo("/scores/ana");
            assertThat(loaded.getRequestContext().getHttp().getSourceIp()).isEqualTo("203.0.113.9");
            assertThat(loaded.getRequestContext().getAccountId()).isEqualTo("123456789012");
            assertThat(loaded.getRequestContext().getStage()).isEqualTo("$default");
            assertThat(loaded.getRequestContext().getRequestId()).isEqualTo("JKJaXmPLvHcESHA=");
            assertThat(loaded.getRequestContext().getTimeEpoch()).isEqualTo(TIME.toEpochMilli());
            assertThat(loaded.getIsBase64Encoded()).isFalse();
        }

        @Test
        @DisplayName("the source ARN names the stage, method and path of the route, or $default")
        void sourceArn() {
            assertThat(event.sourceArn())
                    .isEqualTo("arn:aws:execute-api:us-west-2:123456789012:r3pmxmplak/$default/GET/scores/{player}");
            assertThat(ApiGatewayHttpEvent.builder().build().sourceArn())
                    .isEqualTo("arn:aws:execute-api:us-east-1:123456789012:r3pmxmplak/$default/$default");
        }

        @Test
        @DisplayName("a named stage is the first segment of rawPath")
        void namedStage() {
            JsonNode json = ApiGatewayHttpEvent.builder()
                    .stage("beta")
                    .request("ANY /{proxy+}", "PUT", "/a")
                    .build()
                    .toJson();
            assertThat(json.get("rawPath").asText()).isEqualTo("/beta/a");
            assertThat(json.has("queryStringParameters")).isFalse();
            assertThat(json.has("cookies")).isFalse();
        }

        @Test
        @DisplayName("a malformed route key is refused")
        void badRoute() {
            assertThatThrownBy(() -> ApiGatewayHttpEvent.builder().request("/scores", "GET", "/scores"))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    @DisplayName("Amazon S3 ObjectCreated:Put")
    class S3 {

        private final S3ObjectCreatedEvent event = S3ObjectCreatedEvent.builder()
                .region("eu-west-1")
                .account("444455556666")
                .bucket("amzn-s3-demo-bucket")
                .key("uploads/My Photo+1 ü.jpg")
                .size(2048)
                .eTag("0123456789abcdef0123456789abcdef")
                .time(TIME)
                .random(new Random(7))
                .build();

        @Test
        @DisplayName("EventLoader reads it into S3Event, with the key URL-encoded as S3 writes it")
        void loads() throws IOException {
            S3Event loaded = EventLoader.loadS3Event(file(event).toString());
            S3EventNotification.S3EventNotificationRecord r =
                    loaded.getRecords().get(0);
            assertThat(r.getEventName()).isEqualTo("ObjectCreated:Put");
            assertThat(r.getEventSource()).isEqualTo("aws:s3");
            assertThat(r.getAwsRegion()).isEqualTo("eu-west-1");
            assertThat(r.getEventTime().getMillis()).isEqualTo(TIME.toEpochMilli());
            assertThat(r.getS3().getBucket().getName()).isEqualTo("amzn-s3-demo-bucket");
            assertThat(r.getS3().getBucket().getArn()).isEqualTo("arn:aws:s3:::amzn-s3-demo-bucket");
            assertThat(r.getS3().getObject().getKey()).isEqualTo("uploads/My+Photo%2B1+%C3%BC.jpg");
            assertThat(r.getS3().getObject().getUrlDecodedKey()).isEqualTo("uploads/My Photo+1 ü.jpg");
            assertThat(r.getS3().getObject().getSizeAsLong()).isEqualTo(2048);
            assertThat(r.getS3().getObject().geteTag()).isEqualTo("0123456789abcdef0123456789abcdef");
            assertThat(r.getS3().getObject().getSequencer()).matches("[0-9A-F]{18}");
            assertThat(r.getResponseElements().getxAmzRequestId()).matches("[0-9A-F]{16}");
        }

        @Test
        @DisplayName("the source is the bucket ARN, without Region or account, and the owner's account")
        void source() {
            assertThat(event.sourceArn()).isEqualTo("arn:aws:s3:::amzn-s3-demo-bucket");
            assertThat(event.sourceAccount()).isEqualTo("444455556666");
            assertThat(event.servicePrincipal()).isEqualTo("s3.amazonaws.com");
        }
    }

    @Nested
    @DisplayName("EventBridge")
    class EventBridge {

        @Test
        @DisplayName("a Scheduled Event names its rule in resources and is read into ScheduledEvent")
        void scheduled() throws IOException {
            EventBridgeEvent event =
                    EventBridgeEvent.scheduled("ca-central-1", "123456789012", "nightly-scores", TIME, new Random(3));
            ScheduledEvent loaded = EventLoader.loadScheduledEvent(file(event).toString());
            assertThat(loaded.getDetailType()).isEqualTo("Scheduled Event");
            assertThat(loaded.getSource()).isEqualTo("aws.events");
            assertThat(loaded.getAccount()).isEqualTo("123456789012");
            assertThat(loaded.getRegion()).isEqualTo("ca-central-1");
            assertThat(loaded.getResources())
                    .containsExactly("arn:aws:events:ca-central-1:123456789012:rule/nightly-scores");
            assertThat(loaded.getTime().getMillis())
                    .isEqualTo(Instant.parse("2026-12-03T16:47:41Z").toEpochMilli());
            assertThat(loaded.getId()).isEqualTo(event.id());
            assertThat(loaded.getDetail()).isEmpty();
            assertThat(event.toJson().get("time").asText()).isEqualTo("2026-12-03T16:47:41Z");
            assertThat(event.sourceArn()).isEqualTo("arn:aws:events:ca-central-1:123456789012:rule/nightly-scores");
            assertThat(event.servicePrincipal()).isEqualTo("events.amazonaws.com");
        }

        @Test
        @DisplayName("a custom event keeps its source, detail-type and detail, and a rule on another bus names the bus")
        void custom() throws IOException {
            String rule = EventBridgeEvent.ruleArn("us-east-1", "111122223333", "arcade", "high-scores");
            assertThat(rule).isEqualTo("arn:aws:events:us-east-1:111122223333:rule/arcade/high-scores");
            EventBridgeEvent event = EventBridgeEvent.custom(
                    "us-east-1",
                    "111122223333",
                    rule,
                    "com.arcade.scores",
                    "New High Score",
                    MAPPER.readTree("{\"player\": \"ana\", \"score\": 4200}"),
                    List.of(),
                    TIME,
                    new Random(4));
            ScheduledEvent loaded = EventLoader.loadScheduledEvent(file(event).toString());
            assertThat(loaded.getSource()).isEqualTo("com.arcade.scores");
            assertThat(loaded.getDetailType()).isEqualTo("New High Score");
            assertThat(loaded.getDetail()).containsEntry("player", "ana");
            assertThat(event.sourceAccount()).isEqualTo("111122223333");
            assertThat(dev.arcade.evaluators.events.EventPattern.parse(
                                    "{\"source\": [\"com.arcade.scores\"], \"detail\": {\"score\": [{\"numeric\": [\">=\", 4000]}]}}")
                            .matches(event.toJson()))
                    .isTrue();
        }
    }

    @Nested
    @DisplayName("Amazon SNS")
    class Sns {

        @Test
        @DisplayName("EventLoader reads it into SNSEvent, and the topic is the source")
        void loads() throws IOException {
            SnsEvent event = SnsEvent.builder("arn:aws:sns:eu-north-1:210987654321:high-scores")
                    .message("{\"player\": \"ana\"}")
                    .subject("New high score")
                    .attribute("game", "String", "tetris")
                    .time(TIME)
                    .random(new Random(5))
                    .build();
            SNSEvent loaded = EventLoader.loadSNSEvent(file(event).toString());
            SNSEvent.SNSRecord r = loaded.getRecords().get(0);
            assertThat(r.getEventSource()).isEqualTo("aws:sns");
            assertThat(r.getEventSubscriptionArn()).startsWith("arn:aws:sns:eu-north-1:210987654321:high-scores:");
            assertThat(r.getSNS().getTopicArn()).isEqualTo("arn:aws:sns:eu-north-1:210987654321:high-scores");
            assertThat(r.getSNS().getMessage()).isEqualTo("{\"player\": \"ana\"}");
            assertThat(r.getSNS().getSubject()).isEqualTo("New high score");
            assertThat(r.getSNS().getType()).isEqualTo("Notification");
            assertThat(r.getSNS().getMessageId()).isEqualTo(event.messageId());
            assertThat(r.getSNS().getTimestamp().getMillis()).isEqualTo(TIME.toEpochMilli());
            assertThat(r.getSNS().getMessageAttributes().get("game").getValue()).isEqualTo("tetris");
            assertThat(event.sourceArn()).isEqualTo("arn:aws:sns:eu-north-1:210987654321:high-scores");
            assertThat(event.sourceAccount()).isEqualTo("210987654321");
        }

        @Test
        @DisplayName("a topic ARN with a bad account is refused")
        void badTopic() {
            assertThatThrownBy(() -> SnsEvent.builder("arn:aws:sns:eu-north-1:2109876:high-scores"))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
