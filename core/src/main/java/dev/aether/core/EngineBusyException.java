package dev.aether.core;

/** The command ring is full: the audio thread has not caught up. Nothing was sent; try again shortly. */
public final class EngineBusyException extends IllegalStateException {
    public EngineBusyException(int capacity) {
        super("engine busy: " + capacity + " commands are already waiting for the audio thread; "
                + "nothing was changed, try again in a moment (is the engine stalled or stopped?)");
    }
}
