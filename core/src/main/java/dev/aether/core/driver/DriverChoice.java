package dev.aether.core.driver;

/**
 * The driver {@link DriverFactory#defaultDriver(DriverConfig)} picked.
 *
 * @param driver the driver, not started
 * @param notice a line for the console when it had to fall back (e.g. {@code "no sound device: playing on
 *               the paced null driver (silent)"}), or null when the configured device opened
 */
public record DriverChoice(AudioDriver driver, String notice) {
    /** Whether the driver is a fallback rather than the requested device. */
    public boolean isFallback() { return notice != null; }
}
