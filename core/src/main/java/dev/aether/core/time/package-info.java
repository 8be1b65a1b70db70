/**
 * Time in one place: the engine's musical clock ({@link dev.aether.core.time.Clock}: an exact
 * {@link dev.aether.core.time.TempoMap} of {@link dev.aether.core.time.Rational} beats and a transport, published as
 * immutable {@link dev.aether.core.time.ClockSnapshot}s), when a structural command lands
 * ({@link dev.aether.core.time.When}, {@link dev.aether.core.time.Quantum}), and the one timed-event channel that
 * every timed thing takes to the audio thread. The audio thread computes no musical time: the clock turns beats and
 * bars into engine samples on the control side (docs/time.md).
 *
 * <h2>The timed-event channel</h2>
 * Two kinds of message reach the audio thread. <i>Structural commands</i> (a plan swap, a tempo change) go on the
 * engine's command ring and land at a block boundary or an exact sample. <i>Timed events</i> (a parameter's
 * {@code setAt}, an envelope's gate, a sampler's trigger, a polyphonic instrument's notes; in later issues pattern,
 * MIDI, OSC and automation events) go through the engine's one {@link dev.aether.core.time.TimedEventChannel},
 * stamped with an engine sample (the sample counter the scheduler counts in; the clock maps it to beats).
 *
 * <pre>
 *  any thread                     audio thread, once per block             audio thread, inside the block
 *  target.setAt / gateAt / ...    channel.drainRt()                        target splits its processing
 *    PendingEvents.offer ──────►    TimedTarget.acceptRt ──────────────►     at each event's sample
 *    (count, then lock-free         (into the target's own PendingEvents,   (PendingEvents.offsetRt/removeRt;
 *     MPSC slot, no allocation)      ordered by sample)                      late events: at the block start)
 * </pre>
 *
 * <ul>
 * <li>{@link dev.aether.core.time.TimedEventChannel}: bounded, pre-allocated, lock-free many-producer /
 *     single-consumer slots (kind, key, sample, two numbers, target). The engine owns one and drains it before any
 *     parameter clock or node runs, at most its capacity per block. Its Javadoc states the concurrency
 *     contract.</li>
 * <li>{@link dev.aether.core.time.TimedTarget}: what takes events; anything can implement it.</li>
 * <li>{@link dev.aether.core.time.PendingEvents}: a target's own pre-allocated list, ordered by sample (stable for
 *     equal samples), with a per-target capacity counted from the offer, so a producer hears {@code false} when
 *     the target (or the channel) is full and the audio thread never overflows or blocks.</li>
 * <li>{@link dev.aether.core.time.TimedNode}: a node with targets besides its parameters; binding the node binds
 *     them.</li>
 * </ul>
 *
 * <h2>Binding</h2>
 * A target finds its channel when its node is bound: {@code Engine.add} and {@code Engine.replace} bind every
 * parameter and, for a {@code TimedNode}, its own targets (gates, triggers, notes, children) to the engine's
 * channel ({@code NodeSpec.bind(owner, rate, channel)}). A node not in an engine (run by {@code NodeRunner} or a test
 * harness, or not run yet) is unbound: its events go straight into its list, which is right when the thread that
 * runs it is the producer, or starts after a happens-before edge; events sent before the node is added stay and
 * apply from its first block. A composite that runs children with {@code NodeRunner} forwards its binding to them
 * ({@code NodeRunner.bindTimed}), as {@code PolyVoices} does.
 *
 * <h2>Cost at rest</h2>
 * An empty channel costs the audio thread one acquire load per block. A parameter with nothing timed pending costs
 * what it did before: its clock's one flag read per block ({@link dev.aether.core.param.ParamClock}); the drain
 * wakes the clock of a parameter it hands an event to.
 */
package dev.aether.core.time;
