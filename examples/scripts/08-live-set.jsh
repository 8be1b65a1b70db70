// A live-set template: a tempo, named slots, and patterns on a kit, an instrument and a parameter. Edit a line and
// send it again: a pattern changes at the next bar, a def crossfades, undef("name") fades a slot out.
tempo(124);

def("drums", drums());
pat("beat", "bd [~ bd] sn ~ . bd bd sn [~ hh]", slot("drums"));
pat("hats", "hh*8?0.2 oh(3,8,2)", slot("drums"));        // ?0.2: a fifth of the hats dropped, the same every run

def("bass", synth(2).to(lowpass(600)));
pat("line", MiniNotation.parse("0 ~ 0 3 . 5 ~ 3 <7 10>").scale("a1:minor"), slot("bass"));
pat("sweep", Signal.sine().slow(4).range(300, 2000).segment(8), param(slot("bass"), "cutoffHz"));

// the next edit of a pattern lands on a bar line: this one replaces "hats" from the next bar (here, bar 1)
pat("hats", "[~ hh]*4", slot("drums"));
