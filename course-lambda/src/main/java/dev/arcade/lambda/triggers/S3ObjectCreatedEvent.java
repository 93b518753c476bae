package dev.arcade.lambda.triggers;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import java.util.Random;

/**
 * The {@code ObjectCreated:Put} notification Amazon S3 sends to a function: one record with {@code
 * eventVersion} 2.1, {@code eventSource} {@code aws:s3}, {@code awsRegion}, {@code eventTime},
 * {@code eventName}, {@code userIdentity}, {@code requestParameters.sourceIPAddress}, {@code
 * responseElements} ({@code x-amz-request-id}, {@code x-amz-id-2}) and {@code s3} ({@code
 * configurationId}, {@code bucket.name}/{@code ownerIdentity}/{@code arn}, {@code object.key}/{@code
 * size}/{@code eTag}/{@code sequencer}).
 *
 * <p>Follows the Amazon S3 User Guide, "Event message structure" (the key "is URL encoded"), and
 * the AWS Lambda Developer Guide, "Process Amazon S3 event notifications with Lambda". The key is
 * form-encoded as S3 writes it (a space becomes {@code +}, {@code /} stays): the kit's reading of
 * S3's samples, such as {@code HappyFace.jpg} and {@code test%2Fkey} being written {@code test/key}.
 *
 * <p>Source ARN: the bucket's, {@code arn:aws:s3:::BUCKET}; source account: the bucket owner's.
 */
public final class S3ObjectCreatedEvent implements TriggerEvent {

    /** The service principal of Amazon S3. */
    public static final String PRINCIPAL = "s3.amazonaws.com";

    private final Builder b;
    private final ObjectNode json;
    private final String sourceArn;
    private final String sourceAccount;
    private final String requestId;
    private final String id2;
    private final String sequencer;
    private final String eTag;

    private S3ObjectCreatedEvent(Builder b) {
        this.b = b;
        this.requestId = Events.hex(b.random, 16, true);
        this.id2 = Events.base64(b.random, 48);
        this.sequencer = "00" + Events.hex(b.random, 16, true);
        this.eTag = b.eTag != null ? b.eTag : Events.hex(b.random, 32, false);
        this.sourceArn = renderSourceArn();
        this.sourceAccount = renderSourceAccount();
        this.json = render(); // rendered now: the builder may change afterwards
    }

    /**
     * Starts an event.
     *
     * @return a builder with realistic defaults (us-east-1, account 123456789012, bucket {@code
     *     amzn-s3-demo-bucket}, key {@code test/key}, 1024 bytes)
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The key as S3 writes it in the event: URL-encoded, slashes kept.
     *
     * @param key the object key
     * @return the encoded key
     */
    public static String encodeKey(String key) {
        return URLEncoder.encode(key, StandardCharsets.UTF_8).replace("%2F", "/");
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
        return "arn:aws:s3:::" + b.bucket;
    }

    private String renderSourceAccount() {
        return b.account;
    }

    private ObjectNode render() {
        ObjectNode e = Events.MAPPER.createObjectNode();
        ObjectNode r = e.putArray("Records").addObject();
        r.put("eventVersion", "2.1");
        r.put("eventSource", "aws:s3");
        r.put("awsRegion", b.region);
        r.put("eventTime", Events.ISO_MILLIS.format(b.time));
        r.put("eventName", "ObjectCreated:Put");
        r.putObject("userIdentity").put("principalId", b.principalId);
        r.putObject("requestParameters").put("sourceIPAddress", b.sourceIp);
        ObjectNode response = r.putObject("responseElements");
        response.put("x-amz-request-id", requestId);
        response.put("x-amz-id-2", id2);
        ObjectNode s3 = r.putObject("s3");
        s3.put("s3SchemaVersion", "1.0");
        s3.put("configurationId", b.configurationId);
        ObjectNode bucket = s3.putObject("bucket");
        bucket.put("name", b.bucket);
        bucket.putObject("ownerIdentity").put("principalId", b.ownerId);
        bucket.put("arn", sourceArn());
        ObjectNode object = s3.putObject("object");
        object.put("key", encodeKey(b.key));
        object.put("size", b.size);
        object.put("eTag", eTag);
        object.put("sequencer", sequencer);
        return e;
    }

    /** Builds an {@link S3ObjectCreatedEvent}. */
    public static final class Builder {
        private String region = "us-east-1";
        private String account = "123456789012";
        private String bucket = "amzn-s3-demo-bucket";
        private String key = "test/key";
        private long size = 1024;
        private String eTag;
        private String principalId = "AWS:AIDAINPONIXQXHT3IKHL2";
        private String ownerId = "A3I5XTEXAMAI3E";
        private String sourceIp = "205.255.255.255";
        private String configurationId = "lambda-trigger";
        private Instant time = Instant.now();
        private Random random = new Random();

        private Builder() {}

        /** @param region the bucket's Region @return this builder */
        public Builder region(String region) {
            this.region = Objects.requireNonNull(region);
            return this;
        }

        /** @param account the bucket owner's account @return this builder */
        public Builder account(String account) {
            Events.requireAccount(account);
            this.account = account;
            return this;
        }

        /** @param bucket the bucket name @return this builder */
        public Builder bucket(String bucket) {
            this.bucket = Objects.requireNonNull(bucket);
            return this;
        }

        /** @param key the object key, as stored (not encoded) @return this builder */
        public Builder key(String key) {
            this.key = Objects.requireNonNull(key);
            return this;
        }

        /** @param size the object's size in bytes @return this builder */
        public Builder size(long size) {
            this.size = size;
            return this;
        }

        /** @param eTag the object's ETag, without quotes @return this builder */
        public Builder eTag(String eTag) {
            this.eTag = eTag;
            return this;
        }

        /** @param principalId who wrote the object, {@code userIdentity.principalId} @return this builder */
        public Builder principalId(String principalId) {
            this.principalId = principalId;
            return this;
        }

        /** @param configurationId the notification configuration's id @return this builder */
        public Builder configurationId(String configurationId) {
            this.configurationId = configurationId;
            return this;
        }

        /** @param time when the object was written @return this builder */
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
        public S3ObjectCreatedEvent build() {
            return new S3ObjectCreatedEvent(this);
        }
    }
}
