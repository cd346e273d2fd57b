package org.refcheck.stress.rcu;

/** The sequential specification of {@link RcuCellOps}: an integer register with an increment. */
public class RcuCellSpec {

    private int value;

    public int read(int threadId) {
        return value;
    }

    public void replace(int value) {
        this.value = value;
    }

    public void increment(int threadId) {
        value++;
    }
}
