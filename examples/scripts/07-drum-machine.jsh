// A drum machine: one kit, a pattern per part, all in time (one cycle = one bar at the tempo).
// pat(name, notation, target) plays from the next bar; pat again with that name changes it at the next bar,
// no hit lost or doubled; undef(name) ends it there; hush() ends them all. :help patterns for the notation.
// snippet:patterns
tempo(120);
def("kit", drums());
pat("kick", "bd*4", slot("kit"));
pat("hats", "[~ hh]*4", slot("kit"));
pat("snare", "~ sn ~ [sn cp]", slot("kit"));
pat("toms", "~ ~ ~ [lt(3,8) mt]", slot("kit"));
// end:patterns
