package dev.arcade.lambda.iam;

import static dev.arcade.lambda.iam.Requests.ACCOUNT;
import static dev.arcade.lambda.iam.Requests.OTHER_ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Sources: Service Authorization Reference, "Actions, resources, and condition keys for" Amazon CloudWatch
 * Logs, Amazon CloudWatch, AWS X-Ray, AWS Lambda, Amazon SQS, Amazon SNS, Amazon S3, Amazon EventBridge and
 * AWS Security Token Service; CloudWatch Logs User Guide, "Overview of managing access permissions to your
 * CloudWatch Logs resources" (the log group ARN with {@code :*}); STS API Reference, "GetCallerIdentity".
 */
@DisplayName("IamActions for the other services")
class IamActionsServicesTest {

    private static List<ActionRequest> of(AwsRequest r) {
        return IamActions.of(r, ACCOUNT, "us-east-1");
    }

    @Nested
    @DisplayName("CloudWatch Logs")
    class Logs {

        private static final String GROUP = "arn:aws:logs:us-east-1:" + ACCOUNT + ":log-group:/aws/lambda/submit-score";

        @Test
        @DisplayName("PutLogEvents and CreateLogStream are on the log stream ARN")
        void stream() {
            String body =
                    "{\"logGroupName\":\"/aws/lambda/submit-score\",\"logStreamName\":\"2026/01/01/[$LATEST]abc\"}";
            assertThat(of(Requests.logs("PutLogEvents", body)))
                    .containsExactly(
                            ActionRequest.of("logs:PutLogEvents", GROUP + ":log-stream:2026/01/01/[$LATEST]abc"));
            assertThat(of(Requests.logs("CreateLogStream", body)).get(0).resource())
                    .isEqualTo(GROUP + ":log-stream:2026/01/01/[$LATEST]abc");
        }

        @Test
        @DisplayName(
                "group operations are on the group with an empty stream, which log-group:NAME:* matches and log-group:NAME does not")
        void group() {
            for (String op : List.of("CreateLogGroup", "DescribeLogStreams", "FilterLogEvents", "PutRetentionPolicy")) {
                assertThat(of(Requests.logs(op, "{\"logGroupName\":\"/aws/lambda/submit-score\"}")))
                        .containsExactly(ActionRequest.of("logs:" + op, GROUP + ":log-stream:"));
            }
        }

        @Test
        @DisplayName("a logGroupIdentifier given as an ARN, with or without :*, names the same group")
        void identifier() {
            assertThat(of(Requests.logs("DescribeLogStreams", "{\"logGroupIdentifier\":\"" + GROUP + ":*\"}")))
                    .containsExactly(ActionRequest.of("logs:DescribeLogStreams", GROUP + ":log-stream:"));
        }

        @Test
        @DisplayName("the tagging operations are on the ARN without :*, and DescribeLogGroups on *")
        void tagsAndList() {
            assertThat(of(Requests.logs("TagResource", "{\"resourceArn\":\"" + GROUP + "\"}")))
                    .containsExactly(ActionRequest.of("logs:TagResource", GROUP));
            assertThat(of(Requests.logs("DescribeLogGroups", "{\"logGroupNamePrefix\":\"/aws\"}")))
                    .containsExactly(ActionRequest.of("logs:DescribeLogGroups", "*"));
        }
    }

    @Nested
    @DisplayName("CloudWatch")
    class CloudWatch {

        @Test
        @DisplayName("PutMetricData (query) is on * with cloudwatch:namespace")
        void putMetricDataQuery() {
            AwsRequest r = Requests.form(
                    "us-east-1",
                    "monitoring",
                    "Action=PutMetricData&Version=2010-08-01&Namespace=Arcade%2FScores"
                            + "&MetricData.member.1.MetricName=Submitted&MetricData.member.1.Value=1");
            assertThat(of(r))
                    .containsExactly(new ActionRequest(
                            "cloudwatch:PutMetricData", "*", Map.of("cloudwatch:namespace", List.of("Arcade/Scores"))));
        }

