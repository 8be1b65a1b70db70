package dev.aether.repl.userapi;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Any thread: the one place the prelude's help comes from. {@code :help nodes}, {@code :help verbs} and the
 * reference ({@link #reference()}) are all generated from the {@link NodeDoc} and {@link VerbDoc} line on each
 * function, so they cannot disagree.
 */
public final class PreludeHelp {
    private static final List<String> NODE_GROUPS = List.of("oscillators", "noise", "filters", "envelopes", "delays",
            "reverb and dynamics", "mixing", "voices", "samples", "drums");
    private static final List<String> VERB_GROUPS = List.of("playing", "parameters", "patterns", "time", "time and swaps", "midi");

    private PreludeHelp() {}

    /** One documented prelude function: its group, usage with units and one line of text. */
    public record Entry(String group, String usage, String text) {}

    /** The creation functions, grouped, as {@code :help nodes} shows them. */
    public static String nodes() {
        return render("Nodes (chain with .to(...), play(...), def(\"name\", ...)):", nodeEntries());
    }

    /** The live verbs, grouped, as {@code :help verbs} shows them. */
    public static String verbs() {
        return render("Verbs (what you do with nodes and chains):", verbEntries());
    }

    /** Every documented function, nodes then verbs: the reference. */
    public static String reference() { return verbs() + "\n" + nodes(); }

    /** The creation functions' entries, in group order. */
    public static List<Entry> nodeEntries() {
        List<Entry> out = new ArrayList<>();
        for (Method m : preludeMethods()) {
            NodeDoc d = m.getAnnotation(NodeDoc.class);
            if (d != null) out.add(new Entry(d.group(), d.usage(), d.text()));
        }
        return sorted(out, NODE_GROUPS);
    }

    /** The verbs' entries, in group order. */
    public static List<Entry> verbEntries() {
        List<Entry> out = new ArrayList<>();
        for (Method m : preludeMethods()) {
            VerbDoc d = m.getAnnotation(VerbDoc.class);
            if (d != null) out.add(new Entry(d.group(), d.usage(), d.text()));
        }
        return sorted(out, VERB_GROUPS);
    }

    /**
     * The methods declared by {@link Prelude} and every class it extends: what one static import brings into a session,
     * so a function added anywhere in that chain is listed without a list to keep.
     */
    private static List<Method> preludeMethods() {
        List<Method> out = new ArrayList<>();
        for (Class<?> c = Prelude.class; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Method m : c.getDeclaredMethods()) if (java.lang.reflect.Modifier.isPublic(m.getModifiers())) out.add(m);
        }
        return out;
    }

    /** Groups in their listed order; a group not listed comes after them, by name. */
    private static List<Entry> sorted(List<Entry> entries, List<String> groups) {
        entries.sort(Comparator.comparingInt((Entry e) -> groups.contains(e.group()) ? groups.indexOf(e.group()) : groups.size())
                .thenComparing(Entry::group).thenComparing(Entry::usage));
        return entries;
    }

    private static String render(String title, List<Entry> entries) {
        Map<String, List<Entry>> groups = new LinkedHashMap<>();
        for (Entry e : entries) groups.computeIfAbsent(e.group(), g -> new ArrayList<>()).add(e);
        StringBuilder b = new StringBuilder(title);
        for (var g : groups.entrySet()) {
            b.append("\n ").append(g.getKey()).append(':');
            for (Entry e : g.getValue()) b.append('\n').append(dev.aether.repl.help.HelpText.entry("   ", e.usage(), e.text()));
        }
        return b.toString();
    }
}
