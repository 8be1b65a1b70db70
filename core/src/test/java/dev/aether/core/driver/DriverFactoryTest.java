package dev.aether.core.driver;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DriverFactoryTest {

    @Test
    void shouldFallBackToThePacedNullDriverWithANotice() {
        DriverChoice c = DriverFactory.defaultDriver(DriverConfig.defaults().device("no-such-device-xyz"));
        try {
            assertThat(c.driver()).isInstanceOf(PacedNullDriver.class);
            assertThat(c.isFallback()).isTrue();
            assertThat(c.notice()).startsWith("no sound device: playing on the paced null driver (silent)")
                    .contains("no-such-device-xyz");
        } finally {
            c.driver().close();
        }
    }

    @Test
    void shouldPickJavaSoundWhenALineOpens() {
        DriverChoice c = DriverFactory.defaultDriver(DriverConfig.defaults());
        try {
            System.out.println("DriverFactory: " + c.driver().description() + (c.isFallback() ? " -- " + c.notice() : ""));
            if (JavaSoundDriver.devices().isEmpty()) {
                assertThat(c.driver()).isInstanceOf(PacedNullDriver.class);
            } else {
                assertThat(c.driver()).isInstanceOf(JavaSoundDriver.class);
                assertThat(c.notice()).isNull();
            }
        } finally {
            c.driver().close();
        }
    }
}
