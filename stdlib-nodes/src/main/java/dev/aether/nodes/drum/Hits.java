package dev.aether.nodes.drum;

import java.util.List;

/**
 * Something that plays named hits on exact engine samples: a {@link DrumKit} or a {@link SampleKit}. What a pattern
 * scheduler targets: it looks each name up once ({@link #keyOf}) and then sends {@link #hitAt} from its own thread.
 */
public interface Hits {
    /** The hit names in key order (key {@code k} is {@code names().get(k)}). Any thread. */
    List<String> names();

    /**
     * The key of hit {@code name}. Any thread.
     *
     * @throws IllegalArgumentException naming {@code name} and listing the names there are, when it is not one of them
     */
    int keyOf(String name);

    /**
     * Plays hit {@code key} exactly at engine sample {@code atSample} (&ge; 0; a sample already past plays at the
     * start of the next block) with {@code velocity} 0..1 (linear amplitude). Any thread, lock-free, allocation-free;
     * false (and nothing sent) when the kit's event queue or the engine's channel is full.
     *
     * @throws IllegalArgumentException for a key that is not one of {@link #names()}, a negative sample or a velocity
     *         outside 0..1
     */
    boolean hitAt(int key, long atSample, double velocity);

    /** The message for a name that is not in {@code names}: what was asked, what there is. */
    static IllegalArgumentException unknownName(String kit, String name, List<String> names) {
        return new IllegalArgumentException(kit + " has no hit named '" + name + "'; its names are " + String.join(" ", names));
    }
}
