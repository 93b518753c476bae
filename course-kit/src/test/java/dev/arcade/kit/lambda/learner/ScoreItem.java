package dev.arcade.kit.lambda.learner;

import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;

/** An item of the scores table for the Enhanced Client ({@code @DynamoDbBean}). */
@DynamoDbBean
public class ScoreItem {
    private String player;
    private Integer points;

    @DynamoDbPartitionKey
    public String getPlayer() {
        return player;
    }

    public void setPlayer(String player) {
        this.player = player;
    }

    public Integer getPoints() {
        return points;
    }

    public void setPoints(Integer points) {
        this.points = points;
    }
}
