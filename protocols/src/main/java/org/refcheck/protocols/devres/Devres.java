package org.refcheck.protocols.devres;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.refcheck.lifetime.Allocation;
import org.refcheck.lifetime.LifetimeTracker;
import org.refcheck.protocols.Errno;
import org.refcheck.sync.Faults;
import org.refcheck.sync.Mutex;

/**
 * A device's managed resources (drivers/base/devres.c, include/linux/device/devres.h): actions registered while the
 * driver binds, all run when it unbinds or its probe fails, last registered first.
 *
 * <pre> {@code
 * Devres devres = new Devres(heap, "dev");
 * Allocation state = devres.alloc("state");                       // devm_kzalloc; null: -ENOMEM
 * int ret = devres.addActionOrReset("disable", hw::disable);      // if the node cannot be added, disable now
 * ...
 * devres.releaseAll();                                            // unbind: disable, then free state
 * }</pre>
 *
 * <p>Adding a node allocates it, and that allocation may fail: each add is a fallible step
 * ({@link Faults#mayFail} with the label {@value #NODE}), which the model checker's fault injection fails in turn.
 *
 * <p>Memory consistency effects: the node list is guarded by the devres lock, so actions added before
 * {@link #releaseAll()} takes the list happen-before they run; the actions run without the lock.
 */
public class Devres {

    /*
     * Implementation notes. `nodes` (guarded by `lock`) lists the registered actions in registration order.
     * releaseAll(): under the lock, move every node to a local to-do list (remove_nodes); unlock; run the to-do
     * list from its end (release_nodes' list_for_each_entry_safe_reverse): strict LIFO, each action once, no lock
     * held while actions run. A node's lifetime: ADDED --releaseAll, removeAction or releaseAction--> GONE; an
     * action runs at most once, from releaseAll or releaseAction (or at once from addActionOrReset when the node
     * could not be added). The order of a to-do list is the one protected step, release(), so that a mutant can
     * reverse it.
     */

    /** The label of the fallible step of allocating a devres node. */
    public static final String NODE = "devres node";

    /** A release callback: {@code void (*action)(void *data)} with its data bound. */
    @FunctionalInterface
    public interface Action {
        void run();
    }

    /** A registered action and the label it was added with. */
    protected record Node(String label, Action action) {
    }

    private final LifetimeTracker heap;
    private final String device;
    private final Mutex lock;
    private final List<Node> nodes = new ArrayList<>();

    /** The resource list of the device named {@code device}; memory it allocates is tracked by {@code heap}. */
    public Devres(LifetimeTracker heap, String device) {
        this.heap = Objects.requireNonNull(heap, "heap");
        this.device = Objects.requireNonNull(device, "device");
        this.lock = Mutex.create(device + ".devres_lock");
    }

    /**
     * {@code devm_add_action}: registers {@code action} to run at release.
     *
     * @return {@code 0}, or {@code -ENOMEM} if the node could not be allocated (nothing was registered)
     */
    public int addAction(String label, Action action) {
        Objects.requireNonNull(action, "action");
        if (Faults.mayFail(NODE)) {
            return Errno.ENOMEM;
        }
        try (Mutex.Guard held = lock.lock()) {
            nodes.add(new Node(label, action));
        }
        return 0;
    }

    /**
     * {@code devm_add_action_or_reset}: {@link #addAction}, and if that fails, runs {@code action} at once so that
     * what it would have released does not leak.
     *
     * @return what {@link #addAction} returned
     */
    public int addActionOrReset(String label, Action action) {
        int ret = addAction(label, action);
        if (ret != 0) {
            action.run();
        }
        return ret;
    }

    /**
     * {@code devm_kzalloc}: tracked memory freed at release. The memory and its node are one allocation, so this is
     * one fallible step.
     *
     * @return the allocation, or {@code null} ({@code -ENOMEM})
     */
    public Allocation alloc(String label) {
        if (Faults.mayFail(NODE)) {
            return null;
        }
        Allocation memory = heap.allocate(label);
        try (Mutex.Guard held = lock.lock()) {
            nodes.add(new Node("free " + label, memory::free));
        }
        return memory;
    }

    /** {@code devm_remove_action}: unregisters {@code action} without running it; whether it was registered. */
    public boolean removeAction(Action action) {
        return take(action) != null;
    }

    /** {@code devm_release_action}: unregisters {@code action} and runs it; whether it was registered. */
    public boolean releaseAction(Action action) {
        Node node = take(action);
        if (node != null) {
            node.action().run();
        }
        return node != null;
    }

    /**
     * {@code devres_release_all}: takes every node off the list and runs their actions, last added first.
     *
     * @return how many actions ran
     */
    public int releaseAll() {
        List<Node> todo;
        try (Mutex.Guard held = lock.lock()) {
            todo = new ArrayList<>(nodes);
            nodes.clear();
        }
        release(todo);
        return todo.size();
    }

    /** Runs the to-do list of {@link #releaseAll()}: from the last node to the first. */
    protected void release(List<Node> todo) {
        for (int i = todo.size() - 1; i >= 0; i--) {
            todo.get(i).action().run();
        }
    }

    /** The labels of the registered actions, in registration order. */
    public List<String> labels() {
        try (Mutex.Guard held = lock.lock()) {
            List<String> labels = new ArrayList<>();
            for (Node n : nodes) {
                labels.add(n.label());
            }
            return labels;
        }
    }

    /** Removes the most recently added node of {@code action}, or returns {@code null}. */
    private Node take(Action action) {
        try (Mutex.Guard held = lock.lock()) {
            for (int i = nodes.size() - 1; i >= 0; i--) {
                if (nodes.get(i).action() == action) {
                    return nodes.remove(i);
                }
            }
            return null;
        }
    }

    @Override
    public String toString() {
        return "Devres(" + device + ")";
    }
}