        @Test
        @DisplayName("PutMetricData (RPC v2 CBOR) is named from its path and its namespace read from the body")
        void putMetricDataCbor() {
            AwsRequest r = new AwsRequest(
                    "POST",
                    "/service/GraniteServiceVersion20100801/operation/PutMetricData",
                    null,
                    Map.of("Authorization", Requests.auth("us-east-1", "monitoring")),
                    AwsErrorResponse.cborMap("Namespace", "Arcade/Scores"));
            assertThat(of(r))
                    .containsExactly(new ActionRequest(
                            "cloudwatch:PutMetricData", "*", Map.of("cloudwatch:namespace", List.of("Arcade/Scores"))));
        }

        @Test
        @DisplayName("alarm operations are on the alarm ARN, GetMetricData on *")
        void alarms() {
            assertThat(of(Requests.form(
                            "eu-west-1",
                            "monitoring",
                            "Action=PutMetricAlarm&AlarmName=HighErrors&Version=2010-08-01")))
                    .containsExactly(ActionRequest.of(
                            "cloudwatch:PutMetricAlarm",
                            "arn:aws:cloudwatch:us-east-1:" + ACCOUNT + ":alarm:HighErrors"));
            assertThat(of(Requests.form(
                            "us-east-1",
                            "monitoring",
                            "Action=DeleteAlarms&AlarmNames.member.1=A&AlarmNames.member.2=B")))
                    .extracting(ActionRequest::resource)
                    .containsExactly(
                            "arn:aws:cloudwatch:us-east-1:" + ACCOUNT + ":alarm:A",
                            "arn:aws:cloudwatch:us-east-1:" + ACCOUNT + ":alarm:B");
            assertThat(of(Requests.form("us-east-1", "monitoring", "Action=GetMetricData")))
                    .containsExactly(ActionRequest.of("cloudwatch:GetMetricData", "*"));
        }

        @Test
        @DisplayName("CloudWatch's JSON protocol (X-Amz-Target GraniteServiceVersion20100801) is read too")
        void json() {
            AwsRequest r = Requests.json(
                    "us-east-1",
                    "monitoring",
                    "GraniteServiceVersion20100801.PutMetricData",
                    "1.0",
                    "{\"Namespace\":\"App\",\"MetricData\":[]}");
            assertThat(of(r).get(0).context()).containsEntry("cloudwatch:namespace", List.of("App"));
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "POST,/TraceSegments,xray:PutTraceSegments",
        "POST,/TelemetryRecords,xray:PutTelemetryRecords",
        "POST,/GetSamplingRules,xray:GetSamplingRules",
        "POST,/SamplingTargets,xray:GetSamplingTargets",
        "POST,/TraceSummaries,xray:GetTraceSummaries",
        "POST,/,xray:UnknownOperation"
    })
    @DisplayName("X-Ray's REST paths name their operations, on *")
    void xray(String method, String path, String action) {
        assertThat(of(Requests.rest(method, "us-east-1", "xray", path, null, "{}")))
                .containsExactly(ActionRequest.of(action, "*"));
    }

    @Nested
    @DisplayName("Lambda")
    class Lambda {

        private static final String FN = "arn:aws:lambda:us-east-1:" + ACCOUNT + ":function:";

        @ParameterizedTest(name = "{0}?{1}")
        @CsvSource(
                nullValues = "-",
                value = {
                    "/2015-03-31/functions/leaderboard/invocations,-,leaderboard",
                    "/2015-03-31/functions/leaderboard/invocations,Qualifier=live,leaderboard:live",
                    "/2015-03-31/functions/leaderboard%3A3/invocations,-,leaderboard:3",
                    "/2015-03-31/functions/" + ACCOUNT + "%3Afunction%3Aleaderboard/invocations,-,leaderboard",
                    "/2021-11-15/functions/leaderboard/response-streaming-invocations,-,leaderboard"
                })
        @DisplayName("InvokeFunction is on the function ARN, qualified when the path or query gives a qualifier")
        void invoke(String path, String query, String function) {
            assertThat(of(Requests.rest("POST", "us-east-1", "lambda", path, query, "{}")))
                    .containsExactly(ActionRequest.of("lambda:InvokeFunction", FN + function));
        }

