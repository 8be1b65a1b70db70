package dev.aether.repl.session;

import dev.aether.core.DspNode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Any thread (synchronized). Turns the recipes an arrangement records (an effect {@code "lowpass(800)"}, an
 * instrument {@code "synth(8)"}, a user node class {@code "Fuzz"}) into fresh nodes for its live playback and bounces:
 * a prelude call is made again ({@link NodeRemaker#callPrelude}), a bare name is the newest user class of that name
 * (or a library class) made by its no-argument constructor. The instance a person gave a verb
 * ({@code .fx(new Fuzz(0.3))}) is {@link #offer offered} and used for the first node made of its recipe, so what they
 * configured is what plays; later copies (another track, after {@code :open}) are made from the recipe.
 */
public final class ArrangementRecipes {
    private final Map<String, Deque<DspNode>> offered = new HashMap<>();
    private Function<String, Class<?>> userClasses = name -> null;

    /** Where user classes are found: the newest class for a simple name, or null. */
    public synchronized void userClasses(Function<String, Class<?>> lookup) { this.userClasses = lookup; }

    /** Offers {@code node}, not yet in any graph, as the next node {@link #resolve} makes of {@code recipe}. */
    public synchronized void offer(String recipe, DspNode node) {
        offered.computeIfAbsent(recipe, k -> new ArrayDeque<>()).add(node);
    }

    /**
     * A fresh node for {@code recipe}.
     *
     * @throws IllegalArgumentException naming the recipe and what recipes look like
     */
    public synchronized DspNode resolve(String recipe) {
        Deque<DspNode> q = offered.get(recipe);
        if (q != null && !q.isEmpty()) return q.poll();
        return make(recipe);
    }

    /** A node made from {@code recipe}, ignoring what was offered: how a recipe is checked when a verb records it. */
    public synchronized DspNode make(String recipe) {
        String r = recipe == null ? "" : recipe.strip();
        try {
            if (r.contains("->"))
                throw new IllegalArgumentException("\"" + r + "\" is a chain; give one node here (effects: one .fx(...) each)");
            if (r.indexOf('(') > 0) return NodeRemaker.callPrelude(r);
            if (r.matches("[A-Za-z_$][\\w$.]*")) {
                Class<?> k = userClasses.apply(r);
                if (k == null && r.contains(".")) k = Class.forName(r, false, ArrangementRecipes.class.getClassLoader());
                if (k != null) return NodeRemaker.construct(k);
            }
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalArgumentException("cannot make \"" + r + "\": " + e + "; a user node needs a no-argument constructor", e);
        } catch (IllegalArgumentException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("\"" + r + "\" is a chain")) throw e;
            throw new IllegalArgumentException("cannot make \"" + r + "\": " + e.getMessage()
                    + "; give a prelude call such as \"lowpass(800)\" or \"synth(8)\", or the name of your DspNode class", e);
        }
        throw new IllegalArgumentException("cannot make \"" + r + "\": not a prelude call and no class of that name;"
                + " give a call such as \"lowpass(800)\" or \"synth(8)\", or the name of your DspNode class");
    }
}
