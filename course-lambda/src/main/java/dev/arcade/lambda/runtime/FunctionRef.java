package dev.arcade.lambda.runtime;

/**
 * A function as a caller names it: a name, a name with a qualifier ({@code name:alias}), a partial
 * ARN ({@code 123456789012:function:name}) or a full ARN, qualified or not ("Invoke", FunctionName).
 *
 * @param name the function's name
 * @param qualifier the version or alias, or null
 */
record FunctionRef(String name, String qualifier) {

    static FunctionRef parse(String text, String qualifierParameter) {
        String[] parts = text.split(":");
        String name;
        String qualifier = null;
        if (text.startsWith("arn:")) {
            name = parts.length > 6 ? parts[6] : text;
            qualifier = parts.length > 7 ? parts[7] : null;
        } else if (parts.length >= 3 && parts[1].equals("function")) {
            name = parts[2];
            qualifier = parts.length > 3 ? parts[3] : null;
        } else {
            name = parts[0];
            qualifier = parts.length > 1 ? parts[1] : null;
        }
        if (qualifierParameter != null && !qualifierParameter.isEmpty()) {
            qualifier = qualifierParameter;
        }
        return new FunctionRef(name, qualifier);
    }

    boolean alias() {
        return qualifier != null
                && !qualifier.equals("$LATEST")
                && !qualifier.chars().allMatch(Character::isDigit);
    }
}
