/**
 * The course's Lambda runtime: deployed functions run without Docker, the way the Java runtime runs
 * them, under their execution role, reached by triggers only as their function policy allows. See
 * docs/kit.md, "Running Lambda functions".
 */
package dev.arcade.lambda;
