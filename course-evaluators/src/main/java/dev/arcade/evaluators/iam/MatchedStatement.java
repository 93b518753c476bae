package dev.arcade.evaluators.iam;

/**
 * A policy statement that took part in a decision.
 *
 * @param policyName the name the policy was given in the {@link PolicySet}
 * @param kind the role the policy played
 * @param statementIndex the statement's zero-based position in the policy
 * @param sid the statement's {@code Sid}, or null when it has none
 * @param json the statement as pretty-printed JSON
 */
public record MatchedStatement(String policyName, PolicyKind kind, int statementIndex, String sid, String json) {

    /**
     * Names the statement in English.
     *
     * @return for example {@code statement 1 (Sid "DenyLogs") of identity policy "Guardrail"}
     */
    public String describe() {
        return "statement " + statementIndex + (sid == null ? "" : " (Sid \"" + sid + "\")") + " of " + kind.label()
                + " \"" + policyName + "\"";
    }
}
