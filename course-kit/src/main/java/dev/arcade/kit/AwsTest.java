package dev.arcade.kit;

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
 * {@code XRayClient}; the kit's {@link dev.arcade.kit.sdk.AwsClients},
 * {@link dev.arcade.kit.sdk.ApiCalls}, {@link dev.arcade.kit.sdk.FaultPlan}, {@link ResourceNames},
 * {@link dev.arcade.kit.backend.Backend}; and a {@link Learner} bound to the test's exercise.
 *
 * <p>A graded test's failure message ends with the pointer to its exercise's hints
 * ({@code (hint: ./workshop hint 1.3)}), added by the extension when the message has none.
 *
 * <p>Code under test may build its own clients with {@code DynamoDbClient.create()}: the kit points
 * the SDK's default endpoint, region and credentials at the same backend.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(AwsTestExtension.class)
@Tag("aws")
public @interface AwsTest {}
