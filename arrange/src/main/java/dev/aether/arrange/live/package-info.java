/**
 * An arrangement on the live engine. {@link dev.aether.arrange.live.LiveArrangement} turns a
 * {@link dev.aether.arrange.Project} into engine nodes (per track a source, a head, the effect chain resolved from its
 * recipes by a {@link dev.aether.arrange.live.RecipeResolver}, a strip and sends; metatracks and buses sum into their
 * heads; the top level into the master) that all follow one
 * {@link dev.aether.arrange.play.ArrangementTransport}, itself started, stopped and moved with the engine's clock;
 * {@code apply} sends only what changed: data to the nodes' latest-value cells, a plan (adopted at a block boundary)
 * only for a change of topology, keeping the nodes (and their state) of what did not change
 * ({@code LiveIncrementalApplyTest}; 1,000 edits a second without a late block: {@code LiveEditRateTest}). {@link dev.aether.arrange.live.Bounce} renders the same nodes offline,
 * bit-identically ({@code LiveBounceTest}), and makes freeze edits.
 *
 * <p>Real time: every node's {@code process} and what it calls pass the guard's bytecode check
 * ({@code LiveRealtimeCheckTest}) and allocate nothing while an arrangement with automation, streamed clips, nested
 * metatracks, an instrument and sends plays, is edited, seeks mid-block, loops, stops and plays
 * ({@code LiveZeroAllocationTest}).
 *
 * <p>Limits: effects are the nodes their recipes make, so a mono effect (most of the stdlib) mixes a stereo track
 * down to mono at its input; notes held across a seek or a loop's wrap are released there, not re-struck;
 * pitch-preserving stretch of audio is not part of it (a metatrack's speed resamples audio, as varispeed does).
 */
package dev.aether.arrange.live;
