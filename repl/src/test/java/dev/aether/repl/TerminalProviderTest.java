package dev.aether.repl;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The console asks JLine for its JNI terminal first (start-up, issue 15), unless the person chose providers. */
class TerminalProviderTest {
    private String providers, provider;

    @BeforeEach void save() {
        providers = System.clearProperty(Aether.TERMINAL_PROVIDERS);
        provider = System.clearProperty("org.jline.terminal.provider");
    }

    @AfterEach void restore() {
        System.clearProperty(Aether.TERMINAL_PROVIDERS);
        System.clearProperty("org.jline.terminal.provider");
        if (providers != null) System.setProperty(Aether.TERMINAL_PROVIDERS, providers);
        if (provider != null) System.setProperty("org.jline.terminal.provider", provider);
    }

    @Test void shouldTryJniBeforeFfmAndStillFallBackToTheOthers() {
        Aether.preferJniTerminal();
        assertThat(System.getProperty(Aether.TERMINAL_PROVIDERS)).isEqualTo("jni,ffm,exec");
        assertThat(org.jline.terminal.TerminalBuilder.PROP_PROVIDERS).isEqualTo(Aether.TERMINAL_PROVIDERS);
    }

    @Test void shouldKeepTheProvidersThePersonChose() {
        System.setProperty(Aether.TERMINAL_PROVIDERS, "exec");
        Aether.preferJniTerminal();
        assertThat(System.getProperty(Aether.TERMINAL_PROVIDERS)).isEqualTo("exec");
    }

    @Test void shouldKeepTheOneProviderThePersonChose() {
        System.setProperty("org.jline.terminal.provider", "exec");
        Aether.preferJniTerminal();
        assertThat(System.getProperty(Aether.TERMINAL_PROVIDERS)).isNull();
    }
}
