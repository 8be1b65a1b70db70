// 05 A MIDI keyboard synth: synth(8) is eight SubtractiveVoices (saw -> low-pass -> ADSR) in PolyVoices.
//
// Teaches: an instrument takes notes (MIDI note numbers, or any pitch with noteOnHz) and gives each a voice;
//   notes can start now or on an exact engine sample (noteOnAt), which is how patterns and MIDI play it.
// With a keyboard: :midi lists the inputs, :midi 0 keys plays this slot from input 0, along with the notes below.
//   Those play from code either way, so the script sounds (and renders offline) with no keyboard attached: A3 and a
//   just fifth above it, then C and E join at 0.5 s. The knob that sends CC 74 (the usual "cutoff" knob) opens every
//   voice's filter from 200 Hz to 8 kHz on an exponential curve (midiMap below; or :learn keys cutoffHz, then turn).
// Listen for: an A minor chord building up (A3 220 Hz, E4 330 Hz, then C4 261.6 Hz and E4 329.6 Hz), brightening as
//   set(...) opens every voice's filter from 1 kHz to 2.4 kHz, all released at 1.5 s.
// Look at: :spectrum (the four fundamentals and their harmonics); :graph (keys: one PolyVoices node).
// snippet:synth
def("keys", synth(8));                     // 8 SubtractiveVoices: saw -> low-pass -> ADSR
var poly = (PolyVoices) slot("keys").node();
poly.noteOn(57, 0.8); poly.noteOnHz(1, 330, 0.6);   // a MIDI note; any pitch under any key
set("keys", "cutoffHz", 2400, 2.0);                 // every voice's filter opens, over 2 s
// end:synth
midiMap(74, slot("keys"), "cutoffHz", 200, 8000, "exp");   // CC 74 -> every voice's cutoff, smoothed
long t = now().samples();                  // the engine sample now: timed notes are stamped from here
for (int note : new int[] {60, 64}) poly.noteOnAt(note, 0.7, t + 24_000);   // in 0.5 s
for (int note : new int[] {57, 60, 64}) poly.noteOffAt(note, t + 72_000);   // all off after 1.5 s
poly.noteOffAt(1, t + 72_000);
