// The first sound: a 440 Hz sine on both speakers.
// snippet:hello
play(sine(440));
// end:hello
