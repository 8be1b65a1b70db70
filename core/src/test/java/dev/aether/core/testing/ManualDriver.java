package dev.aether.core.testing;

import dev.aether.core.driver.AudioDriver;
import dev.aether.core.driver.AudioSource;

/** A driver whose "audio thread" is whoever calls {@link #source()}.renderRt: lets a test be the audio thread. */
public final class ManualDriver implements AudioDriver {
    private volatile AudioSource source;

    @Override public String description() { return "manual (test)"; }
    @Override public void start(AudioSource source) { this.source = source; }
    @Override public void stop() { source = null; }
    public AudioSource source() { return source; }
}
