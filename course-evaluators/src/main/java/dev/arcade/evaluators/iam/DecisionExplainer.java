package dev.arcade.evaluators.iam;

import dev.arcade.evaluators.iam.Evaluation.Allows;
import dev.arcade.evaluators.iam.PrincipalElement.GrantKind;
import dev.arcade.evaluators.iam.StatementMatch.Element;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The explanation step of the IAM evaluator: turns an {@link Evaluation} into the text of
 * {@link Decision#explanation()}. An allow or explicit deny names the deciding statements and quotes
 * them; an implicit deny says why nothing allowed, lists every statement considered, and quotes the
 * Allow statement that came closest. It decides nothing: every fact it states is in the evaluation.
 */
final class DecisionExplainer {

    /** How deep quoted statement JSON is indented under the sentence that introduces it. */
    private static final String INDENT = "    ";

    private final Evaluation evaluation;
    private final RequestContext request;
    private final PolicySet policies;
    private final Allows allows;

    private DecisionExplainer(Evaluation evaluation) {
        this.evaluation = evaluation;
        this.request = evaluation.request();
        this.policies = evaluation.policies();
        this.allows = evaluation.allows();
    }

    /**
     * Explains an evaluation.
     *
     * @param evaluation what the evaluation logic concluded
     * @return the multi-line explanation
     */
    static String explain(Evaluation evaluation) {
        DecisionExplainer explainer = new DecisionExplainer(evaluation);
        return switch (evaluation.rule()) {
            case EXPLICIT_DENY -> explainer.explicitDeny();
            case IDENTITY_ALLOW -> explainer.allowedByCallerSide();
            case RESOURCE_GRANT -> explainer.grantedByResourcePolicy();
            case IMPLICIT_DENY -> explainer.implicitDeny();
        };
    }

    // ---------------------------------------------------------------- explicit deny

    private String explicitDeny() {
        StringBuilder out = new StringBuilder();
        out.append("DENIED (explicit deny): ")
                .append(capitalize(request.describePrincipal()))
                .append(" may not ")
                .append(call())
                .append(".\n");
        for (StatementMatch deny : evaluation.deciding()) {
            out.append("\nDenied by ").append(where(deny)).append(":\n");
            out.append(indent(deny.statement().json())).append('\n');
            if (deny.boundaryOverridesNotPrincipal()) {
                out.append("Note: NotPrincipal with Deny always denies a principal that has a permissions boundary,"
                        + " whatever NotPrincipal lists (IAM User Guide, \"Permissions boundaries for IAM"
                        + " entities\"); use ArnNotEquals on aws:PrincipalArn instead.\n");
            }
        }
        out.append("\nAn explicit Deny in any policy overrides every Allow (IAM User Guide, \"Policy evaluation"
                + " logic\").");
        List<StatementMatch> overridden =
                evaluation.matches().stream().filter(StatementMatch::allows).toList();
        if (!overridden.isEmpty()) {
            out.append("\nThe Deny overrides these statements, which would otherwise allow it: ")
                    .append(String.join(
                            "; ",
                            overridden.stream().map(DecisionExplainer::where).toList()))
                    .append('.');
        }
        return out.toString();
    }

    // ---------------------------------------------------------------- allow

    private String allowedByCallerSide() {
        List<StatementMatch> deciding = evaluation.deciding();
        StringBuilder out = allowedHeader();
        if (allows.root() && deciding.stream().noneMatch(m -> m.kind() == PolicyKind.IDENTITY)) {
            out.append("\nThe account root user has full access to its account unless an explicit Deny applies"
                    + " (IAM User Guide, \"Policy evaluation logic\").\n");
        }
        for (StatementMatch match : deciding) {
            String intro = switch (match.kind()) {
                case IDENTITY -> "Allowed by ";
                case PERMISSIONS_BOUNDARY -> "The permissions boundary also allows it: ";
                case SESSION -> "A session policy also allows it: ";
                case RESOURCE ->
                    allows.crossAccount()
                            ? "The resource's account allows it too, as a cross-account request needs: "
                            : "The role's trust policy allows the caller too: ";
            };
            out.append('\n').append(intro).append(where(match)).append(":\n");
            out.append(indent(match.statement().json())).append('\n');
        }
        out.append("\nNo statement in any policy denies it.");
        return out.toString();
    }

    private String grantedByResourcePolicy() {
        List<StatementMatch> grants = evaluation.deciding().stream()
                .filter(m -> m.kind() == PolicyKind.RESOURCE)
                .toList();
        GrantKind grant = grants.get(0).grant();
        StringBuilder out = allowedHeader();
        for (StatementMatch match : grants) {
            out.append("\nAllowed by ")
                    .append(where(match))
                    .append(", whose principal names ")
                    .append(grant.description())
                    .append(":\n");
            out.append(indent(match.statement().json())).append('\n');
        }
        out.append('\n')
                .append(
                        switch (grant) {
                            case ROLE ->
                                "A resource-based policy that names a role ARN grants access without the role's"
                                        + " identity-based policies, but stays within the role's permissions boundary and session"
                                        + " policies, which allow it here";
                            case USER ->
                                "Within one account, a resource-based policy that names an IAM user grants access on its"
                                        + " own, whatever the user's identity-based policies and permissions boundary say";
                            case SESSION ->
                                "A resource-based policy that names the session ARN grants access on its own: neither"
                                        + " the identity-based policies nor the permissions boundary or session policies limit it";
                            case SERVICE ->
                                "A resource-based policy that names a service principal grants that service access";
                            case FEDERATED ->
                                "A trust policy that names the identity provider lets its users call this action";
                            default -> "A resource-based policy whose Principal is \"*\" grants access to every caller";
                        });
        out.append(" (IAM User Guide, \"Identity-based policies and resource-based policies\").");
        out.append("\nNo statement in any policy denies it.");
        return out.toString();
    }

    private StringBuilder allowedHeader() {
        return new StringBuilder()
                .append("ALLOWED: ")
                .append(capitalize(request.describePrincipal()))
                .append(" may ")
                .append(call())
                .append(".\n");
    }

    // ---------------------------------------------------------------- implicit deny

    private String implicitDeny() {
        StringBuilder out = new StringBuilder();
        out.append("DENIED (implicit deny): ")
                .append(capitalize(request.describePrincipal()))
                .append(" may not ")
                .append(call())
                .append(".\n\n");
        for (String reason : denialReasons()) {
            out.append(reason).append('\n');
        }
        appendPoliciesConsidered(out);
        closest().ifPresent(closest -> appendClosest(out, closest));
        return out.toString().stripTrailing();
    }

    /** Why nothing allowed, most specific first; when nothing specific applies, what came nearest. */
    private List<String> denialReasons() {
        List<String> reasons = new ArrayList<>();
        outsideBoundary().ifPresent(reasons::add);
        outsideSessionPolicies().ifPresent(reasons::add);
        crossAccount().ifPresent(reasons::add);
        trustPolicyMissing().ifPresent(reasons::add);
        reasons.addAll(limitedResourceGrants());
        if (reasons.isEmpty()) {
            reasons.add(nothingAllows());
        }
        return reasons;
    }

    private Optional<String> outsideBoundary() {
        if (!allows.identitySide() || allows.withinBoundary()) {
            return Optional.empty();
        }
        return Optional.of(identityAllowText() + ", but the permissions boundary "
                + quoteNames(PolicyKind.PERMISSIONS_BOUNDARY) + " does not. A permissions boundary sets the"
                + " maximum permissions: the request must be allowed by both the identity-based policies and"
                + " the boundary (IAM User Guide, \"Permissions boundaries for IAM entities\").");
    }

    private Optional<String> outsideSessionPolicies() {
        if (!allows.identitySide() || allows.withinSessionPolicies()) {
            return Optional.empty();
        }
        if (!policies.hasSessionPolicies()) {
            return Optional.of(identityAllowText() + ", but no session policy was passed, and a federated user"
                    + " session from GetFederationToken without a session policy has no permissions: its"
                    + " permissions are the intersection of the IAM user's policies and the session policies. Pass"
                    + " a session policy, or name the federated user's ARN (" + request.principalArn() + ") in a"
                    + " resource-based policy (IAM User Guide, \"Permissions for GetFederationToken\").");
        }
        return Optional.of(identityAllowText() + ", but no session policy ("
                + quoteNames(PolicyKind.SESSION) + ") does. A session's permissions are the intersection of"
                + " the identity-based policies and the session policies (IAM User Guide, \"Session policies\").");
    }

    private Optional<String> crossAccount() {
        if (!allows.crossAccount()) {
            return Optional.empty();
        }
        boolean callerSide = allows.identitySide() && allows.withinBoundary() && allows.withinSessionPolicies();
        return Optional.of("This is a cross-account request: the caller is in account " + request.account()
                + " and the resource in account " + allows.resourceAccount() + ". It must be allowed both by the"
                + " caller's identity-based policies (within any permissions boundary and session policies) and by"
                + " the resource-based policy in the resource's account (IAM User Guide, \"Cross-account policy"
                + " evaluation logic\"). "
                + (callerSide
                        ? "The caller's side allows it, but no resource-based policy does."
                        : allows.resource().isEmpty()
                                ? "Neither side allows it."
                                : "The resource-based policy allows it, but the caller's side does not."));
    }

    private Optional<String> trustPolicyMissing() {
        if (allows.crossAccount()
                || !allows.identitySide()
                || !allows.withinBoundary()
                || !allows.withinSessionPolicies()
                || !allows.trustPolicyRequired()
                || !allows.resource().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(identityAllowText() + ", but the role's trust policy does not allow this caller."
                + " To assume a role, the role's trust policy must allow the caller as well (IAM User Guide,"
                + " \"Policy evaluation logic\": role trust policies are the exception to \"either policy is"
                + " enough\").");
    }

    /** The resource-based statements that name the caller but do not grant on their own, and why. */
    private List<String> limitedResourceGrants() {
        List<String> reasons = new ArrayList<>();
        for (StatementMatch match : allows.crossAccount() ? List.<StatementMatch>of() : allows.resource()) {
            switch (match.grant()) {
                case ACCOUNT ->
                    reasons.add(capitalize(where(match)) + " allows it for the caller's whole account ("
                            + request.account() + "). Naming the account delegates to IAM: the caller's own"
                            + " identity-based policy must allow " + request.action() + " as well"
                            + (allows.trustPolicyRequired() ? " (pass the caller's policies to canAssume)" : "")
                            + ", and none does.");
                case ROLE ->
                    reasons.add(capitalize(where(match)) + " names the ARN of the caller's role. Such a grant"
                            + " stays within the role's permissions boundary and session policies"
                            + (!allows.withinBoundary()
                                    ? ", and the permissions boundary " + quoteNames(PolicyKind.PERMISSIONS_BOUNDARY)
                                            + " does not allow it"
                                    : "")
                            + (!allows.withinSessionPolicies() ? ", and no session policy allows it" : "")
                            + ". A grant to the session ARN (" + sessionArnExample() + ") would not be limited.");
                case USER ->
                    reasons.add(capitalize(where(match)) + " names the caller's IAM user ARN, but no"
                            + " session policy allows it, and session policies limit such a grant (IAM User Guide,"
                            + " \"Session policies\").");
                default -> {
                    // Every other grant stands on its own and would have allowed the request.
                }
            }
        }
        return reasons;
    }

    private String nothingAllows() {
        if (policies.isEmpty()) {
            return "No policies apply to this request, and without an Allow every request is implicitly"
                    + " denied (IAM User Guide, \"Policy evaluation logic\").";
        }
        Optional<StatementMatch> near = closest();
        boolean onlyConditions =
                near.isPresent() && near.get().misses().stream().allMatch(m -> m.element() == Element.CONDITION);
        if (onlyConditions) {
            return capitalize(where(near.get())) + " covers " + request.action() + " on " + request.resource()
                    + ", but its conditions do not hold for this request (see below).";
        }
        return "No statement in any policy allows " + request.action() + " on " + request.resource() + ".";
    }

    private void appendPoliciesConsidered(StringBuilder out) {
        out.append("\nPolicies considered:\n");
        if (policies.isEmpty()) {
            out.append("  (none)\n");
        }
        for (PolicySet.Named named : policies.policies()) {
            out.append("  ")
                    .append(named.kind().label())
                    .append(" \"")
                    .append(named.name())
                    .append("\":\n");
            for (StatementMatch match : evaluation.matches()) {
                if (match.policy() != named) {
                    continue;
                }
                out.append("    - ")
                        .append(match.statement().label())
                        .append(": ")
                        .append(match.statement().summary())
                        .append(" -- ");
                out.append(match.applies() ? "applies" : "does not apply: " + String.join("; ", match.reasons()));
                out.append('\n');
            }
        }
    }

    private static void appendClosest(StringBuilder out, StatementMatch closest) {
        out.append("\nClosest: ")
                .append(where(closest))
                .append(' ')
                .append(lowerFirst(closest.statement().summary()).replaceFirst("^allow ", "allows "))
                .append(", but ")
                .append(String.join("; ", closest.reasons()))
                .append(":\n");
        out.append(indent(closest.statement().json())).append('\n');
    }

    /**
     * The non-applying Allow statement that misses the request by the fewest elements; on a tie,
     * one that covers the action, then the one whose policy kind comes first.
     */
    private Optional<StatementMatch> closest() {
        return evaluation.matches().stream()
                .filter(m -> m.statement().effect() == PolicyStatement.Effect.ALLOW && !m.applies())
                .min(Comparator.<StatementMatch>comparingInt(m -> m.misses().size())
                        .thenComparing(m -> m.misses().get(0).element() == Element.ACTION ? 1 : 0)
                        .thenComparing(m -> m.kind().ordinal()));
    }

    /** A session ARN for the caller's role, to show what an unlimited grant would name. */
    private String sessionArnExample() {
        if (request.principalType() == RequestContext.PrincipalType.ROLE_SESSION) {
            return request.principalArn();
        }
        return "arn:" + request.partition() + ":sts::" + request.account() + ":assumed-role/" + request.roleName()
                + "/SESSION-NAME";
    }

    private String identityAllowText() {
        if (allows.identity().isEmpty()) {
            return "The account root user's identity allows it";
        }
        return capitalize(where(allows.identity().get(0))) + " allows it";
    }

    // ---------------------------------------------------------------- wording helpers

    private String call() {
        return "call " + request.action() + " on " + request.resource();
    }

    /** Names a statement and its policy, for example {@code statement 0 (Sid "Read") of identity policy "P"}. */
    private static String where(StatementMatch match) {
        return match.statement().label() + " of " + match.kind().label() + " \""
                + match.policy().name() + "\"";
    }

    private String quoteNames(PolicyKind kind) {
        return String.join(
                ", ", policies.names(kind).stream().map(n -> "\"" + n + "\"").toList());
    }

    private static String indent(String json) {
        return INDENT + json.replace("\n", "\n" + INDENT);
    }

    private static String capitalize(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static String lowerFirst(String text) {
        return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }
}
