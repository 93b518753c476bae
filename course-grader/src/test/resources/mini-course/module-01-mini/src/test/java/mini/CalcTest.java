package mini;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arcade.kit.Graded;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Timeout;

class CalcTest {
    final Calc calc = new Calc();

    @Graded(exercise = "1.1", points = 2)
    @DisplayName("adds two numbers")
    void adds() {
        assertThat(calc.add(2, 3)).as("2 + 3").isEqualTo(5);
    }

    @Graded(exercise = "1.2")
    @DisplayName("subtracts")
    void subtracts() {
        assertThat(calc.subtract(5, 3)).as("5 - 3").isEqualTo(2);
    }

    @Graded(exercise = "1.3", points = 3)
    @DisplayName("multiplies")
    void multiplies() {
        assertThat(calc.multiply(4, 3)).as("4 * 3").isEqualTo(12);
    }

    @Graded(exercise = "1.4")
    @Timeout(2)
    @DisplayName("divides")
    void divides() {
        assertThat(calc.divide(12, 3)).as("12 / 3").isEqualTo(4);
    }

    @Graded(exercise = "1.5")
    @DisplayName("negates")
    void negates() {
        assertThat(calc.negate(7)).as("-(7)").isEqualTo(-7);
    }

    @Graded(exercise = "1.5")
    @DisplayName("negates zero")
    void negatesZero() {
        assertThat(calc.negate(0)).as("-(0)").isZero();
    }
}
