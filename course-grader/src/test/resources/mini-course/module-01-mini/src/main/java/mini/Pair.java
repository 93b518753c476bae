package mini;

/** Given: the same in skeleton and solution. */
public record Pair(int a, int b) {}
