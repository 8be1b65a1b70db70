/**
 * MIDI input as pure logic, with no device and no {@code javax.sound.midi} (the console's {@code MidiControls} feeds
 * it): {@link dev.aether.sequencing.midiin.DeviceTimeline} maps device timestamps to engine samples at a fixed,
 * stated latency; {@link dev.aether.sequencing.midiin.ControllerSource} and
 * {@link dev.aether.sequencing.midiin.ControlCurve} say what moves a mapping and how a controller's position becomes
 * a value; {@link dev.aether.sequencing.midiin.MidiClockFollower} estimates tempo and phase from a 24 ppqn clock and
 * follows start, stop, continue and song position; {@link dev.aether.sequencing.midiin.ClockFollow} steers the
 * engine's {@link dev.aether.core.time.Clock} with it. Nothing here runs on the audio thread (docs/midi.md).
 */
package dev.aether.sequencing.midiin;
