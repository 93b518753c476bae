package dev.arcade.dynamodb;

/** A bulk import gave up: some items could still not be written after every allowed attempt. */
public class BulkImportException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what was not written and after how many attempts
     * @param cause   the last error, or {@code null} when DynamoDB kept returning unprocessed items
     */
    public BulkImportException(String message, Throwable cause) {
        super(message, cause);
    }
}
