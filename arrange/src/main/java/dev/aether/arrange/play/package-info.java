/**
 * Playing clips on the live engine. A {@link dev.aether.arrange.play.ClipPlayer} is a node that plays a timeline of
 * {@link dev.aether.arrange.play.ClipPlacement}s (source, timeline start and length in samples, source offset, rate,
 * reverse, loop, gain, fades shaped by {@link dev.aether.arrange.Curve}) from the audio pool, sample-exactly, with a
 * transport of its own (seek, play, stop on exact samples through the timed-event channel). Edits arrive as a whole
 * new immutable {@link dev.aether.arrange.play.ClipSchedule}, handed over in one volatile write.
 *
 * <p>Real time: {@code process} allocates nothing while clips play, stream, seek and schedules swap
 * ({@code DiskStreamingTest}), and the guard's bytecode check passes ({@code PlayRealtimeCheckTest}).
 */
package dev.aether.arrange.play;