        @Test
        @DisplayName("a function named by a full ARN keeps its account and region")
        void fullArn() {
            String arn = "arn:aws:lambda:eu-west-1:" + OTHER_ACCOUNT + ":function:other";
            assertThat(of(Requests.rest(
                                    "POST",
                                    "us-east-1",
                                    "lambda",
                                    "/2015-03-31/functions/" + arn.replace(":", "%3A") + "/invocations",
                                    null,
                                    "{}"))
                            .get(0)
                            .resource())
                    .isEqualTo(arn);
        }

        @Test
        @DisplayName("the control operations are named from the method and path")
        void control() {
            assertThat(of(Requests.rest("GET", "us-east-1", "lambda", "/2015-03-31/functions/", null, null)))
                    .containsExactly(ActionRequest.of("lambda:ListFunctions", "*"));
            assertThat(of(Requests.rest("GET", "us-east-1", "lambda", "/2015-03-31/functions/f", null, null)))
                    .containsExactly(ActionRequest.of("lambda:GetFunction", FN + "f"));
            assertThat(of(Requests.rest("DELETE", "us-east-1", "lambda", "/2015-03-31/functions/f", null, null)))
                    .containsExactly(ActionRequest.of("lambda:DeleteFunction", FN + "f"));
            assertThat(of(Requests.rest(
                            "PUT", "us-east-1", "lambda", "/2015-03-31/functions/f/configuration", null, "{}")))
                    .containsExactly(ActionRequest.of("lambda:UpdateFunctionConfiguration", FN + "f"));
            assertThat(of(Requests.rest(
                            "POST", "us-east-1", "lambda", "/2015-03-31/event-source-mappings/", null, "{}")))
                    .containsExactly(ActionRequest.of("lambda:CreateEventSourceMapping", "*"));
        }
    }

    @Nested
    @DisplayName("SQS")
    class Sqs {

        @Test
        @DisplayName("the queue ARN comes from the QueueUrl's path, and the region from an sqs.R.amazonaws.com host")
        void queueUrl() {
            assertThat(of(Requests.json(
                            "us-east-1",
                            "sqs",
                            "AmazonSQS.SendMessage",
                            "1.0",
                            "{\"QueueUrl\":\"http://127.0.0.1:4566/" + OTHER_ACCOUNT
                                    + "/scores\",\"MessageBody\":\"x\"}")))
                    .containsExactly(
                            ActionRequest.of("sqs:SendMessage", "arn:aws:sqs:us-east-1:" + OTHER_ACCOUNT + ":scores"));
            assertThat(of(Requests.form(
                            "us-east-1",
                            "sqs",
                            "Action=ReceiveMessage&QueueUrl=https%3A%2F%2Fsqs.eu-west-1.amazonaws.com%2F" + ACCOUNT
                                    + "%2Fjobs.fifo")))
                    .containsExactly(
                            ActionRequest.of("sqs:ReceiveMessage", "arn:aws:sqs:eu-west-1:" + ACCOUNT + ":jobs.fifo"));
        }

