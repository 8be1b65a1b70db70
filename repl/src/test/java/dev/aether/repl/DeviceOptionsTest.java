package dev.aether.repl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.aether.core.driver.JavaSoundDriver;
import dev.aether.repl.console.ScriptedConsole;
import org.junit.jupiter.api.Test;

/** The device buffer from the command line ({@code --buffer}) and at the prompt ({@code :device N|NAME [FRAMES]}). */
class DeviceOptionsTest {
    @Test void shouldTakeTheDeviceBufferFromTheCommandLine() {
        assertThat(LaunchOptions.parse(new String[0]).bufferFrames()).as("default").isEqualTo(512);
        assertThat(LaunchOptions.parse(new String[] {"--buffer", "1024"}).bufferFrames()).isEqualTo(1024);
        assertThat(LaunchOptions.parse(new String[] {"run", "a.jsh", "--buffer", "256", "-i"}).bufferFrames()).isEqualTo(256);
        assertThatThrownBy(() -> LaunchOptions.parse(new String[] {"--buffer", "16"}))
                .hasMessage("--buffer needs at least 64 frames, was 16");
        assertThatThrownBy(() -> LaunchOptions.parse(new String[] {"--buffer"})).hasMessage("--buffer needs a number of frames");
        assertThat(LaunchOptions.USAGE).contains("--buffer FRAMES");
    }

    @Test void shouldSwitchDeviceAndBufferAtThePrompt() throws Exception {
        assumeTrue(!JavaSoundDriver.devices().isEmpty() || "required".equals(System.getenv("AETHER_AUDIO_TESTS")),
                "no Java Sound output device (start shared/audio/headless-audio.sh)");
        try (LiveConsole live = LiveConsole.playing()) {
            ScriptedConsole c = live.console();
            assertThat(c.eval(":device 0 1024")).startsWith("audio on Java Sound: ").endsWith(", 1024-frame buffer");
            assertThat(c.eval(":device 0")).as("the current buffer is kept").endsWith(", 1024-frame buffer");
            assertThat(c.eval(":cpu")).contains("worst block render");
            assertThat(c.eval(":device 0 512")).endsWith(", 512-frame buffer");
        }
    }
}
