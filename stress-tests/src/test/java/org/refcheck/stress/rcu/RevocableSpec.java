package org.refcheck.stress.rcu;

/**
 * The sequential specification of {@link RevocableOps}: the data is available until the first revoke, which alone
 * reports that it revoked; afterwards every access is refused.
 */
public class RevocableSpec {

    private boolean available = true;

    public int access(int threadId) {
        return available ? "regs".length() : RevocableOps.REVOKED;
    }

    public boolean revoke() {
        boolean revoked = available;
        available = false;
        return revoked;
    }
}
