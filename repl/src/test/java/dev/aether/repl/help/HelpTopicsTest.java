package dev.aether.repl.help;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aether.repl.LiveConsole;
import dev.aether.repl.command.CommandRegistry;
import dev.aether.repl.command.ConsoleCommand;
import dev.aether.repl.userapi.PreludeHelp;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code :help} at the prompt: one source with the reference, every text in 80 columns, the tutorial's chapters as topics. */
class HelpTopicsTest {
    static LiveConsole live;
    static HelpTopics topics;
    static CommandRegistry commands;

    @BeforeAll static void start() throws Exception {
        live = LiveConsole.start();
        commands = live.runtime().console().commands();
        topics = new HelpTopics(commands);
    }

    @AfterAll static void stop() { live.close(); }

    /** Every topic there is: the fixed ones, each command, function, stdlib node and tutorial chapter. */
    static List<String> everyTopic() {
        List<String> all = new ArrayList<>(List.of("", "nodes", "verbs", "stdlib", "patterns", "swap", "tutorial"));
        for (ConsoleCommand c : commands.all()) all.add(":" + c.name());
        for (PreludeHelp.Entry e : PreludeHelp.verbEntries()) all.add(e.usage().substring(0, e.usage().indexOf('(')));
        for (PreludeHelp.Entry e : PreludeHelp.nodeEntries()) all.add(e.usage().substring(0, e.usage().indexOf('(')));
        for (StdlibNodes.Description d : StdlibNodes.all()) all.add(d.name());
        for (Tutorial.Chapter c : Tutorial.shipped().chapters()) all.add("tutorial " + c.number());
        return all;
    }

    @Test void shouldFitEveryTopicInEightyColumns() {
        List<String> wide = new ArrayList<>();
        for (String topic : everyTopic()) {
            String text = topics.text(topic);
            assertThat(text).as(":help %s", topic).isNotBlank().doesNotStartWith("no help on");
            for (String line : text.split("\n")) if (line.length() > 80) wide.add(":help " + topic + ": " + line);
        }
        assertThat(wide).as("help lines wider than 80 columns").isEmpty();
    }

    @Test void shouldShowTheReferencesTextAtThePrompt() {
        String reference = ReferenceDoc.markdown(commands);
        for (ConsoleCommand c : commands.all()) {
            assertThat(reference).as("reference of :%s", c.name()).contains("```text\n" + HelpTopics.command(c) + "\n```");
            assertThat(live.console().eval(":help :" + c.name())).as(":help :%s", c.name()).isEqualTo(HelpTopics.command(c).strip());
        }
        for (PreludeHelp.Entry e : PreludeHelp.nodeEntries()) assertThat(reference).contains(e.text().replace("|", "\\|"));
        for (StdlibNodes.Description d : StdlibNodes.all()) {
            assertThat(reference).as("reference of %s", d.name()).contains("#### " + d.name());
            assertThat(d.problem()).as("%s: the reference could not build it to read its ports and params; give it a public"
                    + " constructor taking numbers or enums, or teach StdlibNodes.exampleArgument its argument type", d.name()).isNull();
        }
    }

    @Test void shouldShowTutorialChaptersByNumberAndByWord() {
        Tutorial t = Tutorial.shipped();
        assertThat(live.console().eval(":help tutorial")).contains("1. First sound", ":help tutorial 1");
        Tutorial.Chapter patterns = t.find("patterns").orElseThrow();
        assertThat(patterns.title()).isEqualTo("Time and patterns");
        String byNumber = live.console().eval(":help tutorial " + patterns.number());
        assertThat(byNumber).isEqualTo(t.text(patterns).strip()).contains("pat(\"kick\", \"bd*4\", slot(\"kit\"));", "Listen for:")
                .doesNotContain("```");
        assertThat(live.console().eval(":help tutorial patterns")).isEqualTo(byNumber);
        assertThat(live.console().eval(":help tutorial 99")).startsWith("no tutorial chapter 99");
    }

    @Test void shouldFindFunctionsNodesAndCommandsByName() {
        assertThat(live.console().eval(":help lowpass")).contains("lowpass(cutoffHz [, q])", "biquad low pass");
        assertThat(live.console().eval(":help BiquadFilter")).contains("cutoffHz", "Hz", "10..20000".substring(0, 2));
        assertThat(live.console().eval(":help tempo")).as("both the command and the function")
                .contains(":tempo [BPM [BEATS_PER_BAR]]", "tempo(bpm)");
        assertThat(live.console().eval(":help rec")).startsWith(":record FILE.wav");
        assertThat(live.console().eval(":help frobnicate")).startsWith("no help on frobnicate: try :help");
    }
}
