package mini;

/** The skeleton. */
public class Calc {
    public int add(int a, int b) {
        throw new UnsupportedOperationException("TODO 1.1: add a and b");
    }

    public int subtract(int a, int b) {
        throw new UnsupportedOperationException("TODO 1.2: subtract b from a");
    }

    public int multiply(int a, int b) {
        throw new UnsupportedOperationException("TODO 1.3: multiply");
    }

    public int divide(int a, int b) {
        throw new UnsupportedOperationException("TODO 1.4: divide");
    }

    public int negate(int a) {
        throw new UnsupportedOperationException("TODO 1.5: negate");
    }
}
