package dev.arcade.kit;

import dev.arcade.kit.backend.Capability;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a test (or a test class) that can only be graded on a backend that really does these things.
 *
 * <p>On a backend without them the test is reported as not gradable, with the reason, instead of
 * passing on a fake or failing for a reason that is not the learner's.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface RequiresCapability {
    /** The capabilities the test needs, all of them. */
    Capability[] value();
}
