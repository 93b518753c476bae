package dev.arcade.kit.lambda.demo;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;

/** Demo functions that answer with the event the runtime deserialized, field by field (toString). */
public final class EventDescribers {
    private EventDescribers() {}

    public static class ApiRest implements RequestHandler<APIGatewayProxyRequestEvent, String> {
        @Override
        public String handleRequest(APIGatewayProxyRequestEvent event, Context context) {
            return event.toString();
        }
    }

    public static class HttpApi implements RequestHandler<APIGatewayV2HTTPEvent, String> {
        @Override
        public String handleRequest(APIGatewayV2HTTPEvent event, Context context) {
            return event.toString();
        }
    }

    public static class S3 implements RequestHandler<S3Event, String> {
        @Override
        public String handleRequest(S3Event event, Context context) {
            return describe(event);
        }

        /** S3's records have no toString: every field a function reads, in order. */
        public static String describe(S3Event event) {
            StringBuilder text = new StringBuilder();
            for (var r : event.getRecords()) {
                text.append(String.join(
                                "|",
                                r.getEventName(),
                                r.getEventSource(),
                                r.getAwsRegion(),
                                String.valueOf(r.getEventTime()),
                                r.getS3().getBucket().getName(),
                                r.getS3().getBucket().getArn(),
                                r.getS3().getObject().getKey(),
                                r.getS3().getObject().getUrlDecodedKey(),
                                String.valueOf(r.getS3().getObject().getSizeAsLong()),
                                String.valueOf(r.getS3().getObject().geteTag()),
                                r.getS3().getObject().getSequencer(),
                                r.getUserIdentity().getPrincipalId(),
                                r.getRequestParameters().getSourceIPAddress()))
                        .append('\n');
            }
            return text.toString();
        }
    }

    public static class Scheduled implements RequestHandler<ScheduledEvent, String> {
        @Override
        public String handleRequest(ScheduledEvent event, Context context) {
            return event.toString();
        }
    }

    public static class Sns implements RequestHandler<SNSEvent, String> {
        @Override
        public String handleRequest(SNSEvent event, Context context) {
            return event.toString();
        }
    }

    public static class Sqs implements RequestHandler<SQSEvent, String> {
        @Override
        public String handleRequest(SQSEvent event, Context context) {
            return event.toString();
        }
    }

    public static class Dynamo implements RequestHandler<DynamodbEvent, String> {
        @Override
        public String handleRequest(DynamodbEvent event, Context context) {
            return event.toString();
        }
    }
}
