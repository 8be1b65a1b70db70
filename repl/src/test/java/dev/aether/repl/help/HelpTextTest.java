package dev.aether.repl.help;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The layout of help text: 80 columns, indentation kept, entries in two columns. */
class HelpTextTest {
    @Test void shouldWrapALongLineKeepingItsIndentation() {
        String line = "    " + "word ".repeat(30).strip();
        String wrapped = HelpText.wrap(line, 40);
        for (String l : wrapped.split("\n")) {
            assertThat(l).as("wrapped line").startsWith("    word").hasSizeLessThanOrEqualTo(40);
        }
        assertThat(wrapped.replaceAll("\\s+", " ").strip()).isEqualTo(line.strip());
    }

    @Test void shouldLeaveShortLinesAndLongWordsAlone() {
        assertThat(HelpText.wrap("short\n  also short", 20)).isEqualTo("short\n  also short");
        String url = "x".repeat(50);
        assertThat(HelpText.wrap(url, 20)).isEqualTo(url);
    }

    @Test void shouldHangAListItemUnderItsText() {
        String wrapped = HelpText.wrap("- " + "item ".repeat(12).strip(), 30);
        assertThat(wrapped.split("\n")[1]).startsWith("  item");
    }

    @Test void shouldPutTheTextOfALongUsageOnTheNextLine() {
        assertThat(HelpText.entry("  ", "f(x)", "does f")).isEqualTo("  f(x)" + " ".repeat(HelpText.TEXT_COLUMN - 6) + "does f");
        String usage = "adsr(attackSeconds, decaySeconds, sustainLevel)";
        assertThat(HelpText.entry("  ", usage, "an envelope")).isEqualTo("  " + usage + "\n" + " ".repeat(HelpText.TEXT_COLUMN) + "an envelope");
    }

    @Test void shouldReflowProseButKeepCommandAndColumnLines() {
        String help = String.join("\n",
                "Evaluates FILE now and again each time it is saved. The file is the whole set: a slot",
                "it no longer defines fades out.",
                ":watch stop FILE ends the watch.",
                "a    b   columns stay");
        String shown = HelpText.reflow(help, "  ");
        assertThat(shown).isEqualTo(String.join("\n",
                "  Evaluates FILE now and again each time it is saved. The file is the whole set:",
                "  a slot it no longer defines fades out.",
                "  :watch stop FILE ends the watch.",
                "  a    b   columns stay"));
        for (String l : shown.split("\n")) assertThat(l.length()).isLessThanOrEqualTo(HelpText.WIDTH);
    }
}
