// 06 A drum kit: hits on exact samples.
//
// Teaches: drums() is a synthesised kit, hits bd sn hh oh cp lt mt ht (kick and toms: sines swept down in pitch;
//   snare: a tone and high-passed noise; hats: metallic squares through a high-pass; clap: noise bursts then a
//   tail). hit(...) plays now; hitAt(key, sample, velocity) starts a hit on an exact engine sample, whatever the
//   block size, which is what keeps a beat tight. kit("folder") is the same for a folder of samples.
// Listen for: a kick at once, then 240 BPM eighths: kick or snare on the beat, a closed hat between, an open hat
//   at the end and a clap on beat 6.
// Look at: :scope 500 (each hit's attack on the beat grid, 12,000 samples = 250 ms apart); :spectrum on the kick
//   (its energy below 150 Hz) and on the hats (above 5 kHz).
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
