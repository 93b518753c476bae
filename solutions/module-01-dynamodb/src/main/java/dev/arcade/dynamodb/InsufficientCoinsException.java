package dev.arcade.dynamodb;

/** A coin transfer was refused because the sender does not have enough coins. */
public class InsufficientCoinsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String playerId;
    private final long requested;

    /**
     * @param playerId  the sender who has too few coins
     * @param requested how many coins the transfer asked for
     * @param cause     the exception DynamoDB answered with
     */
    public InsufficientCoinsException(String playerId, long requested, Throwable cause) {
        super("player " + playerId + " has fewer than " + requested + " coins", cause);
        this.playerId = playerId;
        this.requested = requested;
    }

    /** The sender who has too few coins. */
    public String playerId() {
        return playerId;
    }

    /** How many coins the transfer asked for. */
    public long requested() {
        return requested;
    }
}
