package dev.aether.repl;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** link(...), linkOffset(...) and :link at the prompt (Link kept on the loopback interface: nothing leaves the machine). */
class LinkAtThePromptTest {
    @Test void linkIsSwitchedOnAndOffShownAndTunedAtThePrompt() throws Exception {
        System.setProperty("aether.link.interface", "lo");
        try (LiveConsole a = LiveConsole.playing()) {
            assertThat(a.console().eval(":link")).startsWith("Link is off (link(true) joins the session on the local network);"
                    + " quantum 4 beats, linkOffset 0 ms");
            assertThat(a.console().eval(":link quantum 8")).contains("quantum 8 beats");
            assertThat(a.console().eval(":link quantum soon")).contains("usage: :link [quantum N]");
            assertThat(a.console().eval("linkOffset(12)")).doesNotContain("rror");
            assertThat(a.console().eval("linkOffset(5000)")).contains("linkOffset(ms) takes -1000..1000 ms, was 5000.0");
            assertThat(a.console().eval("tempo(133)")).doesNotContain("rror");
            assertThat(a.console().eval("link(true)")).doesNotContain("rror");
            String on = a.console().eval(":link");
            assertThat(on).startsWith("Link on: 0 peers, 133.00 BPM").contains("of 8 beats", "linkOffset 12)");
            assertThat(a.runtime().session().link().enabled()).isTrue();
            assertThat(a.console().eval("link(false)")).doesNotContain("rror");
            assertThat(a.console().eval(":link")).startsWith("Link is off");
            assertThat(a.console().eval(":help link")).contains("link(true)", ":link quantum 8", "linkOffset(12)");
        } finally {
            System.clearProperty("aether.link.interface");
        }
    }
}
