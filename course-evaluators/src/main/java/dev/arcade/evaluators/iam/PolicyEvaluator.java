package dev.arcade.evaluators.iam;

import dev.arcade.evaluators.iam.PrincipalElement.GrantKind;
import dev.arcade.evaluators.iam.internal.ArnPattern;
import dev.arcade.evaluators.iam.internal.ConditionClause;
import dev.arcade.evaluators.iam.internal.PolicyTemplate;
import dev.arcade.evaluators.iam.internal.ContextKeys;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether a request is allowed by a set of policies, following the IAM User Guide's
 * "Policy evaluation logic" for a request within one account.
 *
 * <ol>
 *   <li><b>Deny evaluation.</b> Every statement of every policy is matched against the request; if
 *       any {@code Deny} statement applies, the decision is {@link Outcome#EXPLICIT_DENY}.
 *   <li><b>Identity-based policies.</b> An {@code Allow} in an identity-based policy allows the
 *       request when, in addition, the permissions boundary (if one is set) allows it and at least
 *       one session policy (if any were passed) allows it: effective permissions are the
 *       intersection ("Permissions boundaries for IAM entities", "Session policies"). The account
 *       root user is treated as allowed by its identity, since it has full access.
 *   <li><b>Resource-based policies.</b> Within one account a resource-based policy that names the
 *       caller grants access on its own ("Identity-based policies and resource-based policies").
 *       How it names the caller matters, as the boundary and session policy pages describe:
 *       <ul>
 *         <li>the exact session ARN ({@code arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION} or a
 *             federated user), a service principal, a {@code Federated} provider, or {@code "*"}:
 *             granted regardless of identity policies, boundary and session policies;
 *         <li>an IAM user ARN: not limited by the boundary, but limited by session policies;
 *         <li>a role ARN (for a session of that role): limited by the role's permissions boundary
 *             and session policies, though not by its identity-based policies;
 *         <li>the caller's account (its ID or {@code arn:aws:iam::ACCOUNT:root}): no grant on its
 *             own, because naming the account delegates the decision to the account's IAM policies.
 *       </ul>
 *       Treating {@code "*"} like a grant to the exact caller is this evaluator's reading; the
 *       guide does not spell that case out.
 *   <li><b>Role trust policies.</b> For {@code sts:AssumeRole} and its relatives, when a trust
 *       policy is in the set it must allow the caller (the guide calls trust policies an exception
 *       to "either policy is enough"): naming the caller directly is sufficient, naming its account
 *       additionally needs an identity-based Allow.
 *   <li>Otherwise the decision is {@link Outcome#IMPLICIT_DENY}.
 * </ol>
 *
 * <p>Cross-account requests get the basic rule of "Cross-account policy evaluation logic": when the
 * resource's account (from its ARN, or from {@code aws:ResourceAccount} for ARNs without an account
 * such as S3's) differs from the caller's, the request needs both an allowing identity side (within
 * boundary and session policies) and an allowing resource-based policy; a resource-based policy no
 * longer grants on its own. Nothing else about the other account is modelled.
 *
 * <p>Not modelled: AWS Organizations SCPs and RCPs, ACLs, VPC endpoint policies, session tags and
 * transitive tags, and the service-specific quirks of individual services beyond the documented
 * rules above.
 */
public final class PolicyEvaluator {

    private static final Set<String> TRUST_ACTIONS = Set.of(
            "sts:assumerole", "sts:assumerolewithsaml", "sts:assumerolewithwebidentity",
            "sts:tagsession", "sts:setsourceidentity", "sts:setcontext");

    private static final String INDENT = "    ";

    private PolicyEvaluator() {}

    /**
     * Evaluates a request against the policies that apply to it.
     *
     * @param request the request
     * @param policies the policies that apply to it
     * @return the decision, with the deciding statements and an explanation
     */
    public static Decision evaluate(RequestContext request, PolicySet policies) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(policies, "policies");
        return new Evaluation(request, policies).decide();
    }

    /**
     * Decides whether a caller may assume a role according to the role's trust policy alone: the
     * action is {@code sts:AssumeRole} and the resource is the role ARN given as the request's
     * resource. A trust policy that names the caller (or its service, or its provider) decides on
     * its own; one that names the caller's account also needs the caller's identity-based policy,
     * for which use {@link #canAssume(PolicyDocument, RequestContext, PolicySet)}.
     *
     * @param trustPolicy the role's trust policy
     * @param caller the caller, with {@code resource} set to the role's ARN; its action is replaced
     * @return the decision
     * @throws IllegalArgumentException when the request's resource is not a role ARN
     */
    public static Decision canAssume(PolicyDocument trustPolicy, RequestContext caller) {
        return canAssume(trustPolicy, caller, PolicySet.empty());
    }

    /**
     * Decides whether a caller may assume a role, given the role's trust policy and the caller's own
     * policies (identity-based, permissions boundary, session policies).
     *
     * @param trustPolicy the role's trust policy
     * @param caller the caller, with {@code resource} set to the role's ARN; its action is replaced
     *     by {@code sts:AssumeRole} unless it already is an {@code sts:AssumeRole...} action
     * @param callerPolicies the caller's policies; resource-based policies in it are ignored
     * @return the decision
     * @throws IllegalArgumentException when the request's resource is not a role ARN
     */
    public static Decision canAssume(PolicyDocument trustPolicy, RequestContext caller, PolicySet callerPolicies) {
        Objects.requireNonNull(trustPolicy, "trustPolicy");
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(callerPolicies, "callerPolicies");
        if (!caller.resource().matches("arn:[a-z-]+:iam::\\d{12}:role/.+")) {
            throw new IllegalArgumentException("canAssume needs the role's ARN as the request's resource,"
                    + " such as arn:aws:iam::123456789012:role/MyRole, not \"" + caller.resource() + "\"");
        }
        RequestContext request = caller.action().toLowerCase(Locale.ROOT).startsWith("sts:assumerole")
                ? caller
                : caller.toBuilder().action("sts:AssumeRole").build();
        PolicySet.Builder set = PolicySet.builder();
        for (PolicySet.Named named : callerPolicies.policies()) {
            switch (named.kind()) {
                case IDENTITY -> set.identityPolicy(named.name(), named.document());
                case PERMISSIONS_BOUNDARY -> set.permissionsBoundary(named.name(), named.document());
                case SESSION -> set.sessionPolicy(named.name(), named.document());
                case RESOURCE -> {
                    // The trust policy is the only resource-based policy of a role.
                }
            }
        }
        set.resourcePolicy("trust policy of " + request.resource().substring(request.resource().lastIndexOf('/') + 1),
                trustPolicy);
        return evaluate(request, set.build());
    }

    /** The outcome of matching one statement against the request. */
    private record Check(
            PolicySet.Named policy,
            PolicyStatement statement,
            List<String> misses,
            GrantKind grant,
            String note) {

        boolean applies() {
            return misses.isEmpty();
        }

        boolean allows() {
            return applies() && statement.effect() == PolicyStatement.Effect.ALLOW;
        }

        boolean denies() {
            return applies() && statement.effect() == PolicyStatement.Effect.DENY;
        }

        PolicyKind kind() {
            return policy.kind();
        }

        MatchedStatement matched() {
            return new MatchedStatement(policy.name(), policy.kind(), statement.index(), statement.sid(),
                    statement.json());
        }

        String where() {
            return statement.label() + " of " + policy.kind().label() + " \"" + policy.name() + "\"";
        }
    }

    /** One evaluation: the request, its policies, and every statement's check. */
    private static final class Evaluation {
        private final RequestContext request;
        private final PolicySet policies;
        private final ContextKeys values;
        private final List<Check> checks = new ArrayList<>();

        Evaluation(RequestContext request, PolicySet policies) {
            this.request = request;
            this.policies = policies;
            this.values = request.values();
            for (PolicySet.Named named : policies.policies()) {
                for (PolicyStatement statement : named.document().statements()) {
                    checks.add(check(named, statement));
                }
            }
        }

        Decision decide() {
            List<Check> denies = checks.stream().filter(Check::denies).toList();
            if (!denies.isEmpty()) {
                return explicitDeny(denies);
            }
            List<Check> identity = allowsOf(PolicyKind.IDENTITY);
            List<Check> boundary = allowsOf(PolicyKind.PERMISSIONS_BOUNDARY);
            List<Check> session = allowsOf(PolicyKind.SESSION);
            List<Check> resource = allowsOf(PolicyKind.RESOURCE);
            boolean boundaryOk = !policies.hasPermissionsBoundary() || !boundary.isEmpty();
            boolean sessionOk = !policies.hasSessionPolicies() || !session.isEmpty();
            boolean trustRequired = isTrustAction() && !policies.names(PolicyKind.RESOURCE).isEmpty();
            boolean crossAccount = resourceAccount() != null && request.account() != null
                    && !resourceAccount().equals(request.account());
            boolean root = request.principalType() == RequestContext.PrincipalType.ROOT;

            boolean identityAllows = root || !identity.isEmpty();
            boolean resourceRequired = trustRequired || crossAccount;
            if (identityAllows && boundaryOk && sessionOk && (!resourceRequired || !resource.isEmpty())) {
                List<Check> deciding = new ArrayList<>(identity);
                if (policies.hasPermissionsBoundary()) {
                    deciding.addAll(boundary);
                }
                if (policies.hasSessionPolicies()) {
                    deciding.addAll(session);
                }
                if (resourceRequired) {
                    deciding.addAll(resource);
                }
                return allowByIdentity(deciding, root, crossAccount);
            }
            List<Check> standalone = crossAccount
                    ? List.of()
                    : resource.stream()
                            .filter(c -> resourceGrantStands(c.grant(), boundaryOk, sessionOk))
                            .sorted(Comparator.comparing(Check::grant))
                            .toList();
            if (!standalone.isEmpty()) {
                return allowByResource(standalone, boundary, session);
            }
            return implicitDeny(identity, boundary, session, resource, boundaryOk, sessionOk, trustRequired, crossAccount);
        }

        /**
         * The resource's account: the account in its ARN or, for ARNs without one (S3 buckets), the
         * request's {@code aws:ResourceAccount}; null when neither says.
         */
        private String resourceAccount() {
            String[] parts = request.resource().split(":", 6);
            if (parts.length == 6 && parts[4].matches("\\d{12}")) {
                return parts[4];
            }
            List<String> declared = request.contextValues("aws:ResourceAccount");
            return declared != null && declared.size() == 1 ? declared.get(0) : null;
        }

        private List<Check> allowsOf(PolicyKind kind) {
            return checks.stream().filter(c -> c.kind() == kind && c.allows()).toList();
        }

        private boolean isTrustAction() {
            return TRUST_ACTIONS.contains(request.action().toLowerCase(Locale.ROOT));
        }

        private static boolean resourceGrantStands(GrantKind grant, boolean boundaryOk, boolean sessionOk) {
            return switch (grant) {
                case EVERYONE, SESSION, SERVICE, FEDERATED -> true;
                case USER -> sessionOk;
                case ROLE -> boundaryOk && sessionOk;
                case ACCOUNT -> false;
            };
        }

        // ---------------------------------------------------------------- matching

        private Check check(PolicySet.Named policy, PolicyStatement statement) {
            List<String> misses = new ArrayList<>();
            actionMiss(statement).ifPresent(misses::add);
            resourceMiss(statement).ifPresent(misses::add);
            GrantKind grant = null;
            String note = null;
            PrincipalElement principal = statement.principal();
            if (principal != null) {
                if (statement.isNotPrincipal()) {
                    boolean exempt = principal.exempts(request);
                    boolean boundaryQuirk = exempt
                            && statement.effect() == PolicyStatement.Effect.DENY
                            && policies.hasPermissionsBoundary()
                            && isIamEntity();
                    if (boundaryQuirk) {
                        note = "NotPrincipal with Deny always denies a principal that has a permissions boundary,"
                                + " whatever NotPrincipal lists (IAM User Guide, \"Permissions boundaries for IAM"
                                + " entities\"); use ArnNotEquals on aws:PrincipalArn instead";
                    } else if (exempt) {
                        misses.add("the caller is exempted by NotPrincipal " + principal.compactJson());
                    }
                    grant = GrantKind.EVERYONE;
                } else {
                    grant = principal.match(request);
                    if (grant == null) {
                        misses.add(request.describePrincipal() + " is not named in Principal "
                                + principal.compactJson());
                    }
                }
            }
            for (ConditionClause clause : statement.conditions()) {
                ConditionClause.Result result = clause.evaluate(values);
                if (!result.satisfied()) {
                    misses.add(result.reason());
                }
            }
            return new Check(policy, statement, List.copyOf(misses), grant, note);
        }

        private boolean isIamEntity() {
            return switch (request.principalType()) {
                case IAM_USER, ROLE, ROLE_SESSION -> true;
                default -> false;
            };
        }

        private Optional<String> actionMiss(PolicyStatement statement) {
            boolean listed = statement.actionPatterns().stream().anyMatch(p -> p.matchesIgnoreCase(request.action()));
            if (statement.isNotAction()) {
                return listed
                        ? Optional.of("action " + request.action() + " is excluded by NotAction " + statement.actions())
                        : Optional.empty();
            }
            return listed
                    ? Optional.empty()
                    : Optional.of("action " + request.action() + " is not covered by Action " + statement.actions());
        }

        private Optional<String> resourceMiss(PolicyStatement statement) {
            if (!statement.hasResourceElement()) {
                return Optional.empty();
            }
            boolean listed = false;
            List<String> unresolved = new ArrayList<>();
            for (PolicyTemplate template : statement.resourceTemplates()) {
                Optional<ArnPattern> pattern = template.resolvePattern(values::variable);
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
                        ? Optional.of("resource " + request.resource() + " is excluded by NotResource "
                                + statement.resources())
                        : Optional.empty();
            }
            return listed
                    ? Optional.empty()
                    : Optional.of("resource " + request.resource() + " does not match Resource " + statement.resources()
                            + note);
        }

        // ---------------------------------------------------------------- explanations

        private String call() {
            return "call " + request.action() + " on " + request.resource();
        }

        private Decision explicitDeny(List<Check> denies) {
            StringBuilder out = new StringBuilder();
            out.append("DENIED (explicit deny): ").append(capitalize(request.describePrincipal()))
                    .append(" may not ").append(call()).append(".\n");
            for (Check deny : denies) {
                out.append("\nDenied by ").append(deny.where()).append(":\n");
                out.append(indent(deny.statement().json())).append('\n');
                if (deny.note() != null) {
                    out.append("Note: ").append(deny.note()).append(".\n");
                }
            }
            out.append("\nAn explicit Deny in any policy overrides every Allow (IAM User Guide, \"Policy evaluation logic\").");
            List<Check> overridden = checks.stream().filter(Check::allows).toList();
            if (!overridden.isEmpty()) {
                out.append("\nThe Deny overrides these statements, which would otherwise allow it: ")
                        .append(String.join("; ", overridden.stream().map(Check::where).toList()))
                        .append('.');
            }
            return new Decision(Outcome.EXPLICIT_DENY, denies.stream().map(Check::matched).toList(), out.toString());
        }

        private Decision allowByIdentity(List<Check> deciding, boolean root, boolean crossAccount) {
            StringBuilder out = new StringBuilder();
            out.append("ALLOWED: ").append(capitalize(request.describePrincipal())).append(" may ").append(call())
                    .append(".\n");
            if (root && deciding.stream().noneMatch(c -> c.kind() == PolicyKind.IDENTITY)) {
                out.append("\nThe account root user has full access to its account unless an explicit Deny applies"
                        + " (IAM User Guide, \"Policy evaluation logic\").\n");
            }
            for (Check check : deciding) {
                String intro =
                        switch (check.kind()) {
                            case IDENTITY -> "Allowed by ";
                            case PERMISSIONS_BOUNDARY -> "The permissions boundary also allows it: ";
                            case SESSION -> "A session policy also allows it: ";
                            case RESOURCE -> crossAccount
                                    ? "The resource's account allows it too, as a cross-account request needs: "
                                    : "The role's trust policy allows the caller too: ";
                        };
                out.append('\n').append(intro).append(check.where()).append(":\n");
                out.append(indent(check.statement().json())).append('\n');
            }
            out.append("\nNo statement in any policy denies it.");
            return new Decision(Outcome.ALLOW, deciding.stream().map(Check::matched).toList(), out.toString());
        }

        private Decision allowByResource(List<Check> standalone, List<Check> boundary, List<Check> session) {
            Check best = standalone.get(0);
            List<Check> deciding = new ArrayList<>(standalone.stream()
                    .filter(c -> c.grant() == best.grant())
                    .toList());
            StringBuilder out = new StringBuilder();
            out.append("ALLOWED: ").append(capitalize(request.describePrincipal())).append(" may ").append(call())
                    .append(".\n");
            for (Check check : deciding) {
                out.append("\nAllowed by ").append(check.where()).append(", whose principal names ")
                        .append(best.grant().description()).append(":\n");
                out.append(indent(check.statement().json())).append('\n');
            }
            out.append('\n').append(switch (best.grant()) {
                case ROLE -> "A resource-based policy that names a role ARN grants access without the role's"
                        + " identity-based policies, but stays within the role's permissions boundary and session"
                        + " policies, which allow it here";
                case USER -> "Within one account, a resource-based policy that names an IAM user grants access on its"
                        + " own, whatever the user's identity-based policies and permissions boundary say";
                case SESSION -> "A resource-based policy that names the session ARN grants access on its own: neither"
                        + " the identity-based policies nor the permissions boundary or session policies limit it";
                case SERVICE -> "A resource-based policy that names a service principal grants that service access";
                case FEDERATED -> "A trust policy that names the identity provider lets its users call this action";
                default -> "A resource-based policy whose Principal is \"*\" grants access to every caller";
            });
            out.append(" (IAM User Guide, \"Identity-based policies and resource-based policies\").");
            if (best.grant() == GrantKind.ROLE || best.grant() == GrantKind.USER) {
                if (best.grant() == GrantKind.ROLE && policies.hasPermissionsBoundary()) {
                    deciding.addAll(boundary);
                }
                if (policies.hasSessionPolicies()) {
                    deciding.addAll(session);
                }
            }
            out.append("\nNo statement in any policy denies it.");
            return new Decision(Outcome.ALLOW, deciding.stream().map(Check::matched).toList(), out.toString());
        }

        private Decision implicitDeny(
                List<Check> identity,
                List<Check> boundary,
                List<Check> session,
                List<Check> resource,
                boolean boundaryOk,
                boolean sessionOk,
                boolean trustRequired,
                boolean crossAccount) {
            StringBuilder out = new StringBuilder();
            out.append("DENIED (implicit deny): ").append(capitalize(request.describePrincipal()))
                    .append(" may not ").append(call()).append(".\n\n");
            List<String> reasons = new ArrayList<>();
            boolean identityAllows = !identity.isEmpty()
                    || request.principalType() == RequestContext.PrincipalType.ROOT;
            if (identityAllows && !boundaryOk) {
                reasons.add(identityAllowText(identity) + ", but the permissions boundary "
                        + quoteNames(PolicyKind.PERMISSIONS_BOUNDARY) + " does not. A permissions boundary sets the"
                        + " maximum permissions: the request must be allowed by both the identity-based policies and"
                        + " the boundary (IAM User Guide, \"Permissions boundaries for IAM entities\").");
            }
            if (identityAllows && !sessionOk) {
                reasons.add(identityAllowText(identity) + ", but no session policy ("
                        + quoteNames(PolicyKind.SESSION) + ") does. A session's permissions are the intersection of"
                        + " the identity-based policies and the session policies (IAM User Guide, \"Session policies\").");
            }
            if (crossAccount) {
                reasons.add("This is a cross-account request: the caller is in account " + request.account()
                        + " and the resource in account " + resourceAccount() + ". It must be allowed both by the caller's"
                        + " identity-based policies (within any permissions boundary and session policies) and by the"
                        + " resource-based policy in the resource's account (IAM User Guide, \"Cross-account policy"
                        + " evaluation logic\"). "
                        + (identityAllows && boundaryOk && sessionOk
                                ? "The caller's side allows it, but no resource-based policy does."
                                : resource.isEmpty()
                                        ? "Neither side allows it."
                                        : "The resource-based policy allows it, but the caller's side does not."));
            }
            if (!crossAccount && identityAllows && boundaryOk && sessionOk && trustRequired && resource.isEmpty()) {
                reasons.add(identityAllowText(identity) + ", but the role's trust policy does not allow this caller."
                        + " To assume a role, the role's trust policy must allow the caller as well (IAM User Guide,"
                        + " \"Policy evaluation logic\": role trust policies are the exception to \"either policy is"
                        + " enough\").");
            }
            for (Check check : crossAccount ? List.<Check>of() : resource) {
                switch (check.grant()) {
                    case ACCOUNT -> reasons.add(capitalize(check.where()) + " allows it for the caller's whole account ("
                            + request.account() + "). Naming the account delegates to IAM: the caller's own"
                            + " identity-based policy must allow " + request.action() + " as well"
                            + (trustRequired ? " (pass the caller's policies to canAssume)" : "") + ", and none does.");
                    case ROLE -> reasons.add(capitalize(check.where()) + " names the ARN of the caller's role. Such a grant"
                            + " stays within the role's permissions boundary and session policies"
                            + (!boundaryOk ? ", and the permissions boundary " + quoteNames(PolicyKind.PERMISSIONS_BOUNDARY)
                                    + " does not allow it" : "")
                            + (!sessionOk ? ", and no session policy allows it" : "")
                            + ". A grant to the session ARN (" + sessionArnExample() + ") would not be limited.");
                    case USER -> reasons.add(capitalize(check.where()) + " names the caller's IAM user ARN, but no"
                            + " session policy allows it, and session policies limit such a grant (IAM User Guide,"
                            + " \"Session policies\").");
                    default -> {
                        // Every other grant stands on its own and would have allowed the request.
                    }
                }
            }
            if (reasons.isEmpty()) {
                if (policies.isEmpty()) {
                    reasons.add("No policies apply to this request, and without an Allow every request is implicitly"
                            + " denied (IAM User Guide, \"Policy evaluation logic\").");
                } else {
                    Optional<Check> near = closest();
                    boolean onlyConditions = near.isPresent()
                            && near.get().misses().stream().allMatch(m -> m.startsWith("condition "));
                    if (onlyConditions) {
                        reasons.add(capitalize(near.get().where()) + " covers " + request.action() + " on "
                                + request.resource() + ", but its conditions do not hold for this request (see below).");
                    } else {
                        reasons.add("No statement in any policy allows " + request.action() + " on " + request.resource()
                                + ".");
                    }
                }
            }
            for (String reason : reasons) {
                out.append(reason).append('\n');
            }
            out.append("\nPolicies considered:\n");
            if (policies.isEmpty()) {
                out.append("  (none)\n");
            }
            for (PolicySet.Named named : policies.policies()) {
                out.append("  ").append(named.kind().label()).append(" \"").append(named.name()).append("\":\n");
                for (Check check : checks) {
                    if (check.policy() != named) {
                        continue;
                    }
                    out.append("    - ").append(check.statement().label()).append(": ")
                            .append(check.statement().summary()).append(" -- ");
                    out.append(check.applies() ? "applies" : "does not apply: " + String.join("; ", check.misses()));
                    out.append('\n');
                }
            }
            closest().ifPresent(closest -> {
                out.append("\nClosest: ").append(closest.where()).append(' ')
                        .append(lowerFirst(closest.statement().summary()).replaceFirst("^allow ", "allows "))
                        .append(", but ").append(String.join("; ", closest.misses())).append(":\n");
                out.append(indent(closest.statement().json())).append('\n');
            });
            return new Decision(Outcome.IMPLICIT_DENY, List.of(), out.toString().stripTrailing());
        }

        private String sessionArnExample() {
            if (request.principalType() == RequestContext.PrincipalType.ROLE_SESSION) {
                return request.principalArn();
            }
            return "arn:" + request.partition() + ":sts::" + request.account() + ":assumed-role/" + request.roleName()
                    + "/SESSION-NAME";
        }

        /** The non-applying Allow statement that misses the request by the fewest elements. */
        private Optional<Check> closest() {
            return checks.stream()
                    .filter(c -> c.statement().effect() == PolicyStatement.Effect.ALLOW && !c.applies())
                    .min(Comparator.<Check>comparingInt(c -> c.misses().size())
                            .thenComparing(c -> c.misses().get(0).startsWith("action ") ? 1 : 0)
                            .thenComparing(c -> c.kind().ordinal()));
        }

        private String identityAllowText(List<Check> identity) {
            if (identity.isEmpty()) {
                return "The account root user's identity allows it";
            }
            return capitalize(identity.get(0).where()) + " allows it";
        }

        private String quoteNames(PolicyKind kind) {
            return String.join(", ", policies.names(kind).stream().map(n -> "\"" + n + "\"").toList());
        }
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
