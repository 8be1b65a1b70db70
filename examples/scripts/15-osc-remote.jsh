// 15 OSC remote: a set played from another program over Open Sound Control (docs/osc.md).
//
// Teaches: aether as a server other programs play: each OSC address moves a parameter, plays a note or a drum,
//   starts or stops a slot or pattern, or changes the tempo; bundles with timetags land on the sample they name.
// Listen for: the pad's filter opening over 2 s, a note on the synth, a clap, the tempo dropping to 96, the beat
//   stopping at the next bar line, then the pad fading out: one oscsend line each.
// Look at: :osc (packets, applied, malformed, late bundles and the last error), :graph, :spectrum while the
//   filter opens.
//
// Start it with the OSC server on:
//   bin/aether run examples/scripts/15-osc-remote.jsh -i --osc 9120
// then play it from a shell (Debian: apt-get install liblo-tools), one line at a time:
//   oscsend 127.0.0.1 9120 /aether/param/pad/cutoffHz ff 2400 2      # open the pad's filter over 2 s
//   oscsend 127.0.0.1 9120 /aether/note sifd keys 64 0.9 0.5          # E4 on the synth, half a second
//   oscsend 127.0.0.1 9120 /aether/hit ss kit cp                      # a clap, now
//   oscsend 127.0.0.1 9120 /aether/tempo f 96                         # slower
//   oscsend 127.0.0.1 9120 /aether/pattern/stop s beat                # the beat stops at the next bar
//   oscsend 127.0.0.1 9120 /aether/slot/stop s pad                    # the pad fades out (/aether/slot/start: back)
// Replies: start `oscdump 9999` in another shell, then  oscsend 127.0.0.1 9120 /aether/query/tempo i 9999
tempo(120);
def("pad", saw(110).to(lowpass(500)));
def("keys", synth(4));
def("kit", drums());
pat("beat", "bd ~ [~ bd] sn", slot("kit"));
