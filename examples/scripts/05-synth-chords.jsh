// A ready-made polyphonic synth: synth(8) is eight SubtractiveVoices (saw -> low-pass -> ADSR) in PolyVoices.
// noteOn takes MIDI notes; noteOnHz(key, hz, velocity) plays any pitch under any key (here a just fifth above A3).
// snippet:synth
def("keys", synth(8));                     // 8 SubtractiveVoices: saw -> low-pass -> ADSR
var poly = (PolyVoices) slot("keys").node();
poly.noteOn(57, 0.8); poly.noteOnHz(1, 330, 0.6);   // a MIDI note; any pitch under any key
// end:synth
long t = now().samples();                  // the engine sample now: timed notes are stamped from here
for (int note : new int[] {60, 64}) poly.noteOnAt(note, 0.7, t + 24_000);   // in 0.5 s
for (int note : new int[] {57, 60, 64}) poly.noteOffAt(note, t + 72_000);   // all off after 1.5 s
poly.noteOffAt(1, t + 72_000);
