/**
 * Triggers that push events to a function: the function policy that lets a service invoke it
 * ({@link dev.arcade.lambda.triggers.FunctionPolicy}), the events API Gateway, S3, EventBridge and
 * SNS send (the builders, each with the {@code SourceArn} and {@code SourceAccount} the service
 * presents), and what the client of API Gateway sees of the function's result ({@link
 * dev.arcade.lambda.triggers.ApiGatewayResponses}). Pure Java, no network: the runtime wires them.
 */
package dev.arcade.lambda.triggers;
