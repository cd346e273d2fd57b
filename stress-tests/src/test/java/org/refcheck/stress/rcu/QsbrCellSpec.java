package org.refcheck.stress.rcu;

/** The sequential specification of {@link QsbrCellOps}: an integer register. */
public class QsbrCellSpec {

    private int value;

    public int read(int threadId) {
        return value;
    }

    public void replace(int threadId, int value) {
        this.value = value;
    }
}
