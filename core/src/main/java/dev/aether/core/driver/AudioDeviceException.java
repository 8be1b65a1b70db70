package dev.aether.core.driver;

/** A sound device could not be found or opened; the message says which and why, for the console. */
public final class AudioDeviceException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public AudioDeviceException(String message) { super(message); }

    public AudioDeviceException(String message, Throwable cause) { super(message, cause); }
}
