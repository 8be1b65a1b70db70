// 16 An arrangement: tracks, clips, a metatrack at half speed, a bus and automation.
//
// Teaches: besides live slots and patterns, a piece can be laid out on a timeline. track("drums") is an audio
//   track; .clip(sample(file), bar(1)) places a clip of a file there (.loop, .gain, .fadeIn ... shape it).
//   instrument("bass", "synth(8)") is a MIDI track: .notes(bar(1), bars(4), "c2 ~ c2 eb2") writes a clip of
//   notes, one notation cycle a bar. .fx(...) adds effects, .send("verb", dB) feeds a bus, automate(...) moves a
//   parameter along the timeline. meta("slow", "pad").stretch(0.5) groups the pad in a metatrack played at half
//   speed: its notes last twice as long (MIDI keeps its pitch; audio would be resampled, varispeed). Every verb is
//   an edit: :undo takes it back, :redo puts it again, :save keeps it. arr.play() plays it on the engine's clock.
// Listen for: a kick on every beat at 160 BPM (each 0.375 s), a filtered bass on beats 1, 3 and 4 (left of
//   centre), a pad chord rising from -24 dB (right of centre) whose notes change every half bar instead of every
//   quarter (the metatrack), and the drums' and pad's tails in a reverb bus.
// Look at: :arr (the text timeline: clips, the metatrack's ×0.5), :arr --png arrangement.png; :scope 1000 (a kick
//   every 18,000 samples); :spectrum (the bass's low partials under 600 Hz, the pad above).

// A kick, generated so that the example needs no file: one beat at 160 BPM (0.375 s), a sine swept 150 -> 50 Hz.
var kickFile = java.nio.file.Files.createTempFile("aether-kick", ".wav");
kickFile.toFile().deleteOnExit();
try (var w = dev.aether.core.io.WavWriter.open(kickFile, dev.aether.core.io.WavFormat.FLOAT_32, 1, 48_000)) {
    float[] x = new float[18_000];
    double phase = 0;
    for (int i = 0; i < x.length; i++) {
        double t = i / 48_000.0;
        phase += 2 * Math.PI * (50 + 100 * Math.exp(-t * 30)) / 48_000;
        x[i] = (float) (0.7 * Math.sin(phase) * Math.exp(-t * 10));
    }
    w.write(x, x.length);
}
tempo(160);
// snippet:arrangement
track("drums").clip(sample(kickFile.toString()), bar(1)).loop(bars(4));     // one beat, looped: a kick a beat
instrument("bass", "synth(8)").notes(bar(1), bars(4), "c2 ~ c2 eb2").fx(lowpass(600)).volume(-8).pan(-0.3);
instrument("pad", "synth(8)").notes(bar(1), bars(2), "c4 eb4 g4 bb4").volume(-10).pan(0.4);
meta("slow", "pad").stretch(0.5);                                            // half speed: bars 1..4
bus("verb").fx(reverb(0.8, 1.0));
track("drums").send("verb", -18);
track("pad").send("verb", -8);
automate(track("pad"), "volume", point(bar(1), -24), point(bar(3), -6, "exp"));
arr.play();
// end:arrangement
