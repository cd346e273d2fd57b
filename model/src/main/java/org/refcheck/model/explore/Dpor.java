package org.refcheck.model.explore;

import java.util.ArrayList;
import java.util.List;
import org.refcheck.model.rt.Event;
import org.refcheck.model.rt.Execution;
import org.refcheck.model.rt.Failure;
import org.refcheck.model.rt.FailureKind;
import org.refcheck.model.rt.LogicalThread;
import org.refcheck.model.rt.Op;
import org.refcheck.model.rt.SchedulingStrategy;

/**
 * Exhaustive exploration with optimal dynamic partial-order reduction: source sets, sleep sets and wakeup trees
 * (Abdulla, Aronis, Jonsson, Sagonas, POPL 2014 and JACM 2017), so that every Mazurkiewicz trace of the test is
 * explored exactly once, and no execution is wasted ending in a sleep set.
 *
 * <p>Stateless: each execution re-runs the test from the start. The stack of {@link Node}s is the current
 * execution's path; after each execution, its races are reversed into the wakeup trees of the nodes where they
 * begin, and the next execution replays the path up to the deepest node with a branch left, then takes it.
 *
 * <p>Dependence is judged on what events did ({@link Step}): a failed compare-and-set is a read. Races are found on
 * the finished execution's {@link HappensBefore}, in which adds that declared what they observe commute unless
 * {@link CommutingAdditions} orders them; sleep sets and wakeup sequences keep judging every add a write, which
 * only ever explores more.
 *
 * <p>Given an {@link ExplorationPrefix}, it explores only below that prefix: the prefix's steps are replayed in
 * every execution and races whose first event lies in the prefix are left to the parts of the split that branch
 * there ({@link ParallelExploration}). The prefix's covered siblings are not chosen freely below it, but they
 * never stop a race reversal from being planted (as sleeping events do): the wakeup sequences that would cover
 * them start above the prefix, in the whole tree, and a part does not have them.
 *
 * <p>Under weak memory, a load that may read several stores is a node with several choices of one thread: the
 * node explores every choice (deepest first) before its wakeup tree's branches, and a branch that starts with a
 * read the new choice took elsewhere is dropped where the thread no longer does what the branch expected, since
 * which store a load reads may change what its thread does next.
 */
public final class Dpor implements SchedulingStrategy {

    /*
     * Implementation notes. Positions of an execution:
     *   [0, branchPoint)     replay: the chosen thread of each node again (non-determinism is a failure)
     *   branchPoint          the leftmost remaining branch of that node's wakeup tree
     *   (branchPoint, ...)   new nodes: follow the subtree of the branch taken while it lasts, then run the
     *                        previous thread if it may (fewest preemptions first), else the lowest awake thread
     * Invariant: a node's wakeup tree holds only unexplored branches; the branch being explored is in neither
     * its tree nor its sleep set, and joins the sleep set when exploration returns to the node.
     * With a prefix of length K, nodes [0, K) are forced: their thread is the prefix's, their `covered` events
     * (inherited below like a sleep set, but never consulted by race reversal) gain the prefix's covered siblings,
     * and no race is ever reversed into them, so their wakeup trees stay empty and exploration ends when
     * backtracking reaches them.
     * Under weak memory (never with a prefix), a node whose load has read choices left is re-entered with the same
     * thread (`rereading`) before its tree is touched, and its thread joins the sleep set only once every choice
     * has been explored.
     */

    private final int preemptionBound;
    private final boolean commuteAdditions;
    private final ExplorationPrefix prefix;
    private final boolean weakMemory;
    private final List<Node> stack = new ArrayList<>();
    private int position;
    private int branchPoint = -1;
    private WakeupTree pendingSubtree = new WakeupTree();
    private Step previousExecuted;
    /** The event a wakeup-tree branch expects at the current position, or null for a free choice. */
    private Step expected;

    private long sleepBlocked;
    private long boundPruned;

    /**
     * @param preemptionBound  the maximum number of preemptions per execution, or a negative number for none
     * @param commuteAdditions whether adds that declared what they observe may commute (see
     *                         {@link CommutingAdditions}); {@code false} explores every order of them
     */
    public Dpor(int preemptionBound, boolean commuteAdditions) {
        this(preemptionBound, commuteAdditions, ExplorationPrefix.none(), false);
    }

