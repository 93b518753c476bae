package dev.arcade.kit.lambda.learner;

/** What the record handler answers. */
public record ScoreReply(String player, int points, boolean highScore) {}
