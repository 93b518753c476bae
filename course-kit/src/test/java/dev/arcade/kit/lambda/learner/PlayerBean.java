package dev.arcade.kit.lambda.learner;

/** A JavaBean input and output (no-argument constructor, getters and setters). */
public class PlayerBean {
    private String name;
    private int level;

    public PlayerBean() {}

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public int getLevel() {
        return level;
    }

    public void setLevel(int level) {
        this.level = level;
    }
}
