package dev.arcade.evaluators.iam.internal;

import java.util.Locale;
import java.util.Optional;

/**
 * The base IAM condition operators, without the {@code ForAllValues:}/{@code ForAnyValue:} set
 * qualifiers or the {@code IfExists} suffix, as listed in "IAM JSON policy elements: Condition
 * operators" of the IAM User Guide.
 *
 * <p>Every negated operator ({@code StringNotEquals}, {@code NotIpAddress}, ...) is defined as the
 * negation of its positive counterpart over all the condition's values: the guide's "Evaluation
 * logic for negated matching condition operators" says a negated operator is true only when the
 * request value matches <em>none</em> of the listed values.
 *
 * <p>This enum is an implementation helper of the IAM evaluator; its shape may change.
 */
public enum ConditionOperator {
    /** Exact, case-sensitive string match. */
    STRING_EQUALS("StringEquals", Family.STRING, null),
    /** Negated exact string match. */
    STRING_NOT_EQUALS("StringNotEquals", Family.STRING, STRING_EQUALS),
    /** Exact string match ignoring case. */
    STRING_EQUALS_IGNORE_CASE("StringEqualsIgnoreCase", Family.STRING, null),
    /** Negated string match ignoring case. */
    STRING_NOT_EQUALS_IGNORE_CASE("StringNotEqualsIgnoreCase", Family.STRING, STRING_EQUALS_IGNORE_CASE),
    /** Case-sensitive match with {@code *} and {@code ?} wildcards. */
    STRING_LIKE("StringLike", Family.STRING, null),
    /** Negated wildcard string match. */
    STRING_NOT_LIKE("StringNotLike", Family.STRING, STRING_LIKE),
    /** Numeric equality. */
    NUMERIC_EQUALS("NumericEquals", Family.NUMERIC, null),
    /** Numeric inequality. */
    NUMERIC_NOT_EQUALS("NumericNotEquals", Family.NUMERIC, NUMERIC_EQUALS),
    /** Request value less than the policy value. */
    NUMERIC_LESS_THAN("NumericLessThan", Family.NUMERIC, null),
    /** Request value less than or equal to the policy value. */
    NUMERIC_LESS_THAN_EQUALS("NumericLessThanEquals", Family.NUMERIC, null),
    /** Request value greater than the policy value. */
    NUMERIC_GREATER_THAN("NumericGreaterThan", Family.NUMERIC, null),
    /** Request value greater than or equal to the policy value. */
    NUMERIC_GREATER_THAN_EQUALS("NumericGreaterThanEquals", Family.NUMERIC, null),
    /** Same instant. */
    DATE_EQUALS("DateEquals", Family.DATE, null),
    /** Different instant. */
    DATE_NOT_EQUALS("DateNotEquals", Family.DATE, DATE_EQUALS),
    /** Request date before the policy date. */
    DATE_LESS_THAN("DateLessThan", Family.DATE, null),
    /** Request date at or before the policy date. */
    DATE_LESS_THAN_EQUALS("DateLessThanEquals", Family.DATE, null),
    /** Request date after the policy date. */
    DATE_GREATER_THAN("DateGreaterThan", Family.DATE, null),
    /** Request date at or after the policy date. */
    DATE_GREATER_THAN_EQUALS("DateGreaterThanEquals", Family.DATE, null),
    /** Boolean match ({@code "true"} / {@code "false"}). */
    BOOL("Bool", Family.BOOL, null),
    /** Byte-for-byte match of base64-encoded values. */
    BINARY_EQUALS("BinaryEquals", Family.BINARY, null),
    /** Address inside one of the CIDR blocks. */
    IP_ADDRESS("IpAddress", Family.IP, null),
    /** Address outside all the CIDR blocks. */
    NOT_IP_ADDRESS("NotIpAddress", Family.IP, IP_ADDRESS),
    /** ARN match; like {@code ArnLike}, wildcards are allowed in each component. */
    ARN_EQUALS("ArnEquals", Family.ARN, null),
    /** ARN match with wildcards in each component. */
    ARN_LIKE("ArnLike", Family.ARN, null),
    /** Negated {@code ArnEquals}. */
    ARN_NOT_EQUALS("ArnNotEquals", Family.ARN, ARN_EQUALS),
    /** Negated {@code ArnLike}. */
    ARN_NOT_LIKE("ArnNotLike", Family.ARN, ARN_LIKE),
    /** Key presence test: {@code "true"} means the key must be absent. */
    NULL("Null", Family.NULL, null);

    /** Operator families, which decide how values are parsed and compared. */
    public enum Family {
        /** String comparison; supports policy variables. */
        STRING,
        /** Numeric comparison. */
        NUMERIC,
        /** Date comparison. */
        DATE,
        /** Boolean comparison. */
        BOOL,
        /** Base64 binary comparison. */
        BINARY,
        /** IP address range test. */
        IP,
        /** ARN comparison; supports policy variables. */
        ARN,
        /** Key presence test. */
        NULL
    }

    private final String policyName;
    private final Family family;
    private final ConditionOperator positive;

    ConditionOperator(String policyName, Family family, ConditionOperator positive) {
        this.policyName = policyName;
        this.family = family;
        this.positive = positive;
    }

    /**
     * The operator's name as written in policies.
     *
     * @return for example {@code StringEquals}
     */
    public String policyName() {
        return policyName;
    }

    /**
     * The operator's family.
     *
     * @return how values of this operator are compared
     */
    public Family family() {
        return family;
    }

    /**
     * Tells whether this is a negated operator.
     *
     * @return true for {@code StringNotEquals}, {@code NotIpAddress} and the like
     */
    public boolean negated() {
        return positive != null;
    }

    /**
     * The operator whose negation this one is, or this operator when it is not negated.
     *
     * @return the positive form
     */
    public ConditionOperator positive() {
        return positive == null ? this : positive;
    }

    /**
     * Tells whether policy variables are substituted in this operator's values; the guide allows
     * them only with the string and ARN operators.
     *
     * @return true for the string and ARN families
     */
    public boolean supportsVariables() {
        return family == Family.STRING || family == Family.ARN;
    }

    /**
     * Looks an operator up by its policy name, ignoring case.
     *
     * @param name for example {@code StringLike}
     * @return the operator, or empty when IAM has no such operator
     */
    public static Optional<ConditionOperator> byName(String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        for (ConditionOperator op : values()) {
            if (op.policyName.toLowerCase(Locale.ROOT).equals(wanted)) {
                return Optional.of(op);
            }
        }
        return Optional.empty();
    }
}
