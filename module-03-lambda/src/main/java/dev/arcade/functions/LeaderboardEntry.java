package dev.arcade.functions;

/**
 * One line of a leaderboard: a player and their best score in a game. Given.
 *
 * @param playerId the player's id
 * @param score the player's best score, 0 or more
 */
public record LeaderboardEntry(String playerId, long score) {}
