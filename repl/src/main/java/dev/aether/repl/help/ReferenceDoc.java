package dev.aether.repl.help;

import dev.aether.repl.command.CommandRegistry;
import dev.aether.repl.command.ConsoleCommand;
import dev.aether.repl.userapi.PreludeHelp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Any thread (pure given the registry). {@code docs/reference.md}, generated from the code: the console commands of
 * the registry (their {@code :help} text), the prelude functions (their {@code @VerbDoc} and {@code @NodeDoc}
 * lines) and the stdlib node classes (ports, parameters with unit, range and default, read from built nodes). The
 * texts are the ones {@link HelpTopics} prints at the prompt. Regenerate with {@link #REGENERATE}.
 */
public final class ReferenceDoc {
    /** The one command that rewrites {@code docs/reference.md} from the code. */
    public static final String REGENERATE = "mvn -o -q -pl repl -am test -Dtest=ReferenceDocTest "
            + "-Dsurefire.failIfNoSpecifiedTests=false -Daether.stress.skip -Daether.regen=true";

    private ReferenceDoc() {}

    /** The whole reference as Markdown, for the commands in {@code commands}. */
    public static String markdown(CommandRegistry commands) {
        StringBuilder b = new StringBuilder();
        b.append("# aether reference\n\n");
        b.append("<!-- Generated from the code by dev.aether.repl.help.ReferenceDoc; do not edit. Regenerate with:\n");
        b.append("     ").append(REGENERATE).append("\n     ReferenceDocTest fails when this file is stale. -->\n\n");
        b.append("Every console command, prelude function and stdlib node, generated from the code: the command\n"
                + "registry, the `@VerbDoc` and `@NodeDoc` line on each prelude function, and the nodes themselves\n"
                + "(their port and parameter fields). At the prompt, `:help TOPIC` shows the same texts. New to aether?\n"
                + "Start with the [tutorial](tutorial.md).\n\n");
        b.append("- [Help topics](#help-topics)\n- [Console commands](#console-commands)\n"
                + "- [Prelude: verbs](#prelude-verbs)\n- [Prelude: nodes](#prelude-nodes)\n"
                + "- [Stdlib node classes](#stdlib-node-classes)\n\n");

        b.append("## Help topics\n\n| topic | what it shows |\n|---|---|\n");
        b.append("| `:help` | how to type Java, the keys, every command in one line |\n");
        for (String[] t : HelpTopics.TOPICS) b.append("| `:help ").append(t[0]).append("` | ").append(cell(t[1])).append(" |\n");
        b.append("| `:help COMMAND` | a command below (`:help record`) |\n");
        b.append("| `:help FUNCTION` | a prelude function below (`:help lowpass`) |\n");
        b.append("| `:help NODE` | a stdlib node class below (`:help BiquadFilter`) |\n\n");

        b.append("## Console commands\n\nA line that starts with `:` is a command; a unique prefix will do (`:gr` is `:graph`).\n\n");
        b.append("| command | what it does |\n|---|---|\n");
        for (ConsoleCommand c : commands.all()) {
            b.append("| [`").append(cell(c.usage())).append("`](#").append(c.name()).append(") | ").append(cell(c.summary())).append(" |\n");
        }
        for (ConsoleCommand c : commands.all()) {
            b.append("\n### :").append(c.name()).append("\n\n```text\n").append(HelpTopics.command(c)).append("\n```\n");
        }

        b.append("\n## Prelude: verbs\n\nWhat you do with nodes and chains (`:help verbs`).\n");
        entries(b, PreludeHelp.verbEntries());
        b.append("\n## Prelude: nodes\n\nThe creation functions (`:help nodes`): each makes a stdlib node, chainable with "
                + "`.to(...)`; a value out of a parameter's range is clamped with a warning naming the range.\n");
        entries(b, PreludeHelp.nodeEntries());

        b.append("\n## Stdlib node classes\n\nEvery public node class of `stdlib-nodes` (`:help stdlib`, `:help NAME`), "
                + "as built with the constructor shown. Make one with `new`, chain it with `node(...)`, set a parameter "
                + "with `set(node, \"name\", value)`. Units: Hz, dB, ms, s; a parameter without a unit is a plain "
                + "number.\n");
        String group = null;
        for (StdlibNodes.Description d : StdlibNodes.all()) {
            if (!d.group().equals(group)) {
                group = d.group();
                b.append("\n### ").append(group).append("\n");
            }
            node(b, d);
        }
        return b.toString();
    }

    private static void entries(StringBuilder b, List<PreludeHelp.Entry> entries) {
        Map<String, List<PreludeHelp.Entry>> groups = new LinkedHashMap<>();
        for (PreludeHelp.Entry e : entries) groups.computeIfAbsent(e.group(), g -> new ArrayList<>()).add(e);
        for (var g : groups.entrySet()) {
            b.append("\n### ").append(g.getKey()).append("\n\n| call | what |\n|---|---|\n");
            for (PreludeHelp.Entry e : g.getValue()) {
                b.append("| `").append(cell(e.usage())).append("` | ").append(cell(e.text())).append(" |\n");
            }
        }
    }

    private static void node(StringBuilder b, StdlibNodes.Description d) {
        b.append("\n#### ").append(d.name()).append("\n\n`").append(d.type().getName()).append('`');
        if (d.problem() != null) {
            b.append(": ").append(d.problem()).append('\n');
            return;
        }
        if (d.argumentsMatter()) b.append(", as made by `").append(d.madeAs()).append("` (ports and ranges may follow its arguments)");
        b.append("\n\n- inputs: ").append(portList(d.inputs())).append("\n- outputs: ").append(portList(d.outputs())).append('\n');
        if (d.params().isEmpty()) {
            b.append("- params: none\n");
            return;
        }
        b.append("\n| param | unit | range | default |\n|---|---|---|---|\n");
        for (StdlibNodes.ParamLine p : d.params()) {
            b.append("| `").append(p.name()).append("` | ").append(p.unitText()).append(" | ").append(p.rangeText())
                    .append(" | ").append(p.defaultText()).append(" |\n");
        }
    }

    private static String portList(List<StdlibNodes.PortLine> ports) {
        if (ports.isEmpty()) return "none";
        List<String> s = new ArrayList<>();
        for (StdlibNodes.PortLine p : ports) s.add("`" + p.name() + "`" + (p.channels() == 1 ? "" : " (" + p.channelsText() + ")"));
        return String.join(", ", s);
    }

    /** Text safe inside a Markdown table cell. */
    private static String cell(String s) { return s.replace("|", "\\|").replace("\n", " "); }
}
