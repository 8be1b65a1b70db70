// 14 Reverb: a room from delays.
//
// Teaches: a room answers a sound with thousands of reflections, denser and quieter as time goes on. Freeverb
//   builds that from eight feedback combs in parallel (the room's modes; their feedback 0.7 + 0.28 roomSize sets
//   how long it rings) and four all-passes in series (diffusion: they smear each echo without colouring it). The
//   decay time T60 is the time the tail takes to fall 60 dB: with roomSize 0.8 the combs' feedback is 0.924, and
//   each comb of L samples falls 60 dB in 3 L / (rate * -log10 0.924) s, 2.2 to 3.3 s for L from 25 to 34 ms;
//   the tail below 1 kHz measures 2.9 s. Damping takes the highs away sooner.
// Listen for: a clap at 0.1 s and its tail, a large hall fading over three seconds; the left and right
//   tails differ slightly (their delays do), which is what makes it wide.
// Look at: :scope 2000 (the clap, then the tail's envelope falling in a straight line on a dB scale);
//   :spectrum on the tail (its highs gone first: damping 0.5 filters each trip round the combs).
// Try: set("room", "roomSize", 0.95) for a cathedral; set("room", "damping", 0) for a bright, metallic tail.
def("room", drums().to(reverb(0.8, 0.3)));
var kit = (DrumKit) slot("room").nodes().get(0);
kit.hitAt(kit.keyOf("cp"), now().samples() + 4_800, 0.9);        // one clap, 0.1 s from now