    /** Exploration of only the part of the tree below {@code prefix} (see the class comment). */
    public Dpor(int preemptionBound, boolean commuteAdditions, ExplorationPrefix prefix) {
        this(preemptionBound, commuteAdditions, prefix, false);
    }

    /**
     * @param weakMemory whether loads may read one of several stores ({@link #chooseRead}), so that a thread may
     *                   legitimately leave a branch recorded under another read choice
     */
    public Dpor(int preemptionBound, boolean commuteAdditions, boolean weakMemory) {
        this(preemptionBound, commuteAdditions, ExplorationPrefix.none(), weakMemory);
    }

    private Dpor(int preemptionBound, boolean commuteAdditions, ExplorationPrefix prefix, boolean weakMemory) {
        this.preemptionBound = preemptionBound;
        this.commuteAdditions = commuteAdditions;
        this.prefix = prefix;
        this.weakMemory = weakMemory;
    }

    /** Executions that ended because every enabled thread was asleep (zero for optimal exploration). */
    public long sleepBlocked() {
        return sleepBlocked;
    }

    /** Branches dropped because they exceeded the preemption bound. */
    public long boundPruned() {
        return boundPruned;
    }

    /** Prepares the next execution. */
    public void beginExecution() {
        position = 0;
        previousExecuted = null;
    }

    @Override
    public LogicalThread choose(Execution execution, List<LogicalThread> enabled, LogicalThread current) {
        if (position < branchPoint) {
            return replay(execution, enabled);
        }
        Node node;
        WakeupTree tree;
        if (position == branchPoint) {
            node = stack.get(position);
            tree = node.wakeup;
            if (node.rereading) {
                LogicalThread again = find(enabled, node.chosenThread);
                pendingSubtree = new WakeupTree();
                expected = null;
                if (again == null) {
                    node.rereading = false;
                    node.readAlternatives = 1;
                    return null;   // cannot happen for a deterministic test: the replay check reports it
                }
                return again;
            }
        } else {
            Node parent = position == 0 ? null : stack.get(position - 1);
            node = new Node(parent == null ? new ArrayList<>() : parent.sleepAfter(previousExecuted));
            node.covered = parent == null ? List.of() : parent.coveredAfter(previousExecuted);
            node.preemptions = parent == null ? 0 : parent.preemptions;
            stack.add(node);
            node.wakeup = pendingSubtree;
            tree = node.wakeup;
            if (position < prefix.length()) {
                return forced(execution, node, enabled, current);
            }
        }
        int basePreemptions = position == 0 ? 0 : stack.get(position - 1).preemptions;
        while (!tree.isEmpty()) {
            WakeupTree.Child branch = tree.takeLeftmost();
            LogicalThread t = find(enabled, branch.step().thread());
            if (t == null) {
                continue;
            }
            int preemptions = basePreemptions + (isPreemption(t, current, enabled) ? 1 : 0);
            if (preemptionBound >= 0 && preemptions > preemptionBound) {
                boundPruned++;
                continue;
            }
            pendingSubtree = branch.subtree();
            expected = branch.step();
            return take(node, t, preemptions);
        }
        pendingSubtree = new WakeupTree();
        expected = null;
        if (position == branchPoint) {
            return null;   // every remaining branch was infeasible or beyond the bound
        }
        LogicalThread pick = null;
        if (current != null && enabled.contains(current) && !node.isAsleep(current.id())) {
            pick = current;
        } else {
            for (LogicalThread t : enabled) {
                if (!node.isAsleep(t.id())) {
                    pick = t;
                    break;
                }
            }
        }
        if (pick == null) {
            sleepBlocked++;
            return null;
        }
        int preemptions = basePreemptions + (isPreemption(pick, current, enabled) ? 1 : 0);
        return take(node, pick, preemptions);
    }

    /** The prefix's thread at a forced node, created in the first execution; later ones replay it. */
    private LogicalThread forced(Execution execution, Node node, List<LogicalThread> enabled, LogicalThread current) {
        if (!prefix.covered(position).isEmpty()) {
            List<Step> all = new ArrayList<>(node.covered);
            all.addAll(prefix.covered(position));
            node.covered = all;
        }
        LogicalThread t = find(enabled, prefix.thread(position));
        if (t == null) {
            execution.fail(new Failure(FailureKind.NONDETERMINISM, "the exploration prefix " + prefix + " asks "
                    + "thread " + prefix.thread(position) + " to run at step " + position + ", where it is not "
                    + "enabled: the test does something else each time it runs", prefix.thread(position), null));
            return null;
        }
        pendingSubtree = new WakeupTree();
        expected = null;
        int base = position == 0 ? 0 : stack.get(position - 1).preemptions;
        return take(node, t, base + (isPreemption(t, current, enabled) ? 1 : 0));
    }

