package dev.aether.nodes.osc;

import dev.aether.core.NodeState;
import dev.aether.core.ProcessContext;
import dev.aether.core.RealtimeSafe;

/**
 * A {@link PhaseOscillator} rendered by a {@link BlepCore}: the body of {@link SawOscillator},
 * {@link TriangleOscillator} and {@link PulseOscillator}. Each subclass keeps its own public {@code State} record
 * (so a restore stays typed: another oscillator's state is ignored) and hands its type and constructor in.
 * Confined to the audio thread except where noted; {@link #process} is {@link RealtimeSafe}.
 */
abstract class BlepOscillator extends PhaseOscillator {
    /** The accessors every BLEP oscillator's {@code State} record has. */
    interface BlepState extends NodeState {
        double phase();
        double pmCycles();
        float sync();
        double[] ring();
        int ringPos();
    }

    /** A {@code State} record's canonical constructor. */
    interface StateFactory {
        BlepState of(double phase, double pmCycles, float sync, double[] ring, int ringPos);
    }

    private final BlepCore core;
    private final Class<? extends BlepState> stateType;
    private final StateFactory newState;

    BlepOscillator(int waveform, Class<? extends BlepState> stateType, StateFactory newState) {
        this.core = new BlepCore(waveform);
        this.stateType = stateType;
        this.newState = newState;
    }

    @Override @RealtimeSafe public final void process(ProcessContext ctx) {
        int n = ctx.frames();
        double fc = frequencyHz.currentRt();
        renderRt(ctx, n, fc, rampOrNullRt(frequencyHz, freqBuf, n));
    }

    /** Renders one block; the pulse overrides this to add its width. */
    @RealtimeSafe void renderRt(ProcessContext ctx, int n, double freqConst, float[] freqRamp) {
        renderRt(ctx, n, freqConst, freqRamp, 0, null);
    }

    @RealtimeSafe final void renderRt(ProcessContext ctx, int n, double freqConst, float[] freqRamp,
                                      double widthConst, float[] widthRamp) {
        boolean reset = takeResetRequestRt();
        if (freqRamp == null && widthRamp == null && !reset
                && !ctx.connected(fm) && !ctx.connected(pm) && !ctx.connected(sync)) {
            core.renderSteady(ctx.out(out), n, ctx.sampleRate(), freqConst, widthConst);
        } else {
            core.render(ctx.out(out), n, ctx.sampleRate(), freqConst, freqRamp, ctx.in(fm), ctx.in(pm), ctx.in(sync),
                    widthConst, widthRamp, reset);
        }
    }

    @Override public final void reset() {
        core.reset();
        clearResetRequests();
    }

    @Override public final NodeState saveState() {
        return newState.of(core.phase, core.prevPmCycles, core.prevSync, core.pendingCorrections(), 0);
    }

    @Override public final void restoreState(NodeState s) {
        if (!stateType.isInstance(s)) return;
        BlepState st = stateType.cast(s);
        if (st.ring().length != BlepTable.RING) return;
        core.phase = st.phase();
        core.prevPmCycles = st.pmCycles();
        core.prevSync = st.sync();
        core.restoreCorrections(st.ring(), st.ringPos());
    }
}
