// 07 A drum machine: one kit, a pattern per part, all in time (one cycle = one bar at the tempo).
//
// Teaches: pat(name, notation, target) plays Tidal/Strudel mini-notation on a kit: "bd*4" is four kicks a bar,
//   "[~ hh]*4" a hat on every off-beat, "lt(3,8)" three toms spread over eight steps (Euclid). Every event lands
//   on the exact sample the tempo map gives (120 BPM, 48 kHz: a beat is 24,000 samples). pat again with that name
//   changes it at the next bar, no hit lost or doubled; undef(name) ends it there; hush() ends them all.
// Listen for: four on the floor, off-beat hats, a snare on 2 and 4 with a clap, a tom fill at the end of the bar.
// Look at: :scope 2000 (the kicks 500 ms apart); :graph (one kit, four patterns); :help patterns.
// snippet:patterns
tempo(120);
def("kit", drums());
pat("kick", "bd*4", slot("kit"));
pat("hats", "[~ hh]*4", slot("kit"));
pat("snare", "~ sn ~ [sn cp]", slot("kit"));
pat("toms", "~ ~ ~ [lt(3,8) mt]", slot("kit"));
// end:patterns
