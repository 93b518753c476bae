package dev.arcade.dynamodb;

/** An operation named a player who has no profile. */
public class UnknownPlayerException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String playerId;

    /**
     * @param playerId the player who does not exist
     * @param cause    the exception DynamoDB answered with
     */
    public UnknownPlayerException(String playerId, Throwable cause) {
        super("there is no player " + playerId, cause);
        this.playerId = playerId;
    }

    /** The player who does not exist. */
    public String playerId() {
        return playerId;
    }
}
