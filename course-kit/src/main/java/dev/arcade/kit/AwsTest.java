package dev.arcade.kit;

import dev.arcade.kit.internal.WorkshopExtension;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class against the workshop's AWS backend.
 *
 * <p>The backend (moto, LocalStack, Floci or a given endpoint, see {@code docs/backends.md}) is
 * started once per JVM and shared by every class. Test methods may declare parameters of these
 * types and receive them ready to use: the SDK clients {@code DynamoDbClient},
 * {@code DynamoDbStreamsClient}, {@code DynamoDbEnhancedClient}, {@code IamClient},
 * {@code StsClient}, {@code LambdaClient}, {@code CloudWatchClient}, {@code CloudWatchLogsClient},
 * {@code XRayClient}; and the kit's {@link SdkCalls}, {@link Faults}, {@link ResourceNames} and
 * {@link dev.arcade.kit.backend.Backend}.
 *
 * <p>Code under test may build its own clients with {@code DynamoDbClient.create()}: the kit points
 * the SDK's default endpoint, region and credentials at the same backend.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(WorkshopExtension.class)
@Tag("aws")
public @interface AwsTest {}
