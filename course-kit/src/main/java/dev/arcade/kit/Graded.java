package dev.arcade.kit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A graded test: a JUnit test that counts {@link #points()} towards exercise {@link #exercise()}.
 *
 * <pre>{@code
 * @Graded(exercise = "1.3", points = 2)
 * @DisplayName("a lower score leaves the personal best untouched")
 * void lowerScoreKeepsTheBest(DynamoDbClient dynamo) { ... }
 * }</pre>
 *
 * <p>The exercise may be left out when the class carries {@link Exercise}. A test without this
 * annotation still runs, but it is not counted on the score board.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Test
@Tag("graded")
public @interface Graded {
    /** The exercise id, for example {@code "1.3"}; empty means the class's {@link Exercise}. */
    String exercise() default "";

    /** Points this test is worth; at least 1. */
    int points() default 1;
}
