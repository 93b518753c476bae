package dev.arcade.kit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Asks for a client to give to the code under test, rather than the kit's grading client.
 *
 * <pre>{@code
 * void bestScoreWins(@CodeUnderTest DynamoDbClient forLearner, DynamoDbClient kit, ApiCalls calls) {
 *     new ScoreRepository(forLearner, table).submit(...);   // recorded, faults apply, SDK retries on
 *     kit.getItem(...);                                      // the test's own check: never recorded
 * }
 * }</pre>
 *
 * <p>Such a client is configured as {@code XxxClient.create()} would be (the SDK's default retry
 * policy) and its calls are recorded in {@link dev.arcade.kit.sdk.ApiCalls} and subject to the
 * {@link dev.arcade.kit.sdk.FaultPlan}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface CodeUnderTest {}
