package dev.aether.bench.nodes;

import dev.aether.core.DspNode;
import dev.aether.core.InputPort;
import dev.aether.core.OutputPort;

/** Builds the four {@code ZeroStage} classes in rotation and reads their ports without reflection. */
public final class ZeroStages {
    private ZeroStages() {}

    /**
     * What every stage writes: 0 (silence, the default) or a finite level, so that a benchmark can take the
     * scheduler's guard past its silent-output shortcut. Set before the stages run.
     */
    public static float level;

    /** Stage {@code i} of a chain: class A, B, C, D, A, ... */
    public static DspNode create(int i) {
        return switch (i & 3) {
            case 0 -> new ZeroStageA();
            case 1 -> new ZeroStageB();
            case 2 -> new ZeroStageC();
            default -> new ZeroStageD();
        };
    }

    public static InputPort in(DspNode n) {
        if (n instanceof ZeroStageA a) return a.in;
        if (n instanceof ZeroStageB b) return b.in;
        if (n instanceof ZeroStageC c) return c.in;
        return ((ZeroStageD) n).in;
    }

    public static OutputPort out(DspNode n) {
        if (n instanceof ZeroStageA a) return a.out;
        if (n instanceof ZeroStageB b) return b.out;
        if (n instanceof ZeroStageC c) return c.out;
        return ((ZeroStageD) n).out;
    }
}
