package dev.arcade.evaluators.iam;

import dev.arcade.evaluators.iam.PrincipalElement.GrantKind;
import dev.arcade.evaluators.iam.StatementMatch.Element;
import dev.arcade.evaluators.iam.StatementMatch.Miss;
import dev.arcade.evaluators.iam.internal.ArnPattern;
import dev.arcade.evaluators.iam.internal.ConditionClause;
import dev.arcade.evaluators.iam.internal.ContextKeys;
import dev.arcade.evaluators.iam.internal.PolicyTemplate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Matches statements against one request, element by element, as "IAM JSON policy elements
 * reference" describes each element: {@code Action}/{@code NotAction} (case-insensitive),
 * {@code Resource}/{@code NotResource} (ARN by ARN, after the policy variables of each ARN's
 * resource part, after its fifth colon, are resolved),
 * {@code Principal}/{@code NotPrincipal} and {@code Condition}.
 *
 * <p>It says what matched and why an element missed; what that means for the request is
 * {@link EvaluationLogic}'s business.
 */
final class StatementMatcher {
    private final RequestContext request;
    private final PolicySet policies;
    private final ContextKeys values;

    private StatementMatcher(RequestContext request, PolicySet policies) {
        this.request = request;
        this.policies = policies;
        this.values = request.values();
    }

    /**
     * Matches every statement of every policy against the request.
     *
     * @param request the request
     * @param policies the policies
     * @return one match per statement, in policy order and statement order
     */
    static List<StatementMatch> matchAll(RequestContext request, PolicySet policies) {
        StatementMatcher matcher = new StatementMatcher(request, policies);
        List<StatementMatch> matches = new ArrayList<>();
        for (PolicySet.Named named : policies.policies()) {
            for (PolicyStatement statement : named.document().statements()) {
                matches.add(matcher.match(named, statement));
            }
        }
        return List.copyOf(matches);
    }

    private StatementMatch match(PolicySet.Named policy, PolicyStatement statement) {
        List<Miss> misses = new ArrayList<>();
        actionMiss(statement).ifPresent(misses::add);
        resourceMiss(statement).ifPresent(misses::add);
        GrantKind grant = null;
        boolean boundaryQuirk = false;
        PrincipalElement principal = statement.principal();
        if (principal != null && statement.isNotPrincipal()) {
            boolean exempt = principal.exempts(request);
            boundaryQuirk = exempt && notPrincipalIgnoredForBoundary(statement);
            if (exempt && !boundaryQuirk) {
                misses.add(new Miss(
                        Element.PRINCIPAL, "the caller is exempted by NotPrincipal " + principal.compactJson()));
            }
            grant = GrantKind.EVERYONE;
        } else if (principal != null) {
            grant = principal.match(request);
            if (grant == null) {
                misses.add(new Miss(
                        Element.PRINCIPAL,
                        request.describePrincipal() + " is not named in Principal " + principal.compactJson()));
            }
        }
        for (ConditionClause clause : statement.conditions()) {
            ConditionClause.Result result = clause.evaluate(values);
            if (!result.satisfied()) {
                misses.add(new Miss(Element.CONDITION, result.reason()));
            }
        }
        return new StatementMatch(policy, statement, List.copyOf(misses), grant, boundaryQuirk);
    }

    /**
     * "Permissions boundaries for IAM entities": a Deny with NotPrincipal always denies an IAM
     * user or role that has a permissions boundary, whatever NotPrincipal lists.
     */
    private boolean notPrincipalIgnoredForBoundary(PolicyStatement statement) {
        return statement.effect() == PolicyStatement.Effect.DENY && policies.hasPermissionsBoundary() && isIamEntity();
    }

    private boolean isIamEntity() {
        return switch (request.principalType()) {
            case IAM_USER, ROLE, ROLE_SESSION -> true;
            default -> false;
        };
    }

    private Optional<Miss> actionMiss(PolicyStatement statement) {
        boolean listed = statement.actionPatterns().stream().anyMatch(p -> p.matchesIgnoreCase(request.action()));
        if (statement.isNotAction()) {
            return listed
                    ? miss(
                            Element.ACTION,
                            "action " + request.action() + " is excluded by NotAction " + statement.actions())
                    : Optional.empty();
        }
        return listed
                ? Optional.empty()
                : miss(
                        Element.ACTION,
                        "action " + request.action() + " is not covered by Action " + statement.actions());
    }

    private Optional<Miss> resourceMiss(PolicyStatement statement) {
        if (!statement.hasResourceElement()) {
            return Optional.empty();
        }
        boolean listed = false;
        List<String> unresolved = new ArrayList<>();
        for (PolicyTemplate template : statement.resourceTemplates()) {
            Optional<ArnPattern> pattern = template.resolvePattern(values::variable);
            if (template.hasVariableOutsideResourcePart()) {
                unresolved.add("\"" + template.source() + "\" has a policy variable before the fifth colon, which"
                        + " IAM does not substitute: variables work only in the resource part of the ARN");
            }
            if (pattern.isEmpty()) {
                unresolved.add("\"" + template.source() + "\" matches nothing because "
                        + String.join(", ", template.unresolved(values::variable)) + " has no value in this request");
            } else if (pattern.get().matchesArn(request.resource())) {
                listed = true;
            }
        }
        String note = unresolved.isEmpty() ? "" : " (" + String.join("; ", unresolved) + ")";
        if (statement.isNotResource()) {
            return listed
                    ? miss(
                            Element.RESOURCE,
                            "resource " + request.resource() + " is excluded by NotResource " + statement.resources())
                    : Optional.empty();
        }
        return listed
                ? Optional.empty()
                : miss(
                        Element.RESOURCE,
                        "resource " + request.resource() + " does not match Resource " + statement.resources() + note);
    }

    private static Optional<Miss> miss(Element element, String reason) {
        return Optional.of(new Miss(element, reason));
    }
}
