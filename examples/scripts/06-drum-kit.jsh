// A synthesised drum kit: drums() has the hits bd sn hh oh cp lt mt ht, each starting on its exact sample.
// kit("folder") is the same for a folder of samples (kick.wav plays as "kick").
// snippet:drums
def("beat", drums());
var kit = (DrumKit) slot("beat").node();
kit.hit("bd", 1.0); kit.bd.decaySeconds(0.8);     // velocity 0..1; every voice tuned in Hz, s and dB
// end:drums
int beat = 12_000;                                 // a beat at 240 BPM and 48 kHz, in engine samples from the start
for (int b = 1; b < 8; b++) {
    kit.hitAt(kit.keyOf(b % 4 == 2 ? "sn" : "bd"), b * beat, 0.9);
    kit.hitAt(kit.keyOf(b == 7 ? "oh" : "hh"), b * beat + beat / 2, 0.5);
}
kit.hitAt(kit.keyOf("cp"), 6 * beat, 0.7);
