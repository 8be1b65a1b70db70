package dev.aether.core.driver;

import dev.aether.core.ControlThread;

/** Chooses the driver to play on. */
public final class DriverFactory {
    private DriverFactory() {}

    /**
     * Java Sound when a line opens with {@code config}; otherwise the {@link PacedNullDriver}, with a notice
     * saying so and why.
     */
    @ControlThread
    public static DriverChoice defaultDriver(DriverConfig config) {
        try {
            return new DriverChoice(JavaSoundDriver.open(config), null);
        } catch (AudioDeviceException e) {
            return new DriverChoice(new PacedNullDriver(config),
                    "no sound device: playing on the paced null driver (silent); " + e.getMessage());
        }
    }
}
