// A ready-made polyphonic synth: synth(8) is eight SubtractiveVoices (saw -> low-pass -> ADSR) in PolyVoices.
// noteOn takes MIDI notes; noteOnHz(key, hz, velocity) plays any pitch under any key (here a just fifth above A3).
// snippet:synth
def("keys", synth(8));                     // 8 SubtractiveVoices: saw -> low-pass -> ADSR
var poly = (PolyVoices) slot("keys").node();
poly.noteOn(57, 0.8); poly.noteOnHz(1, 330, 0.6);   // a MIDI note; any pitch under any key
// end:synth
for (int note : new int[] {60, 64}) poly.noteOnAt(note, 0.7, 24_000);
for (int note : new int[] {57, 60, 64}) poly.noteOffAt(note, 72_000);
poly.noteOffAt(1, 72_000);
