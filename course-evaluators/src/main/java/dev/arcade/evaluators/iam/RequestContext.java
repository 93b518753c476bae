package dev.arcade.evaluators.iam;

import dev.arcade.evaluators.iam.internal.Arns;
import dev.arcade.evaluators.iam.internal.ContextKeys;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * One request to evaluate: who calls, which action, on which resource, and the request context.
 *
 * <p>Build it with {@link #builder()}. Like AWS, the builder fills in the global context keys that
 * follow from the principal ("AWS global condition context keys"): {@code aws:PrincipalArn} (for a
 * role session, the role's ARN), {@code aws:PrincipalAccount}, {@code aws:PrincipalType},
 * {@code aws:username} (IAM users only), {@code aws:userid} (where it can be known),
 * {@code aws:PrincipalTag/<key>} for each {@link Builder#principalTag principal tag},
 * {@code aws:PrincipalIsAWSService}, {@code aws:PrincipalServiceName} (service principals),
 * {@code aws:CurrentTime}, {@code aws:EpochTime} and {@code aws:SecureTransport} (true, as SDK calls
 * use HTTPS). Anything set with {@link Builder#context} overrides these, and
 * {@link Builder#without} leaves any of them out, for the cases where AWS does not send a key (for
 * example no {@code aws:SecureTransport} on a request that is not signed over HTTPS, or a test of
 * {@code Null} and {@code ...IfExists}).
 *
 * <p>ARNs given for the principal are read by {@link PrincipalArn}.
 *
 * <pre>{@code
 * RequestContext request = RequestContext.builder()
 *     .principalArn("arn:aws:sts::123456789012:assumed-role/OrdersFn/session")
 *     .action("dynamodb:GetItem")
 *     .resource("arn:aws:dynamodb:us-east-1:123456789012:table/Orders")
 *     .context("dynamodb:LeadingKeys", "customer-1")
 *     .build();
 * }</pre>
 */
public final class RequestContext {

    /** The kinds of caller the evaluator distinguishes. */
    public enum PrincipalType {
        /** An IAM user, {@code arn:aws:iam::ACCOUNT:user/NAME}. */
        IAM_USER,
        /** A role session, {@code arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION}. */
        ROLE_SESSION,
        /** A role named by its ARN, standing for one of its sessions whose name does not matter. */
        ROLE,
        /** A federated user session, {@code arn:aws:sts::ACCOUNT:federated-user/NAME}. */
        FEDERATED_USER,
        /** The account root user, {@code arn:aws:iam::ACCOUNT:root}. */
        ROOT,
        /** An AWS service principal such as {@code lambda.amazonaws.com}. */
        SERVICE,
        /** A web identity or SAML user calling {@code sts:AssumeRoleWith...} through a provider. */
        WEB_IDENTITY,
        /** An unauthenticated caller. */
        ANONYMOUS
    }

    /** A context key's values, with the key as first written. */
    private record Entry(String key, List<String> values, boolean multivalued) {}

    /** The partition of callers that are not named by an ARN, and of the documentation's examples. */
    private static final String DEFAULT_PARTITION = "aws";

    private final PrincipalType principalType;
    /** The caller's ARN, parsed; null for service, web identity and anonymous callers. */
    private final PrincipalArn arn;

    private final String service;
    private final String federatedProvider;
    private final String action;
    private final String resource;
    private final Map<String, Entry> context;
    private final Builder source;

    private RequestContext(Builder b, Map<String, Entry> context, Instant now) {
        this.principalType = b.principalType;
        this.arn = b.arn;
        this.service = b.service;
        this.federatedProvider = b.federatedProvider;
        this.action = b.action;
        this.resource = b.resource;
        this.context = Collections.unmodifiableMap(context);
        this.source = b.copy();
        // A request rebuilt with toBuilder() keeps its time, so that it is evaluated the same way.
        this.source.currentTime = now;
    }

    /**
     * Starts a request.
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts a builder with everything this request has, to vary one part of it.
     *
     * @return a builder pre-filled from this request
     */
    public Builder toBuilder() {
        return source.copy();
    }

    /**
     * The action, as {@code service:Action}.
     *
     * @return for example {@code dynamodb:GetItem}
     */
    public String action() {
        return action;
    }

    /**
     * The resource ARN, or {@code "*"} for actions that do not act on a specific resource.
     *
     * @return the resource
     */
    public String resource() {
        return resource;
    }

    /**
     * The kind of caller.
     *
     * @return the principal type
     */
    public PrincipalType principalType() {
        return principalType;
    }

    /**
     * The caller's ARN as given (a session ARN for role sessions).
     *
     * @return the ARN, or null for service, web identity and anonymous callers
     */
    public String principalArn() {
        return arnPart(PrincipalArn::arn);
    }

    /**
     * The caller's account.
     *
     * @return the 12-digit account ID, or null when the caller has none
     */
    public String account() {
        return arnPart(PrincipalArn::account);
    }

    /**
     * The IAM user's name.
     *
     * @return the user name, or null for other callers
     */
    public String userName() {
        return arnPart(PrincipalArn::userName);
    }

    /**
     * The role's name, for role sessions and roles.
     *
     * @return the role name, or null
     */
    public String roleName() {
        return arnPart(PrincipalArn::roleName);
    }

    /**
     * The role's ARN, for role sessions and roles; this is what {@code aws:PrincipalArn} holds.
     *
     * @return the role ARN, or null
     */
    public String roleArn() {
        return arnPart(PrincipalArn::roleArn);
    }

    /**
     * The role session's name.
     *
     * @return the session name, or null
     */
    public String sessionName() {
        return arnPart(PrincipalArn::sessionName);
    }

    /**
     * The service principal's name.
     *
     * @return for example {@code lambda.amazonaws.com}, or null
     */
    public String service() {
        return service;
    }

    /**
     * The identity provider of a web identity or SAML caller.
     *
     * @return for example {@code cognito-identity.amazonaws.com}, or null
     */
    public String federatedProvider() {
        return federatedProvider;
    }

    /**
     * The request context: every key with its values, automatic keys included.
     *
     * @return an unmodifiable map from key (as first written) to values
     */
    public Map<String, List<String>> context() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        context.values().forEach(e -> out.put(e.key(), e.values()));
        return Collections.unmodifiableMap(out);
    }

    /**
     * The values of one context key, looked up regardless of case.
     *
     * @param key a condition key such as {@code aws:SourceIp}
     * @return the values, or null when the request has no such key
     */
    public List<String> contextValues(String key) {
        Entry entry = context.get(key.toLowerCase(Locale.ROOT));
        return entry == null ? null : entry.values();
    }

    /**
     * Describes the caller in English.
     *
     * @return for example {@code IAM user arn:aws:iam::123456789012:user/alice}
     */
    public String describePrincipal() {
        return switch (principalType) {
            case IAM_USER -> "IAM user " + principalArn();
            case ROLE_SESSION -> "role session " + principalArn();
            case ROLE -> "role " + principalArn();
            case FEDERATED_USER -> "federated user " + principalArn();
            case ROOT -> "the root user of account " + account();
            case SERVICE -> "service principal " + service;
            case WEB_IDENTITY -> "a web identity from " + federatedProvider;
            case ANONYMOUS -> "an anonymous caller";
        };
    }

    private String arnPart(Function<PrincipalArn, String> part) {
        return arn == null ? null : part.apply(arn);
    }

    /** The context as the condition evaluator sees it. */
    ContextKeys values() {
        return new ContextKeys() {
            @Override
            public List<String> values(String key) {
                return contextValues(key);
            }

            @Override
            public Optional<String> variable(String key) {
                Entry entry = context.get(key.toLowerCase(Locale.ROOT));
                if (entry == null || entry.multivalued() || entry.values().size() != 1) {
                    return Optional.empty();
                }
                return Optional.of(entry.values().get(0));
            }
        };
    }

    @Override
    public String toString() {
        return describePrincipal() + " calling " + action + " on " + resource;
    }

    /**
     * Collects the parts of a {@link RequestContext}. A principal and an action are required; the
     * resource defaults to {@code "*"}.
     */
    public static final class Builder {
        private PrincipalType principalType;
        private PrincipalArn arn;
        private String service;
        private String federatedProvider;
        private String action;
        private String resource = "*";
        private String explicitUserName;
        private String userId;
        private Instant currentTime;
        private final Map<String, String> tags = new LinkedHashMap<>();
        private final Map<String, Entry> context = new LinkedHashMap<>();
        /** The lower-cased keys {@link #without} leaves out of the request. */
        private final Set<String> omitted = new LinkedHashSet<>();

        private Builder() {}

        private Builder copy() {
            Builder b = new Builder();
            b.principalType = principalType;
            b.arn = arn;
            b.service = service;
            b.federatedProvider = federatedProvider;
            b.action = action;
            b.resource = resource;
            b.explicitUserName = explicitUserName;
            b.userId = userId;
            b.currentTime = currentTime;
            b.tags.putAll(tags);
            b.context.putAll(context);
            b.omitted.addAll(omitted);
            return b;
        }

        private void clearPrincipal() {
            principalType = null;
            arn = null;
            service = null;
            federatedProvider = null;
        }

        /**
         * Sets the caller by ARN: an IAM user ({@code arn:aws:iam::123456789012:user/alice}), a role
         * session ({@code arn:aws:sts::123456789012:assumed-role/Role/session}), a role
         * ({@code arn:aws:iam::123456789012:role/Role}, standing for any of its sessions), a
         * federated user ({@code arn:aws:sts::123456789012:federated-user/bob}) or the root user
         * ({@code arn:aws:iam::123456789012:root}).
         *
         * @param arn the caller's ARN
         * @return this builder
         * @throws IllegalArgumentException when the ARN is none of those
         */
        public Builder principalArn(String arn) {
            Objects.requireNonNull(arn, "arn");
            clearPrincipal();
            this.arn = PrincipalArn.parse(arn);
            principalType = this.arn.type();
            return this;
        }

        /**
         * Sets the full ARN of a role session's role, when the role has a path: a session ARN does not
         * show the path, but {@code aws:PrincipalArn} does.
         *
         * @param arn the role ARN, for example {@code arn:aws:iam::123456789012:role/service-role/MyFn}
         * @return this builder
         * @throws IllegalArgumentException when the caller is not a session of a role with that name
         */
        public Builder roleArn(String arn) {
            Objects.requireNonNull(arn, "arn");
            Optional<PrincipalArn> withRole = this.arn == null ? Optional.empty() : this.arn.withRoleArn(arn);
            if (withRole.isEmpty()) {
                throw new IllegalArgumentException("roleArn(" + arn + ") must name the role of the role session set"
                        + " with principalArn(...) first");
            }
            this.arn = withRole.get();
            return this;
        }

        /**
         * Sets an AWS service as the caller, for resource-based policies and trust policies that
         * name a service principal.
         *
         * @param servicePrincipal for example {@code lambda.amazonaws.com}
         * @return this builder
         */
        public Builder principalService(String servicePrincipal) {
            Objects.requireNonNull(servicePrincipal, "servicePrincipal");
            clearPrincipal();
            principalType = PrincipalType.SERVICE;
            service = servicePrincipal;
            return this;
        }

        /**
         * Sets an account as the caller: the account's root user, {@code arn:aws:iam::ACCOUNT:root}.
         *
         * @param accountId the 12-digit account ID
         * @return this builder
         * @throws IllegalArgumentException when the ID is not 12 digits
         */
        public Builder principalAccount(String accountId) {
            if (accountId == null || !Arns.isAccountId(accountId)) {
                throw new IllegalArgumentException("an account ID has exactly 12 digits, not \"" + accountId + "\"");
            }
            return principalArn("arn:aws:iam::" + accountId + ":root");
        }

        /**
         * Sets a web identity or SAML user as the caller, as when {@code sts:AssumeRoleWithWebIdentity}
         * is checked against a trust policy with a {@code Federated} principal. Provider claims such
         * as {@code cognito-identity.amazonaws.com:aud} go in with {@link #context}.
         *
         * @param provider for example {@code cognito-identity.amazonaws.com} or a SAML provider ARN
         * @return this builder
         */
        public Builder principalFederated(String provider) {
            Objects.requireNonNull(provider, "provider");
            clearPrincipal();
            principalType = PrincipalType.WEB_IDENTITY;
            federatedProvider = provider;
            return this;
        }

        /**
         * Sets an unauthenticated caller, which only {@code "Principal": "*"} statements match.
         *
         * @return this builder
         */
        public Builder anonymous() {
            clearPrincipal();
            principalType = PrincipalType.ANONYMOUS;
            return this;
        }

        /**
         * Sets the action.
         *
         * @param serviceAction for example {@code dynamodb:GetItem}
         * @return this builder
         * @throws IllegalArgumentException when it is not {@code service:Action}
         */
        public Builder action(String serviceAction) {
            Objects.requireNonNull(serviceAction, "serviceAction");
            int colon = serviceAction.indexOf(':');
            if (colon <= 0
                    || colon == serviceAction.length() - 1
                    || serviceAction.contains("*")
                    || serviceAction.contains("?")) {
                throw new IllegalArgumentException("a request's action is one service:Action without wildcards,"
                        + " such as dynamodb:GetItem, not \"" + serviceAction + "\"");
            }
            action = serviceAction;
            return this;
        }

        /**
         * Sets the resource.
         *
         * @param arn the resource's ARN, or {@code "*"} for actions without a resource
         * @return this builder
         */
        public Builder resource(String arn) {
            resource = Objects.requireNonNull(arn, "arn");
            return this;
        }

        /**
         * Sets a context key. One value makes a single-valued key; several values, or none, make a
         * multivalued key (such as {@code aws:TagKeys} or {@code dynamodb:Attributes}).
         *
         * @param key the condition key, for example {@code aws:SourceIp}
         * @param values its values
         * @return this builder
         */
        public Builder context(String key, String... values) {
            Objects.requireNonNull(key, "key");
            List<String> list = List.copyOf(Arrays.asList(values));
            omitted.remove(key.toLowerCase(Locale.ROOT));
            context.put(key.toLowerCase(Locale.ROOT), new Entry(key, list, list.size() != 1));
            return this;
        }

        /**
         * Sets a multivalued context key, even when it has exactly one value.
         *
         * @param key the condition key, for example {@code dynamodb:LeadingKeys}
         * @param values its values; an empty list is a present but empty set
         * @return this builder
         */
        public Builder contextValues(String key, List<String> values) {
            Objects.requireNonNull(key, "key");
            omitted.remove(key.toLowerCase(Locale.ROOT));
            context.put(key.toLowerCase(Locale.ROOT), new Entry(key, List.copyOf(values), true));
            return this;
        }

        /**
         * Leaves a context key out of the request, so that it is missing as when AWS does not send it:
         * a condition on it then behaves as the "Condition operators" page says for a missing key
         * ({@code Null} true, {@code ...IfExists} and negated operators true, other operators false),
         * and a policy variable naming it has no value ("Policy variables with no value").
         *
         * <p>The keys {@link #build()} fills in by itself, and which this can remove, are
         * {@code aws:PrincipalArn}, {@code aws:PrincipalAccount}, {@code aws:PrincipalType},
         * {@code aws:username}, {@code aws:userid}, {@code aws:PrincipalTag/<key>},
         * {@code aws:PrincipalIsAWSService}, {@code aws:PrincipalServiceName}, {@code aws:CurrentTime},
         * {@code aws:EpochTime} and {@code aws:SecureTransport}. A key set with {@link #context} or
         * {@link #contextValues} is removed too; setting the key again with either of them afterwards
         * brings it back.
         * The key is matched regardless of case. It changes only the context keys, not the caller:
         * {@link RequestContext#principalArn()} and the matching of {@code Principal} are unaffected.
         *
         * @param key the condition key, for example {@code aws:SecureTransport}
         * @return this builder
         */
        public Builder without(String key) {
            Objects.requireNonNull(key, "key");
            String lower = key.toLowerCase(Locale.ROOT);
            context.remove(lower);
            omitted.add(lower);
            return this;
        }

        /**
         * Tags the calling principal, which sets {@code aws:PrincipalTag/<key>}.
         *
         * @param key the tag key
         * @param value the tag value
         * @return this builder
         */
        public Builder principalTag(String key, String value) {
            tags.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * Overrides {@code aws:username}; by default it is the IAM user's name, and absent for others.
         *
         * @param name the user name
         * @return this builder
         */
        public Builder username(String name) {
            explicitUserName = Objects.requireNonNull(name, "name");
            return this;
        }

        /**
         * Sets {@code aws:userid}: an IAM user's unique ID ({@code AIDA...}) or, for a role session,
         * {@code ROLEID:session-name}.
         *
         * @param id the unique ID
         * @return this builder
         */
        public Builder userId(String id) {
            userId = Objects.requireNonNull(id, "id");
            return this;
        }

        /**
         * Sets the request time, which drives {@code aws:CurrentTime} and {@code aws:EpochTime}; by
         * default it is the time {@link #build()} is called.
         *
         * @param time the request time
         * @return this builder
         */
        public Builder currentTime(Instant time) {
            currentTime = Objects.requireNonNull(time, "time");
            return this;
        }

        /**
         * Sets {@code aws:SourceIp}.
         *
         * @param ip the caller's IPv4 or IPv6 address
         * @return this builder
         */
        public Builder sourceIp(String ip) {
            return context("aws:SourceIp", Objects.requireNonNull(ip, "ip"));
        }

        /**
         * Finishes the request.
         *
         * @return the request
         * @throws IllegalStateException when the principal or the action is missing
         */
        public RequestContext build() {
            if (principalType == null) {
                throw new IllegalStateException("the request has no principal: call principalArn(...),"
                        + " principalService(...), principalAccount(...), principalFederated(...) or anonymous()");
            }
            if (action == null) {
                throw new IllegalStateException("the request has no action: call action(\"service:Action\")");
            }
            Instant now = currentTime != null ? currentTime : Instant.now();
            Map<String, Entry> all = new LinkedHashMap<>();
            for (Map.Entry<String, List<String>> e : automaticKeys(now).entrySet()) {
                all.put(e.getKey().toLowerCase(Locale.ROOT), new Entry(e.getKey(), e.getValue(), false));
            }
            all.putAll(context);
            all.keySet().removeAll(omitted);
            return new RequestContext(this, all, now);
        }

        private Map<String, List<String>> automaticKeys(Instant now) {
            Map<String, List<String>> keys = new LinkedHashMap<>();
            String account = arn == null ? null : arn.account();
            String principalArnKey = switch (principalType) {
                case ROLE_SESSION, ROLE -> arn.roleArn();
                case IAM_USER, FEDERATED_USER, ROOT -> arn.arn();
                default -> null;
            };
            put(keys, "aws:PrincipalArn", principalArnKey);
            put(keys, "aws:PrincipalAccount", account);
            put(
                    keys,
                    "aws:PrincipalType",
                    switch (principalType) {
                        case IAM_USER -> "User";
                        case ROLE_SESSION, ROLE -> "AssumedRole";
                        case FEDERATED_USER -> "FederatedUser";
                        case ROOT -> "Account";
                        case ANONYMOUS -> "Anonymous";
                        default -> null;
                    });
            String userName = arn == null ? null : arn.userName();
            put(keys, "aws:username", explicitUserName != null ? explicitUserName : userName);
            String defaultUserId = switch (principalType) {
                case ROOT -> account;
                case FEDERATED_USER -> account + ":" + arn.sessionName();
                case ANONYMOUS -> "anonymous";
                default -> null;
            };
            put(keys, "aws:userid", userId != null ? userId : defaultUserId);
            tags.forEach((k, v) -> put(keys, "aws:PrincipalTag/" + k, v));
            put(keys, "aws:PrincipalIsAWSService", principalType == PrincipalType.SERVICE ? "true" : "false");
            put(keys, "aws:PrincipalServiceName", service);
            put(keys, "aws:CurrentTime", now.toString());
            put(keys, "aws:EpochTime", Long.toString(now.getEpochSecond()));
            put(keys, "aws:SecureTransport", "true");
            return keys;
        }

        private static void put(Map<String, List<String>> keys, String key, String value) {
            if (value != null) {
                keys.put(key, List.of(value));
            }
        }
    }

    /** The caller's partition, for explanations that write an ARN for it. */
    String partition() {
        return arn == null ? DEFAULT_PARTITION : arn.partition();
    }
}
