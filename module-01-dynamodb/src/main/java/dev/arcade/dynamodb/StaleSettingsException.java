package dev.arcade.dynamodb;

/** Settings were not saved because someone else saved a newer version first. */
public class StaleSettingsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String playerId;

    /**
     * @param playerId whose settings were not saved
     * @param cause    the exception DynamoDB answered with
     */
    public StaleSettingsException(String playerId, Throwable cause) {
        super("the settings of player " + playerId + " were changed by someone else; load them again and retry", cause);
        this.playerId = playerId;
    }

    /** Whose settings were not saved. */
    public String playerId() {
        return playerId;
    }
}
