package dev.aether.nodes.filter;

import dev.aether.core.ControlThread;
import dev.aether.core.NodeState;
import dev.aether.core.RealtimeSafe;

/**
 * A one-pole (6 dB/oct) high-pass ({@code in} minus the TPT low-pass), the analog RC filter through the trapezoidal (TPT) integrator with pre-warped
 * cutoff: {@code |H(cutoffHz)| = 1/sqrt 2} (-3.01 dB) exactly, zero at DC, unity at Nyquist. Confined to the
 * audio thread except where noted; {@link #process} is {@link RealtimeSafe}.
 *
 * <ul>
 * <li>Input {@code in}, output {@code out}: mono.
 * <li>Param {@code cutoffHz}: Hz, 10..20000, default 1000 (clamped to 0.49 fs), exponential smoothing, per sample.
 * <li>State: the integrator state s.
 * </ul>
 */
public final class OnePoleHighPass extends OnePoleFilter {
    public OnePoleHighPass() { super(true); }

    @ControlThread public OnePoleHighPass cutoffHz(double hz) { cutoffHz.set(hz); return this; }

    /** The integrator state. */
    public record State(double s) implements NodeState {}

    @Override public NodeState saveState() { return new State(s); }

    @Override public void restoreState(NodeState st) { if (st instanceof State v) s = v.s(); }
}
