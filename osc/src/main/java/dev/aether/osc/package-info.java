/**
 * The OSC server ({@link dev.aether.osc.OscServer}), its address space ({@link dev.aether.osc.OscAddressSpace}), the
 * mapping of OSC timetags to engine samples ({@link dev.aether.osc.SampleTimeline}) and its counters
 * ({@link dev.aether.osc.OscCounters}).
 *
 * <h2>Threads</h2>
 * One thread, {@value dev.aether.osc.OscServer#THREAD_NAME}, reads, parses and applies every packet; it never runs
 * on, waits for or shares a lock with the audio thread. Everything timed it does (a parameter's move, a note, a hit)
 * is an event stamped with an engine sample and offered to the engine's one timed-event channel
 * ({@code dev.aether.core.time.TimedEventChannel}) through the target's own pending list, as patterns do; a refused
 * offer (a full queue) is kept, newest value per parameter, and offered again a millisecond later, so the last value
 * sent to a parameter is the one that sounds. Structural requests (start/stop a slot, tempo, eval) go through the
 * session ({@link dev.aether.osc.OscHost}), as typed input does.
 */
package dev.aether.osc;
