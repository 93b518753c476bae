/**
 * An IAM policy evaluator for grading least-privilege exercises without AWS.
 *
 * <p>No free AWS emulator evaluates IAM policies faithfully (moto checks actions only and ignores
 * resource ARNs, conditions and boundaries), so the course decides whether a learner's policy
 * allows or denies a request with {@link dev.arcade.evaluators.iam.PolicyEvaluator}, which follows the
 * documented evaluation logic of the IAM User Guide for requests within one account, and the basic
 * rule of "Cross-account policy evaluation logic" (both accounts must allow) for requests to a
 * resource in another account.
 *
 * <pre>{@code
 * PolicyDocument policy = PolicyDocument.parse(json);
 * Decision decision = PolicyEvaluator.evaluate(
 *     RequestContext.builder()
 *         .principalArn("arn:aws:sts::123456789012:assumed-role/OrdersFn/run")
 *         .action("dynamodb:Scan")
 *         .resource("arn:aws:dynamodb:us-east-1:123456789012:table/Orders")
 *         .build(),
 *     PolicySet.builder().identityPolicy("OrdersFnPolicy", policy).build());
 * assertThat(decision.allowed()).as(decision.explanation()).isFalse();
 * }</pre>
 *
 * <p>The public types are the inputs ({@link dev.arcade.evaluators.iam.PolicyDocument},
 * {@link dev.arcade.evaluators.iam.PolicySet}, {@link dev.arcade.evaluators.iam.RequestContext}) and
 * the result ({@link dev.arcade.evaluators.iam.Decision}). Inside, parsing, deciding and explaining
 * are separate classes: {@code PolicyDocument}, {@code PolicyStatement}, {@code PrincipalElement}
 * and {@code PrincipalArn} parse; {@code StatementMatcher} and {@code EvaluationLogic} decide;
 * {@code DecisionExplainer} explains. {@code docs/design/evaluators.md} describes the shape.
 *
 * <p>Deliberately not modelled: AWS Organizations service and resource control policies, anything
 * about another account beyond the basic rule that both accounts must allow, ACLs, VPC endpoint
 * policies, session tags, permissions granted by service-linked roles, and the per-service lists of
 * which condition keys exist for which action (the caller supplies the request context).
 */
package dev.arcade.evaluators.iam;
