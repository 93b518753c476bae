package dev.arcade.dynamodb;

import java.util.List;

/**
 * One page of a player's history, newest first.
 *
 * @param plays         the plays on this page, newest first; never null, possibly empty
 * @param nextPageToken pass it back to get the next page; {@code null} when there are no more pages
 */
public record HistoryPage(List<Play> plays, String nextPageToken) {
    /** Copies the list, so that a page cannot change after it was made. */
    public HistoryPage {
        plays = List.copyOf(plays);
    }

    /** Whether there is a next page to ask for. */
    public boolean hasNextPage() {
        return nextPageToken != null;
    }
}
