/**
 * The test API for Lambda functions: deployment packages ({@link dev.arcade.kit.lambda.FunctionPackage})
 * and the kit's Lambda runtime ({@link dev.arcade.lambda.LambdaRuntime}, a test parameter).
 */
package dev.arcade.kit.lambda;
