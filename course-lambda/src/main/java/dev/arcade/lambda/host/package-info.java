/**
 * What runs inside an execution environment's JVM: the Java runtime interface client's own handler
 * loading, serialization and runtime loop ({@code AWSLambda}), with a pure-Java client of the Lambda
 * Runtime API in place of its Linux-only native one. Nothing here may use the AWS SDK or the rest of
 * the kit: the environment's class path is this package, aws-lambda-java-core, the runtime interface
 * client and its serialization library, as on AWS, so a class missing from a function's package fails
 * as it does on AWS.
 */
package dev.arcade.lambda.host;