        @Test
        @DisplayName("the batch operations are authorized as their single-message actions")
        void batch() {
            String url = "{\"QueueUrl\":\"http://localhost/" + ACCOUNT + "/q\"}";
            assertThat(of(Requests.json("us-east-1", "sqs", "AmazonSQS.SendMessageBatch", "1.0", url))
                            .get(0)
                            .action())
                    .isEqualTo("sqs:SendMessage");
            assertThat(of(Requests.json("us-east-1", "sqs", "AmazonSQS.DeleteMessageBatch", "1.0", url))
                            .get(0)
                            .action())
                    .isEqualTo("sqs:DeleteMessage");
            assertThat(of(Requests.json("us-east-1", "sqs", "AmazonSQS.GetQueueAttributes", "1.0", url)))
                    .containsExactly(
                            ActionRequest.of("sqs:GetQueueAttributes", "arn:aws:sqs:us-east-1:" + ACCOUNT + ":q"));
        }
    }

    @Test
    @DisplayName("SNS Publish is on its TopicArn")
    void sns() {
        String topic = "arn:aws:sns:us-east-1:" + ACCOUNT + ":high-scores";
        assertThat(of(Requests.form(
                        "us-east-1", "sns", "Action=Publish&TopicArn=" + topic.replace(":", "%3A") + "&Message=hi")))
                .containsExactly(ActionRequest.of("sns:Publish", topic));
    }

    @Nested
    @DisplayName("S3")
    class S3 {

        @ParameterizedTest(name = "{0} {1}")
        @CsvSource(
                nullValues = "-",
                value = {
                    "GET,/scores-bucket/2026/01/top.json,-,s3:GetObject,arn:aws:s3:::scores-bucket/2026/01/top.json",
                    "HEAD,/scores-bucket/top.json,-,s3:GetObject,arn:aws:s3:::scores-bucket/top.json",
                    "PUT,/scores-bucket/top%20ten.json,-,s3:PutObject,arn:aws:s3:::scores-bucket/top ten.json",
                    "DELETE,/scores-bucket/top.json,-,s3:DeleteObject,arn:aws:s3:::scores-bucket/top.json",
                    "GET,/scores-bucket/top.json,versionId=3,s3:GetObjectVersion,arn:aws:s3:::scores-bucket/top.json",
                    "GET,/scores-bucket,list-type=2&prefix=2026%2F,s3:ListBucket,arn:aws:s3:::scores-bucket",
                    "GET,/scores-bucket/,-,s3:ListBucket,arn:aws:s3:::scores-bucket",
                    "HEAD,/scores-bucket,-,s3:ListBucket,arn:aws:s3:::scores-bucket",
                    "PUT,/scores-bucket,-,s3:CreateBucket,arn:aws:s3:::scores-bucket",
                    "GET,/,-,s3:ListAllMyBuckets,*"
                })
        @DisplayName("path-style requests name object and bucket actions")
        void pathStyle(String method, String path, String query, String action, String resource) {
            assertThat(of(Requests.rest(method, "us-east-1", "s3", path, query, null)))
                    .extracting(ActionRequest::action, ActionRequest::resource)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(action, resource));
        }

        @ParameterizedTest(name = "Host: {0}")
        @CsvSource({
            "scores-bucket.s3.us-east-1.amazonaws.com,/top.json,arn:aws:s3:::scores-bucket/top.json",
            "scores-bucket.s3.amazonaws.com,/,arn:aws:s3:::scores-bucket",
            "Scores.Bucket.localhost:4566,/a/b.json,arn:aws:s3:::Scores.Bucket/a/b.json",
            "127.0.0.1:4566,/scores-bucket/top.json,arn:aws:s3:::scores-bucket/top.json",
            "s3.us-east-1.amazonaws.com,/scores-bucket/top.json,arn:aws:s3:::scores-bucket/top.json"
        })
        @DisplayName("a virtual-hosted request takes its bucket from the Host header, a path-style one from the path")
        void virtualHosted(String host, String path, String resource) {
            AwsRequest r = new AwsRequest(
                    "GET", path, null, Map.of("Authorization", Requests.auth("us-east-1", "s3"), "host", host), null);
            assertThat(of(r)).extracting(ActionRequest::resource).containsExactly(resource);
        }

