package dev.arcade.evaluators.iam.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A compiled IAM wildcard pattern: {@code *} matches any run of characters (including none) and
 * {@code ?} matches exactly one character.
 *
 * <p>A pattern is built from pieces that are either <em>glob</em> text, in which {@code *} and
 * {@code ?} are wildcards, or <em>literal</em> text, in which they are ordinary characters. The
 * distinction exists because IAM substitutes policy variables before matching: the value of
 * {@code ${aws:username}} and the escapes {@code ${*}}, {@code ${?}}, {@code ${$}} must never act as
 * wildcards, while the surrounding policy text must.
 *
 * <p>Matching is case-sensitive unless {@link #matchesIgnoreCase(String)} is used, as AWS matches
 * resource ARNs case-sensitively and action names case-insensitively.
 *
 * <p>This class is an implementation helper of the IAM evaluator, public only so that the evaluator
 * package can use it; its shape may change.
 */
public final class ArnPattern {

    /** Token kinds, one per pattern character. */
    private static final byte LITERAL = 0;

    private static final byte STAR = 1;
    private static final byte ANY_ONE = 2;

    private final char[] chars;
    private final byte[] kinds;
    private final String source;

    private ArnPattern(char[] chars, byte[] kinds, String source) {
        this.chars = chars;
        this.kinds = kinds;
        this.source = source;
    }

    /**
     * Compiles a glob in which every {@code *} and {@code ?} is a wildcard.
     *
     * @param glob the pattern text, for example {@code arn:aws:s3:::bucket/*}
     * @return the compiled pattern
     */
    public static ArnPattern compile(String glob) {
        return builder().glob(glob).build();
    }

    /**
     * Compiles text that matches only itself, wildcard characters included.
     *
     * @param text the literal text
     * @return a pattern matching exactly {@code text}
     */
    public static ArnPattern literal(String text) {
        return builder().literal(text).build();
    }

    /**
     * Starts a pattern made of glob and literal pieces.
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Tells whether the whole of {@code value} matches this pattern, case-sensitively.
     *
     * @param value the string to test
     * @return true when the pattern matches all of {@code value}
     */
    public boolean matches(String value) {
        return matchRange(0, chars.length, value, false);
    }

    /**
     * Tells whether the whole of {@code value} matches this pattern, ignoring case.
     *
     * @param value the string to test
     * @return true when the pattern matches all of {@code value}, case aside
     */
    public boolean matchesIgnoreCase(String value) {
        return matchRange(0, chars.length, value, true);
    }

    /**
     * Matches an ARN component by component, as IAM does for {@code Resource} and the ARN condition
     * operators.
     *
     * <p>An ARN has six colon-separated components ({@code arn:partition:service:region:account:resource});
     * a wildcard in one of the first five components never spans a colon into the next one, while
     * the sixth component (the resource part, which may itself contain colons) is matched as a whole.
     * A pattern or value with fewer than six components is matched as a plain glob, which is how
     * {@code "*"} matches everything.
     *
     * @param arn the ARN (or other string) to test
     * @return true when the pattern matches
     */
    public boolean matchesArn(String arn) {
        List<int[]> patternParts = splitPattern();
        String[] valueParts = Arns.components(arn);
        if (patternParts.size() != Arns.COMPONENTS || valueParts.length != Arns.COMPONENTS) {
            return matches(arn);
        }
        for (int i = 0; i < Arns.COMPONENTS; i++) {
            int[] range = patternParts.get(i);
            if (!matchRange(range[0], range[1], valueParts[i], false)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Tells whether the pattern contains any wildcard.
     *
     * @return true when at least one {@code *} or {@code ?} acts as a wildcard
     */
    public boolean hasWildcards() {
        for (byte kind : kinds) {
            if (kind != LITERAL) {
                return true;
            }
        }
        return false;
    }

    /**
     * The text the pattern was built from, with literal pieces shown as they are.
     *
     * @return the pattern's source text
     */
    @Override
    public String toString() {
        return source;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ArnPattern that
                && java.util.Arrays.equals(chars, that.chars)
                && java.util.Arrays.equals(kinds, that.kinds);
    }

    @Override
    public int hashCode() {
        return 31 * java.util.Arrays.hashCode(chars) + java.util.Arrays.hashCode(kinds);
    }

    /** Ranges of the pattern's first five components and the rest, split at literal colons. */
    private List<int[]> splitPattern() {
        List<int[]> parts = new ArrayList<>(Arns.COMPONENTS);
        int start = 0;
        for (int i = 0; i < chars.length && parts.size() < Arns.COMPONENTS - 1; i++) {
            if (kinds[i] == LITERAL && chars[i] == ':') {
                parts.add(new int[] {start, i});
                start = i + 1;
            }
        }
        parts.add(new int[] {start, chars.length});
        return parts;
    }

    /**
     * Glob matching with single-star backtracking: linear in practice and never exponential,
     * because a later star always supersedes the backtrack point of an earlier one.
     */
    private boolean matchRange(int from, int to, String value, boolean ignoreCase) {
        int p = from;
        int s = 0;
        int starP = -1;
        int starS = -1;
        int length = value.length();
        while (s < length) {
            if (p < to && kinds[p] == ANY_ONE) {
                p++;
                s++;
            } else if (p < to && kinds[p] == LITERAL && same(chars[p], value.charAt(s), ignoreCase)) {
                p++;
                s++;
            } else if (p < to && kinds[p] == STAR) {
                starP = p++;
                starS = s;
            } else if (starP >= 0) {
                p = starP + 1;
                s = ++starS;
            } else {
                return false;
            }
        }
        while (p < to && kinds[p] == STAR) {
            p++;
        }
        return p == to;
    }

    private static boolean same(char a, char b, boolean ignoreCase) {
        if (a == b) {
            return true;
        }
        return ignoreCase
                && (Character.toLowerCase(a) == Character.toLowerCase(b)
                        || Character.toUpperCase(a) == Character.toUpperCase(b));
    }

    /** Assembles a pattern from glob and literal pieces. */
    public static final class Builder {
        private final StringBuilder chars = new StringBuilder();
        private final StringBuilder kinds = new StringBuilder();
        private final StringBuilder source = new StringBuilder();

        private Builder() {}

        /**
         * Appends text in which {@code *} and {@code ?} are wildcards.
         *
         * @param text glob text
         * @return this builder
         */
        public Builder glob(String text) {
            Objects.requireNonNull(text, "text");
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                chars.append(c);
                kinds.append((char) (c == '*' ? STAR : c == '?' ? ANY_ONE : LITERAL));
            }
            source.append(text);
            return this;
        }

        /**
         * Appends text that matches only itself.
         *
         * @param text literal text
         * @return this builder
         */
        public Builder literal(String text) {
            Objects.requireNonNull(text, "text");
            for (int i = 0; i < text.length(); i++) {
                chars.append(text.charAt(i));
                kinds.append((char) LITERAL);
            }
            source.append(text);
            return this;
        }

        /**
         * Finishes the pattern.
         *
         * @return the compiled pattern
         */
        public ArnPattern build() {
            char[] c = chars.toString().toCharArray();
            byte[] k = new byte[kinds.length()];
            for (int i = 0; i < k.length; i++) {
                k[i] = (byte) kinds.charAt(i);
            }
            return new ArnPattern(c, k, source.toString());
        }
    }

    /**
     * Lower-cases with the root locale, the way the evaluator normalises case-insensitive names.
     *
     * @param text any text
     * @return the text in lower case
     */
    public static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}