    private LogicalThread take(Node node, LogicalThread t, int preemptions) {
        node.chosenThread = t.id();
        node.readChoice = 0;
        node.readAlternatives = 1;
        node.rereading = false;
        Op op = t.pending();
        node.chosenMethod = op.method();
        node.chosenObject = op.object();
        node.preemptions = preemptions;
        return t;
    }

    private static boolean isPreemption(LogicalThread next, LogicalThread current, List<LogicalThread> enabled) {
        return current != null && next != current && enabled.contains(current);
    }

    private LogicalThread replay(Execution execution, List<LogicalThread> enabled) {
        Node node = stack.get(position);
        LogicalThread t = find(enabled, node.chosenThread);
        if (t == null || t.pending().object() != node.chosenObject
                || !t.pending().method().equals(node.chosenMethod)) {
            execution.fail(new Failure(FailureKind.NONDETERMINISM, "replaying the same schedule, thread "
                    + node.chosenThread + " did not reach the same operation at step " + position + " (expected "
                    + node.chosenMethod + ", found " + (t == null ? "it blocked or finished" : t.pending()) + "): "
                    + "the test depends on something besides the schedule, such as time, hash order or a thread "
                    + "refcheck does not control", node.chosenThread, null));
            return null;
        }
        return t;
    }

    private static LogicalThread find(List<LogicalThread> enabled, int id) {
        for (LogicalThread t : enabled) {
            if (t.id() == id) {
                return t;
            }
        }
        return null;
    }

    /** The load of the node at this position reads the recorded store when replaying, else the next one. */
    @Override
    public int chooseRead(Execution execution, LogicalThread reader, int alternatives) {
        Node node = stack.get(position);
        if (position < branchPoint || node.rereading) {
            node.rereading = false;
            node.readAlternatives = alternatives;
            return node.readChoice;
        }
        node.readChoice = 0;
        node.readAlternatives = alternatives;
        return 0;
    }

    @Override
    public void executed(Execution execution, Event event) {
        Step step = Step.of(event);
        if (expected != null && !expected.matches(event) && weakMemory) {
            pendingSubtree = new WakeupTree();   // the branch was recorded under another read choice
        } else if (expected != null && !expected.matches(event)) {
            execution.fail(new Failure(FailureKind.NONDETERMINISM, "at step " + position + " thread " + event.thread
                    + " was expected to perform " + expected + " but performed " + event + ": the test depends on "
                    + "something besides the schedule, such as time, hash order or a thread refcheck does not "
                    + "control", event.thread, null));
        }
        expected = null;
        Node node = stack.get(position);
        node.chosen = step;
        previousExecuted = step;
        position++;
    }

    /**
     * Ends an execution: reverses its races into wakeup trees, then moves to the next branch.
     *
     * @return whether another execution remains to be explored
     */
    public boolean endExecution(Execution execution) {
        int length = position;
        while (stack.size() > length) {
            stack.remove(stack.size() - 1);   // nodes whose operation never ran (execution cut there)
        }
        List<Event> events = execution.events();
        for (RaceDetector.Race race : RaceDetector.races(events, commuteAdditions)) {
            if (race.first() < prefix.length()) {
                continue;   // the other branch there belongs to another part of the split
            }
            Node node = stack.get(race.first());
            boolean covered = false;
            for (Step asleep : node.sleep) {
                if (new WakeupSequence(race.reversal()).isWeakInitial(asleep)) {
                    covered = true;
                    break;
                }
            }
            if (!covered) {
                node.wakeup.insert(new WakeupSequence(race.reversal()));
            }
        }
        for (int i = stack.size() - 1; i >= 0; i--) {
            Node node = stack.get(i);
            if (node.readChoice + 1 < node.readAlternatives) {
                node.readChoice++;
                node.rereading = true;
                branchPoint = i;
                return true;
            }
            if (!node.wakeup.isEmpty()) {
                if (node.chosen != null) {
                    node.sleep.add(node.chosen);
                }
                node.chosen = null;
                branchPoint = i;
                return true;
            }
            stack.remove(i);
        }
        return false;
    }
}
