package dev.arcade.kit.lambda.learner;

/** A score submitted as JSON {@code {"player": "...", "points": N}}. */
public record ScoreRequest(String player, int points) {}
