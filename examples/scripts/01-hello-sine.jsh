// 01 First sine: one oscillator, straight to the speakers.
//
// Teaches: play(...) sounds a node at once; sine(440) is 440 cycles a second, the A above middle C. It also meets
//   the master's safety limiter: a full-scale sine (peak 1.0) goes past the limiter's knee (0.8 of its 0.98
//   ceiling), so its tops are bent round to 0.941 and nothing ever reaches 0.98. The limiter protects your ears
//   and speakers; it is not a sound to design with.
// Listen for: a steady, pure tone, slightly brighter than a pure sine (the rounded tops add odd harmonics).
// Look at: :scope 5 (two cycles of 2.27 ms each, tops flattened at 0.94); :spectrum (440 Hz, and 1320, 2200 Hz
//   34 and 38 dB down: the limiter's doing).
// Try: stop(); play(sine(440).to(gain(-6))); then :spectrum again: one line only, the sine as it is.
// snippet:hello
play(sine(440));
// end:hello
