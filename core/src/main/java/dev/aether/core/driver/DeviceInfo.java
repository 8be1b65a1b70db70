package dev.aether.core.driver;

/**
 * A Java Sound output device (a mixer that can open a {@code SourceDataLine} in the requested format).
 *
 * @param index       position in {@link JavaSoundDriver#devices()}, usable as a device selector
 * @param name        the mixer's name, e.g. {@code "default [default]"}
 * @param vendor      the mixer's vendor
 * @param description the mixer's description
 */
public record DeviceInfo(int index, String name, String vendor, String description) {
    @Override
    public String toString() { return index + ": " + name + " (" + description + ")"; }
}
