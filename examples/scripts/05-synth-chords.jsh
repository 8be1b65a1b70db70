// A ready-made polyphonic synth: synth(8) is eight SubtractiveVoices (saw -> low-pass -> ADSR) in PolyVoices.
// Notes are MIDI numbers; noteOnHz(key, hz, velocity) plays any pitch (here a just-intonation fifth above A).
var keys = synth(8);
var poly = (PolyVoices) keys.node();
def("keys", keys);
for (int note : new int[] {57, 60, 64}) poly.noteOnAt(note, 0.8, 0);
poly.noteOnHz(1000, 220 * 1.5, 0.6);
for (int note : new int[] {57, 60, 64}) poly.noteOffAt(note, 96_000);
poly.noteOffAt(1000, 96_000);
