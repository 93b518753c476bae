package dev.arcade.kit.backend;

import dev.arcade.kit.sdk.JvmState;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Run by {@link SafetyTest} in a JVM whose environment holds real-looking AWS settings. */
public final class SafetyProbe {
    public static void main(String[] args) {
        JvmState.backend();
        AwsCredentials creds = DefaultCredentialsProvider.builder().build().resolveCredentials();
        System.out.println("ACCESS_KEY=" + creds.accessKeyId());
        System.out.println("REGION=" + new DefaultAwsRegionProviderChain().getRegion());
        try (DynamoDbClient learner = DynamoDbClient.create()) {
            learner.listTables();
            System.out.println("LEARNER_CLIENT=reached " + JvmState.backend().endpoint());
        } catch (RuntimeException e) {
            System.out.println("LEARNER_CLIENT=failed " + e);
        }
        // .invalid never resolves (RFC 6761): if the guard let this through, nothing could answer anyway.
        try (DynamoDbClient rogue = DynamoDbClient.builder()
                .endpointOverride(URI.create("https://dynamodb.example.invalid"))
                .build()) {
            long t0 = System.nanoTime();
            rogue.listTables();
            System.out.println("ROGUE=reached");
        } catch (RuntimeException e) {
            System.out.println("ROGUE=" + e.getMessage());
        }
        System.exit(0);
    }
}
