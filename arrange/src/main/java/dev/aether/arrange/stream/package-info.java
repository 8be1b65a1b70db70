/**
 * The audio pool and disk streaming. {@link dev.aether.arrange.stream.AudioPool} loads each file once: small files
 * into memory ({@link dev.aether.arrange.stream.MemorySource}), large WAV files as
 * {@link dev.aether.arrange.stream.StreamedSource}s read on demand. A clip playing a streamed source reads a
 * {@link dev.aether.arrange.stream.DiskStream}: a lock-free ring that one shared
 * {@link dev.aether.arrange.stream.DiskReader} thread fills ahead of the playhead, in the clip's
 * {@link dev.aether.arrange.stream.SourcePath} order (forward, reversed or looping alike). The audio thread never
 * waits for the disk: a frame not yet delivered plays as silence and is counted.
 *
 * <p>Accessor prefixes as in core: methods ending in {@code Rt} run on the audio thread only.
 */
package dev.aether.arrange.stream;
