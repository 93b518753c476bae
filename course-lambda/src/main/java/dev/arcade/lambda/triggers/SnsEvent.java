package dev.arcade.lambda.triggers;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Random;

/**
 * The event Amazon SNS sends to a subscribed function: one record with {@code EventSource} {@code
 * aws:sns}, {@code EventVersion} 1.0, {@code EventSubscriptionArn}, and {@code Sns} ({@code Type}
 * Notification, {@code MessageId}, {@code TopicArn}, {@code Subject}, {@code Message}, {@code
 * Timestamp}, {@code SignatureVersion}, {@code Signature}, {@code SigningCertUrl}, {@code
 * UnsubscribeUrl}, {@code MessageAttributes}).
 *
 * <p>Follows the AWS Lambda Developer Guide, "Using Lambda with Amazon SNS" (the example event),
 * and the shape of aws-lambda-java-events' {@code SNSEvent}. The signature is random bytes: no
 * function can verify it (the kit's choice; a real one needs SNS's key).
 *
 * <p>Source ARN: the topic's; source account: the topic owner's (the fifth field of the ARN).
 */
public final class SnsEvent implements TriggerEvent {

    /** The service principal of Amazon SNS. */
    public static final String PRINCIPAL = "sns.amazonaws.com";

    private final Builder b;
    private final ObjectNode json;
    private final String sourceArn;
    private final String sourceAccount;
    private final String messageId;
    private final String subscriptionId;
    private final String signature;

    private SnsEvent(Builder b) {
        this.b = b;
        this.messageId = Events.uuid(b.random);
        this.subscriptionId = Events.uuid(b.random);
        this.signature = Events.base64(b.random, 256);
        this.sourceArn = renderSourceArn();
        this.sourceAccount = renderSourceAccount();
        this.json = render(); // rendered now: the builder may change afterwards
    }

    /**
     * Starts an event.
     *
     * @param topicArn the topic, {@code arn:aws:sns:REGION:ACCOUNT:NAME}
     * @return a builder
     * @throws IllegalArgumentException when it is not a topic ARN
     */
    public static Builder builder(String topicArn) {
        return new Builder(topicArn);
    }

    private String region() {
        return b.topicArn.split(":")[3];
    }

    @Override
    public String sourceArn() {
        return sourceArn;
    }

    @Override
    public String sourceAccount() {
        return sourceAccount;
    }

    @Override
    public ObjectNode toJson() {
        return json.deepCopy();
    }

    @Override
    public String servicePrincipal() {
        return PRINCIPAL;
    }

    private String renderSourceArn() {
        return b.topicArn;
    }

    private String renderSourceAccount() {
        return b.topicArn.split(":")[4];
    }

    /**
     * The message id.
     *
     * @return a UUID
     */
    public String messageId() {
        return messageId;
    }

    private ObjectNode render() {
        ObjectNode e = Events.MAPPER.createObjectNode();
        ObjectNode r = e.putArray("Records").addObject();
        String subscription = b.topicArn + ":" + subscriptionId;
        r.put("EventVersion", "1.0");
        r.put("EventSubscriptionArn", subscription);
        r.put("EventSource", "aws:sns");
        ObjectNode sns = r.putObject("Sns");
        sns.put("SignatureVersion", "1");
        sns.put("Timestamp", Events.ISO_MILLIS.format(b.time));
        sns.put("Signature", signature);
        sns.put(
                "SigningCertUrl",
                "https://sns." + region() + ".amazonaws.com/SimpleNotificationService-"
                        + Events.hex(b.random, 32, false) + ".pem");
        sns.put("MessageId", messageId);
        sns.put("Message", b.message);
        ObjectNode attributes = sns.putObject("MessageAttributes");
        b.attributes.forEach((k, v) -> {
            ObjectNode a = attributes.putObject(k);
            a.put("Type", v[0]);
            a.put("Value", v[1]);
        });
        sns.put("Type", "Notification");
        sns.put(
                "UnsubscribeUrl",
                "https://sns." + region() + ".amazonaws.com/?Action=Unsubscribe&SubscriptionArn=" + subscription);
        sns.put("TopicArn", b.topicArn);
        if (b.subject == null) {
            sns.putNull("Subject");
        } else {
            sns.put("Subject", b.subject);
        }
        return e;
    }

    /** Builds an {@link SnsEvent}. */
    public static final class Builder {
        private final String topicArn;
        private String message = "Hello from SNS!";
        private String subject;
        private final Map<String, String[]> attributes = new LinkedHashMap<>();
        private Instant time = Instant.now();
        private Random random = new Random();

        private Builder(String topicArn) {
            if (topicArn == null
                    || !topicArn.matches("arn:aws[a-z-]*:sns:[a-z0-9-]+:\\d{12}:[A-Za-z0-9_-]{1,256}(\\.fifo)?")) {
                throw new IllegalArgumentException("not a topic ARN (arn:aws:sns:REGION:ACCOUNT:NAME): " + topicArn);
            }
            this.topicArn = topicArn;
        }

        /** @param message the message text @return this builder */
        public Builder message(String message) {
            this.message = Objects.requireNonNull(message);
            return this;
        }

        /** @param subject the subject, or null for none @return this builder */
        public Builder subject(String subject) {
            this.subject = subject;
            return this;
        }

        /**
         * A message attribute.
         *
         * @param name its name
         * @param type {@code String}, {@code Number} or {@code Binary}
         * @param value its value
         * @return this builder
         */
        public Builder attribute(String name, String type, String value) {
            attributes.put(name, new String[] {type, value});
            return this;
        }

        /** @param time when SNS published @return this builder */
        public Builder time(Instant time) {
            this.time = Objects.requireNonNull(time);
            return this;
        }

        /** @param random the source of generated ids @return this builder */
        public Builder random(Random random) {
            this.random = Objects.requireNonNull(random);
            return this;
        }

        /** @return the event */
        public SnsEvent build() {
            return new SnsEvent(this);
        }
    }
}
