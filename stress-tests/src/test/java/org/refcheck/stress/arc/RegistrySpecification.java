package org.refcheck.stress.arc;

import static org.refcheck.stress.arc.RegistryOperations.NONE;
import static org.refcheck.stress.arc.RegistryOperations.OWNERS;
import static org.refcheck.stress.arc.RegistryOperations.ownerOf;
import static org.refcheck.stress.arc.RegistryOperations.valueName;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The sequential specification of {@link RegistryOperations}: a map from keys to live objects, where an object
 * leaves the map when its last strong reference is dropped, unless a newer object already replaced it under its key.
 *
 * <p>Rules the real registry is held to:
 * <ul>
 *   <li>{@code register} makes the new object the key's entry;</li>
 *   <li>{@code lookup} finds the key's entry if its object is alive, and adds a strong reference to it;</li>
 *   <li>the drop of an object's last strong reference removes the key's entry only if the entry is that object.</li>
 * </ul>
 * So a lookup never revives a dead object, and never misses an object that is alive and was the last one
 * registered under its key.
 */
public final class RegistrySpecification {

    private final Map<Integer, Integer> entryOf = new HashMap<>();
    private final Map<Integer, Integer> strongOf = new HashMap<>();
    private final Map<Integer, Integer> keyOf = new HashMap<>();
    private final List<Deque<Integer>> held = new ArrayList<>();
    private final int[] registered = new int[OWNERS];

    public RegistrySpecification() {
        for (int owner = 0; owner < OWNERS; owner++) {
            held.add(new ArrayDeque<>());
        }
    }

    public int register(int thread, int key) {
        int owner = ownerOf(thread);
        int name = valueName(owner, registered[owner]++);
        strongOf.put(name, 1);
        keyOf.put(name, key);
        entryOf.put(key, name);
        held.get(owner).addLast(name);
        return name;
    }

    public int lookup(int thread, int key) {
        Integer name = entryOf.get(key);
        if (name == null || strongOf.get(name) == 0) {
            return NONE;
        }
        strongOf.merge(name, 1, Integer::sum);
        held.get(ownerOf(thread)).addLast(name);
        return name;
    }

    public int drop(int thread) {
        Integer name = held.get(ownerOf(thread)).pollFirst();
        if (name == null) {
            return NONE;
        }
        int left = strongOf.merge(name, -1, Integer::sum);
        if (left == 0) {
            entryOf.remove(keyOf.get(name), name);
        }
        return name;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RegistrySpecification s && entryOf.equals(s.entryOf) && strongOf.equals(s.strongOf)
                && keyOf.equals(s.keyOf) && heldLists().equals(s.heldLists())
                && Arrays.equals(registered, s.registered);
    }

    @Override
    public int hashCode() {
        return Objects.hash(entryOf, strongOf, heldLists(), Arrays.hashCode(registered));
    }

    private List<List<Integer>> heldLists() {
        List<List<Integer>> lists = new ArrayList<>();
        for (Deque<Integer> d : held) {
            lists.add(new ArrayList<>(d));
        }
        return lists;
    }
}
