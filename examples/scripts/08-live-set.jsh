// 08 A live-set template: a tempo, named slots, and patterns on a kit, an instrument and a parameter.
//
// Teaches: how to lay out a set so that any line can be edited and sent again while it plays: a pattern changes
//   at the next bar, a def crossfades, undef("name") fades a slot out, quant("bar") makes every edit land on
//   the bar line. Copy it, keep the shape, change the notes.
// Listen for: a broken beat at 124 BPM, a bass line in A minor under a filter that sweeps over four bars, and
//   the hats thinning to off-beats from bar 1.
// Look at: :graph (slots drums and bass, four patterns); :cpu (what each part costs); :spectrum (bass below
//   200 Hz, hats above 5 kHz).
tempo(124);

def("drums", drums());
pat("beat", "bd [~ bd] sn ~ . bd bd sn [~ hh]", slot("drums"));
pat("hats", "hh*8?0.2 oh(3,8,2)", slot("drums"));        // ?0.2: a fifth of the hats dropped, the same every run

def("bass", synth(2).to(lowpass(600)));
pat("line", MiniNotation.parse("0 ~ 0 3 . 5 ~ 3 <7 10>").scale("a1:minor"), slot("bass"));
pat("sweep", Signal.sine().slow(4).range(300, 2000).segment(8), param(slot("bass"), "cutoffHz"));

// the next edit of a pattern lands on a bar line: this one replaces "hats" from the next bar (here, bar 1)
pat("hats", "[~ hh]*4", slot("drums"));
