package dev.aether.arrange.live;

import dev.aether.core.DspNode;

/**
 * Resolves a recipe string of the model (an effect {@code "lowpass(800)"}, an instrument {@code "synth(8)"}) into a
 * fresh node. Control thread. Throws {@link IllegalArgumentException} with a clear message for a recipe it cannot
 * make.
 */
@FunctionalInterface
public interface RecipeResolver {
    /** A new node for {@code recipe}; never a node already in an engine. */
    DspNode resolve(String recipe);
}
