package dev.aether.sequencing.midi;

import dev.aether.core.OutputPort;
import dev.aether.core.Ports;
import dev.aether.core.ProcessContext;
import dev.aether.nodes.voice.Voice;

/** A voice that outputs one sample of {@link #HEIGHT} where its note starts and silence otherwise: onsets made visible. */
final class ClickVoice implements Voice {
    static final float HEIGHT = 0.1f;
    final OutputPort out = Ports.audioOut("out");
    private boolean fire, active;

    @Override public void noteOnRt(double frequencyHz, double velocity) { fire = active = true; }
    @Override public void noteOffRt() { active = false; }
    @Override public boolean isActiveRt() { return active || fire; }

    @Override public void process(ProcessContext c) {
        float[] y = c.out(out);
        for (int i = 0; i < c.frames(); i++) y[i] = 0f;
        if (fire && c.frames() > 0) {
            y[0] = HEIGHT;
            fire = false;
        }
    }
}
