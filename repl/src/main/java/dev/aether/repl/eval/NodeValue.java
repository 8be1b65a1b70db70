package dev.aether.repl.eval;

import dev.aether.core.DspNode;
import dev.aether.core.node.NodeSpec;
import dev.aether.core.param.SmoothedParam;
import java.util.List;

/**
 * How the console shows a node: its type and its parameters' targets ({@code SawOscillator frequencyHz=110Hz}), as
 * a snippet's value and in {@code :nodes}. Any thread (reads the params' targets, which any thread may read).
 */
public final class NodeValue {
    private NodeValue() {}

    /** {@code node}'s type name followed by its parameters; the type name alone when its ports cannot be read. */
    public static String describe(DspNode node) {
        String type = node.typeName();
        try {
            return type + params(NodeSpec.of(node).params());
        } catch (RuntimeException e) {       // a user node whose fields cannot be read: its name still helps
            return type;
        }
    }

    /** " name=valueUnit" for each param, in declaration order. */
    public static String params(List<SmoothedParam> params) {
        StringBuilder b = new StringBuilder();
        for (SmoothedParam p : params) b.append(' ').append(p.name()).append('=').append(number(p.get())).append(p.unit());
        return b.toString();
    }

    /** Whole numbers without a fraction, others to four significant digits. */
    public static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format("%.4g", v);
    }
}