        @Test
        @DisplayName("ListBucket carries s3:prefix")
        void prefix() {
            assertThat(of(Requests.rest("GET", "us-east-1", "s3", "/b", "list-type=2&prefix=2026%2F", null))
                            .get(0)
                            .context())
                    .containsEntry("s3:prefix", List.of("2026/"));
        }

        @Test
        @DisplayName("CopyObject also reads the source object")
        void copy() {
            AwsRequest r = new AwsRequest(
                    "PUT",
                    "/dst/copy.json",
                    null,
                    Map.of("Authorization", Requests.auth("us-east-1", "s3"), "x-amz-copy-source", "src/orig.json"),
                    null);
            assertThat(of(r))
                    .containsExactly(
                            ActionRequest.of("s3:GetObject", "arn:aws:s3:::src/orig.json"),
                            ActionRequest.of("s3:PutObject", "arn:aws:s3:::dst/copy.json"));
        }

        @Test
        @DisplayName("DeleteObjects is s3:DeleteObject on each key")
        void deleteObjects() {
            assertThat(of(Requests.rest(
                            "POST",
                            "us-east-1",
                            "s3",
                            "/b",
                            "delete",
                            "<Delete><Object><Key>a</Key></Object><Object><Key>b&amp;c</Key></Object></Delete>")))
                    .containsExactly(
                            ActionRequest.of("s3:DeleteObject", "arn:aws:s3:::b/a"),
                            ActionRequest.of("s3:DeleteObject", "arn:aws:s3:::b/b&c"));
        }
    }

    @Test
    @DisplayName("EventBridge PutEvents is on each entry's event bus, the default bus when none is named")
    void events() {
        List<ActionRequest> a = of(Requests.json(
                "us-east-1",
                "events",
                "AWSEvents.PutEvents",
                "1.1",
                "{\"Entries\":[{\"Source\":\"arcade.scores\",\"DetailType\":\"ScoreSubmitted\",\"Detail\":\"{}\"},"
                        + "{\"Source\":\"arcade.scores\",\"EventBusName\":\"game-bus\",\"Detail\":\"{}\"}]}"));
        assertThat(a)
                .extracting(ActionRequest::resource)
                .containsExactly(
                        "arn:aws:events:us-east-1:" + ACCOUNT + ":event-bus/default",
                        "arn:aws:events:us-east-1:" + ACCOUNT + ":event-bus/game-bus");
        assertThat(a.get(0).context())
                .containsEntry("events:source", List.of("arcade.scores"))
                .containsEntry("events:detail-type", List.of("ScoreSubmitted"));
    }

    @Test
    @DisplayName("STS GetCallerIdentity needs no authorization at all")
    void getCallerIdentity() {
        assertThat(of(Requests.form("us-east-1", "sts", "Action=GetCallerIdentity&Version=2011-06-15")))
                .isEmpty();
        assertThat(of(Requests.form(
                        "us-east-1",
                        "sts",
                        "Action=AssumeRole&RoleArn=arn%3Aaws%3Aiam%3A%3A" + ACCOUNT
                                + "%3Arole%2FOther&RoleSessionName=s")))
                .containsExactly(ActionRequest.of("sts:AssumeRole", "arn:aws:iam::" + ACCOUNT + ":role/Other"));
    }

    @Test
    @DisplayName("an operation of a service this class does not model is service:Operation on *")
    void unknownService() {
        assertThat(of(Requests.form("us-east-1", "iam", "Action=ListRoles&Version=2010-05-08")))
                .containsExactly(ActionRequest.of("iam:ListRoles", "*"));
        assertThat(of(Requests.json("us-east-1", "kms", "TrentService.Decrypt", "1.1", "{}")))
                .containsExactly(ActionRequest.of("kms:Decrypt", "*"));
        assertThat(of(Requests.rest("GET", "us-east-1", "execute-api", "/prod/x", null, null)))
                .containsExactly(ActionRequest.of("execute-api:UnknownOperation", "*"));
    }
}
