package dev.arcade.kit.sdk;

import dev.arcade.kit.backend.Backend;
import dev.arcade.kit.backend.Endpoints;
import dev.arcade.kit.backend.Proxies;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Points the SDK's defaults at the backend, so that code under test which builds its clients with
 * {@code DynamoDbClient.create()} reaches the same emulator as the tests, with dummy credentials.
 *
 * <p>System properties come first in every SDK provider chain, so they shadow the user's
 * {@code AWS_*} variables. The service-specific endpoint properties are set too, because the SDK
 * ranks a service-specific environment variable ({@code AWS_ENDPOINT_URL_DYNAMODB}) above the
 * global property. The profile files are pointed at an empty file so that nothing is read from
 * {@code ~/.aws}, and instance metadata is switched off so nothing probes 169.254.169.254.
 *
 * <p>A proxy meant for the internet ({@code HTTP_PROXY}, {@code -Dhttp.proxyHost}) cannot reach an
 * emulator on this machine, so for a loopback backend {@link Proxies#bypassLoopback()} makes every
 * client connect to it directly, including the learner's.
 */
final class SdkDefaults {
    /** The SDK's endpoint properties, one per service the course uses (names as in SDK 2.57.8). */
    static final List<String> ENDPOINT_PROPERTIES = List.of(
            "aws.endpointUrl",
            "aws.endpointUrlDynamoDb",
            "aws.endpointUrlDynamoDbStreams",
            "aws.endpointUrlIam",
            "aws.endpointUrlSts",
            "aws.endpointUrlLambda",
            "aws.endpointUrlCloudWatch",
            "aws.endpointUrlCloudWatchLogs",
            "aws.endpointUrlXRay");

    private SdkDefaults() {}

    /** Sets the SDK's system properties for {@code backend}; returns what was set. */
    static Map<String, String> pointAt(Backend backend) {
        Map<String, String> props = new LinkedHashMap<>();
        for (String p : ENDPOINT_PROPERTIES) {
            props.put(p, backend.endpoint().toString());
        }
        props.put("aws.region", Backend.REGION);
        props.put("aws.accessKeyId", AwsClients.DUMMY_CREDENTIALS.accessKeyId());
        props.put("aws.secretAccessKey", AwsClients.DUMMY_CREDENTIALS.secretAccessKey());
        props.put("aws.sessionToken", "");
        String empty = emptyProfileFile().toString();
        props.put("aws.configFile", empty);
        props.put("aws.sharedCredentialsFile", empty);
        props.put("aws.profile", "workshop");
        props.put("aws.disableEc2Metadata", "true");
        // One HTTP client implementation for every client the learner builds: predictable and quick to start.
        props.put(
                "software.amazon.awssdk.http.service.impl",
                "software.amazon.awssdk.http.urlconnection.UrlConnectionSdkHttpService");
        if (Endpoints.isLoopback(backend.endpoint().getHost())) {
            Proxies.bypassLoopback();
        }
        props.forEach((k, v) -> {
            if (v.isEmpty()) {
                System.clearProperty(k);
            } else {
                System.setProperty(k, v);
            }
        });
        return props;
    }

    private static Path emptyProfileFile() {
        try {
            Path file = Files.createTempFile("workshop-aws-config-", ".ini");
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create an empty AWS config file", e);
        }
    }
}
