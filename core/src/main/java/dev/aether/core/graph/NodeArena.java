package dev.aether.core.graph;

import dev.aether.core.NodeId;
import dev.aether.core.StaleNodeException;
import java.util.Arrays;
import java.util.function.Consumer;
import java.util.function.LongFunction;

/**
 * A generational arena: O(1) insert and remove, ids that go stale when their value is removed.
 * Ids are packed longs ({@code generation << 32 | index}); see {@link NodeId#packed()}.
 *
 * <p>Not thread-safe: owned by the control thread. Inserting and removing allocate nothing
 * except when the arena grows (capacity doubles).
 *
 * @param <T> the stored value type
 */
public final class NodeArena<T> {
    private Object[] values;
    private int[] generations;
    private int[] freeStack;
    private int freeTop;
    private int high;       // slots ever used; live values = high - freeTop

    public NodeArena(int initialCapacity) {
        int cap = Math.max(4, initialCapacity);
        values = new Object[cap];
        generations = new int[cap];
        freeStack = new int[cap];
    }

    /** Stores {@code value} and returns its packed id. */
    public long insert(T value) {
        if (value == null) throw new IllegalArgumentException("null value");
        int index = takeIndex();
        values[index] = value;
        return ((long) generations[index] << 32) | index;
    }

    /** Stores the value {@code make} builds from its own id (for values that must know their id). */
    public long insert(LongFunction<T> make) {
        int index = takeIndex();
        long id = ((long) generations[index] << 32) | index;
        T value;
        try {
            value = make.apply(id);
        } catch (RuntimeException e) {
            release(index);
            throw e;
        }
        if (value == null) {
            release(index);
            throw new IllegalArgumentException("null value");
        }
        values[index] = value;
        return id;
    }

    /** Returns a slot whose id was handed out but never filled: the id goes stale like a removed one. */
    private void release(int index) {
        generations[index]++;
        freeStack[freeTop++] = index;
    }

    private int takeIndex() {
        if (freeTop > 0) return freeStack[--freeTop];
        if (high == values.length) grow();
        return high++;
    }

    /** Removes the value under {@code id}; returns it, or throws if the id is stale. */
    @SuppressWarnings("unchecked")
    public T remove(long id) {
        int index = (int) id;
        Object[] vs = values;
        // a removed slot's generation has moved on, so the generation check alone refuses stale ids
        if (index < 0 || index >= high || generations[index] != (int) (id >>> 32)) {
            throw new StaleNodeException(NodeId.unpack(id), index >= 0 && index < high ? generations[index] : -1);
        }
        T v = (T) vs[index];
        vs[index] = null;
        generations[index]++;
        freeStack[freeTop++] = index;
        return v;
    }

    /** The value under {@code id}; throws {@link StaleNodeException} if it was removed. */
    @SuppressWarnings("unchecked")
    public T get(long id) {
        int index = (int) id;
        int gen = (int) (id >>> 32);
        if (index < 0 || index >= high || generations[index] != gen) {
            throw new StaleNodeException(NodeId.unpack(id), index >= 0 && index < high ? generations[index] : -1);
        }
        return (T) values[index];
    }

    /** True if {@code id} names a live value. */
    public boolean contains(long id) {
        int index = (int) id;
        return index >= 0 && index < high && generations[index] == (int) (id >>> 32);
    }

    public int size() { return high - freeTop; }

    /** Calls {@code action} for every live value, in slot order. */
    @SuppressWarnings("unchecked")
    public void forEach(Consumer<? super T> action) {
        for (int i = 0; i < high; i++) if (values[i] != null) action.accept((T) values[i]);
    }

    private void grow() {
        int cap = values.length * 2;
        values = Arrays.copyOf(values, cap);
        generations = Arrays.copyOf(generations, cap);
        freeStack = Arrays.copyOf(freeStack, cap);
    }
}
