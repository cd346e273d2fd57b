package org.refcheck.model.rt;

import org.refcheck.sync.Mutex;

/**
 * The model back-end's {@link Mutex}: {@link #lock()} is a scheduling point that is disabled while another thread
 * holds the mutex, so a thread never sleeps on it for real, and a cycle of waiters is reported as a deadlock.
 */
final class ModelMutex extends ModelObject implements Mutex {

    private LogicalThread holder;

    ModelMutex(Execution execution, String label) {
        super(execution, label);
    }

    @Override
    Object stateValue() {
        return holder == null ? -1 : holder.id;
    }

    boolean isHeld() {
        return holder != null;
    }

    String holderName() {
        return holder == null ? "nobody" : holder.getName();
    }

    @Override
    public Guard lock() {
        execution.schedule(new Op(OpKind.LOCK, id, label, "lock", this));
        holder = execution.currentThread();
        record(OpKind.LOCK, "lock", null, holder.getName());
        return new Held();
    }

    @Override
    public Guard tryLock() {
        schedule(OpKind.RMW, "tryLock");
        if (holder != null) {
            record(OpKind.READ, "tryLock", holder.getName(), null);
            return null;
        }
        holder = execution.currentThread();
        record(OpKind.LOCK, "tryLock", null, holder.getName());
        return new Held();
    }

    @Override
    public boolean isLocked() {
        schedule(OpKind.READ, "isLocked");
        boolean locked = holder != null;
        record(OpKind.READ, "isLocked", locked, null);
        return locked;
    }

    private void unlock() {
        schedule(OpKind.UNLOCK, "unlock");
        holder = null;
        record(OpKind.UNLOCK, "unlock", null, "free");
    }

    @Override
    public String toString() {
        return label + " (held by " + holderName() + ")";
    }

    private final class Held implements Guard {
        private boolean released;

        @Override
        public Mutex mutex() {
            return ModelMutex.this;
        }

        @Override
        public void close() {
            if (released) {
                throw new IllegalStateException(label + " unlocked twice through the same guard");
            }
            released = true;
            unlock();
        }
    }
}
