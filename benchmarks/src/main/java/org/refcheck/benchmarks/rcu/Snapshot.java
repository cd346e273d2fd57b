package org.refcheck.benchmarks.rcu;

/** The object readers look up and the updater replaces: immutable once published. */
final class Snapshot {

    final long version;

    Snapshot(long version) {
        this.version = version;
    }
}
