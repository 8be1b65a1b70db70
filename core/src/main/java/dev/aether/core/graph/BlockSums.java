package dev.aether.core.graph;

/**
 * The sums one plan entry fills each block: {@code targets[k][i] = Σ_j sources[k][j][i] * gains[k][j]}, the terms
 * added in {@code j} order so that any thread gets the same bits. Immutable; part of a {@link PlanEntry}.
 */
public final class BlockSums {
    /** The buffers filled, one per sum. */
    public final float[][] targets;
    /** [sum][term] → the buffer added. */
    public final float[][][] sources;
    /** [sum][term] → its gain. */
    public final float[][] gains;

    BlockSums(float[][] targets, float[][][] sources, float[][] gains) {
        this.targets = targets;
        this.sources = sources;
        this.gains = gains;
    }
}
