// 04 Dub echo: one snare, and a delay that feeds its output back into itself.
//
// Teaches: a feedback delay repeats what it hears every delayMillis; each trip round the loop multiplies the
//   sound by the feedback (0.6: -4.4 dB a repeat) and by the loop's one-pole low-pass (dampingHz), so the repeats
//   fade and darken. 375 ms is a dotted eighth at 120 BPM, the classic dub delay.
// Listen for: a snare at 0.1 s, then echoes every 375 ms, each 4.4 dB quieter (more in the highs: 8.5 dB at
//   8 kHz), fading out over about five seconds.
// Look at: :scope 2000 (the repeats, evenly spaced, shrinking); :spectrum while they fade (the top falling away).
// Try: set("dub", "feedback", 0.85) for a long tail, set("dub", "dampingHz", 1500) for a darker one.
def("dub", drums().to(echo(375, 0.6)));
var kit = (DrumKit) slot("dub").nodes().get(0);
kit.hitAt(kit.keyOf("sn"), now().samples() + 4_800, 0.8);      // one snare, 0.1 s from now
