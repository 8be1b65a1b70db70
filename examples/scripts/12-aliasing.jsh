// 12 Aliasing: a naive sawtooth against a band-limited one.
//
// Teaches: a sampled signal cannot hold anything above half the sample rate (24 kHz here). A saw computed the
//   obvious way (a ramp that jumps back) has harmonics at every k f, without end; those above 24 kHz fold back
//   down to 48 kHz - k f, 96 kHz - k f ..., landing between the harmonics, off the note: aliases. The stdlib's
//   saw(...) corrects each jump with a band-limited step (a BLEP), so what would fold is removed first.
// Listen for: the left ear (naive) has a faint inharmonic whistle and roughness over the note; the right ear
//   (band-limited) is the clean note. Both are 1318.36 Hz, near E6: high notes alias most.
// Look at: :spectrum on slot naive, then on slot blep (harmonics 1318 Hz apart; on the naive one, many more lines
//   between them, the strongest only 26 dB below the note; on the band-limited one nothing between them above
//   -110 dB: the BLEP's residue is about -119 dB here).
// Why 1318.36 Hz: 1800 x 48000 / 65536, so a 65,536-point FFT sees whole periods and every line sits on a bin.
class NaiveSaw implements DspNode {
    final OutputPort out = Ports.audioOut("out");
    final double hz;
    double phase;                                            // 0 .. 1, one cycle
    NaiveSaw(double hz) { this.hz = hz; }
    public void process(ProcessContext ctx) {
        float[] y = ctx.out(out);
        double step = hz / ctx.sampleRate();
        for (int i = 0; i < ctx.frames(); i++) {
            y[i] = (float) (2 * phase - 1);                  // -1 rising to +1, then a jump: the alias maker
            phase += step;
            if (phase >= 1) phase -= 1;
        }
    }
}
double hz = 1800 * 48_000 / 65_536.0;
def("naive", node(new NaiveSaw(hz)).to(gain(-12)).to(pan(-1)));
def("blep", saw(hz).to(gain(-12)).to(pan(1)));
