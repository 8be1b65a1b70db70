package dev.aether.repl.eval;

import dev.aether.guard.ClassBytes;
import dev.aether.guard.Finding;
import dev.aether.guard.RealtimeChecker;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SourceCodeAnalysis.SnippetWrapper;
import jdk.jshell.TypeDeclSnippet;

/**
 * Evaluation worker; {@link #mode} any thread. The real-time lint of a class defined at the prompt, run as soon as
 * JShell has compiled it and before anything of it sounds: guard's {@link RealtimeChecker} (the checker that holds
 * aether's own {@code @RealtimeSafe} code to the rules) reads the class files as JShell compiled them, starting
 * from each {@code process} and following calls into the session's own classes and methods. Reported: allocation
 * ({@code new}, arrays, {@code clone}, boxing, string building and concatenation, capturing lambdas), locks
 * ({@code synchronized} blocks and methods, {@code java.util.concurrent} locks and blocking calls,
 * {@code Thread.sleep}, {@code Object.wait}) and I/O or logging ({@code java.io}, {@code java.nio.file},
 * {@code System.out}, {@code java.util.logging}, {@code System.Logger}), and calls into the console's own code (the
 * prelude's verbs, which allocate and wait for the session thread). Other calls into library code that is neither
 * {@code @RealtimeSafe} nor one of these are not reported: the lint cannot tell what they do.
 *
 * <p>Each finding is shown like a compiler warning, with the line and column in what the person typed, the line and
 * a caret under the construct (bytecode carries lines only; the column is where the construct's token is on that
 * line). {@link Mode#STRICT} refuses a class with findings.
 */
public final class RealtimeLint {
    /** What the lint does with a class: nothing, warn, or warn and refuse it. */
    public enum Mode {
        OFF, WARN, STRICT;

        /** {@code off}, {@code warn}, {@code strict} (any case); fails naming the three. */
        public static Mode parse(String word) {
            for (Mode m : values()) if (m.name().equalsIgnoreCase(word.strip())) return m;
            throw new IllegalArgumentException("unknown lint mode '" + word.strip() + "': use :lint off, :lint warn"
                    + " or :lint strict");
        }

        /** Lower case, as typed. */
        public String word() { return name().toLowerCase(Locale.ROOT); }
    }

    /** The lines to show for one class, and whether the class is refused ({@link Mode#STRICT} with findings). */
    record Verdict(List<String> lines, boolean refused) {
        static final Verdict CLEAN = new Verdict(List.of(), false);
    }

    private static final Pattern WRAPPER_CLASS = Pattern.compile("^REPL\\.\\$JShell\\$\\d+[A-Z]*");
    private static final Pattern CALLEE = Pattern.compile("calls [\\w.]*?(\\w+)\\(\\)");
    private static final Pattern BOXED = Pattern.compile("boxes an? \\w+ into an? (\\w+)");
    private static final Pattern CALLEE_IN_PARENS = Pattern.compile("\\([\\w.]*?\\.(\\w+)\\)");

    private volatile Mode mode = Mode.WARN;

    /** The current mode (default {@link Mode#WARN}). */
    public Mode mode() { return mode; }

    /** Sets the mode for classes defined from now on. */
    public void mode(Mode m) { mode = java.util.Objects.requireNonNull(m, "mode"); }

    /**
     * Lints the class {@code t} just defined, whose source starts at offset {@code start} of {@code input} (what
     * the person entered); {@code shell} finds the snippets of other classes a finding may be in.
     */
    Verdict check(TypeDeclSnippet t, JShell shell, AetherLoaderDelegate loader, String input, int start) {
        Mode m = mode;
        if (m == Mode.OFF) return Verdict.CLEAN;
        Class<?> k = loader.newestTopLevel(t.name());
        if (k == null) return Verdict.CLEAN;
        ClassBytes userClasses = name -> loader.compiledBytes(name.replace('/', '.'));
        RealtimeChecker checker = new RealtimeChecker(
                userClasses.orElse(ClassBytes.of(RealtimeLint.class.getClassLoader())), n -> n.startsWith("REPL/"));
        List<Finding> findings = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();    // one warning per line and rule
        for (String name : loader.compiledClassesOf(k.getName())) {
            for (Finding f : checker.check(loader.compiledBytes(name))) {
                if (reported(f) && seen.add(f.className() + ':' + f.line() + ':' + f.kind())) findings.add(f);
            }
        }
        if (findings.isEmpty()) return Verdict.CLEAN;
        List<String> lines = new ArrayList<>();
        for (Finding f : findings) lines.add(warning(f, t, shell, input, start));
        boolean refuse = m == Mode.STRICT;
        if (!refuse) {
            lines.add(t.name() + ": " + count(findings.size()) + " on the audio thread (:lint strict refuses such a"
                    + " class, :lint off hides this)");
        }
        return new Verdict(lines, refuse);
    }

    /** The line shown when {@link Mode#STRICT} refuses {@code name}. */
    static String refusal(String name, int findings, boolean hadOldDefinition) {
        return "error: refused class " + name + " (:lint strict): " + count(findings) + " on the audio thread; "
                + (hadOldDefinition ? "the old definition is still in use" : "nothing was defined")
                + " (fix them, or :lint warn)";
    }

    private static String count(int n) { return n + " real-time finding" + (n == 1 ? "" : "s"); }

    /** The rules the lint holds user code to; unknown calls and first-use class loads are not reported. */
    private static boolean reported(Finding f) {
        switch (f.kind()) {
            case ALLOCATION: case LOCK: case IO: case STRING_BUILDING: case BOXING: return true;
            case INVOKEDYNAMIC: return f.message().startsWith("creates a lambda capturing");
            case CALL: return isConsoleVerb(f);
            default: return false;
        }
    }

    /** A call into the console's own code (the prelude's verbs): none of it is real-time, most of it waits. */
    private static boolean isConsoleVerb(Finding f) {
        return f.callee() != null && f.callee().startsWith("dev.aether.repl.");
    }

    private static String warning(Finding f, TypeDeclSnippet t, JShell shell, String input, int start) {
        String what = !isConsoleVerb(f) ? f.message() : f.message().substring(0, f.message().indexOf("(), ") + 2)
                + ", the console's code, which allocates and waits for the session thread: call it at the prompt"
                + " or from a control-thread callback, not from process";
        String message = "on the audio thread, " + qualified(f.className(), f.methodName()) + " " + what;
        Matcher wm = WRAPPER_CLASS.matcher(f.className());
        Snippet where = wm.find() ? snippetOf(wm.group(), t, shell) : null;
        if (where == null || f.line() < 0) return "warning: " + message;
        String text = where == t ? input : where.source();
        int offset = where == t ? start : 0;
        SnippetWrapper w = shell.sourceCodeAnalysis().wrapper(where);
        int wrappedPos = lineStart(w.wrapped(), f.line());
        if (wrappedPos < 0) return "warning: " + message;
        int sourcePos = w.wrappedToSourcePosition(wrappedPos);
        if (sourcePos < 0) return "warning: " + message;
        int lineStart = text.lastIndexOf('\n', offset + sourcePos - 1) + 1;
        int lineEnd = text.indexOf('\n', lineStart);
        String line = text.substring(lineStart, lineEnd < 0 ? text.length() : lineEnd);
        int[] token = token(f, line);
        String in = where == t ? ""
                : " (in the earlier snippet '" + where.source().strip().lines().findFirst().orElse("") + "')";
        return DiagnosticFormatter.format("warning", message + in, text, lineStart + token[0],
                lineStart + token[0] + token[1]);
    }

    /** The snippet whose wrapper class is {@code wrapperClass}: {@code t} or an active earlier one, or null. */
    private static Snippet snippetOf(String wrapperClass, TypeDeclSnippet t, JShell shell) {
        if (shell.sourceCodeAnalysis().wrapper(t).fullClassName().equals(wrapperClass)) return t;
        return shell.snippets()
                .filter(s -> s.kind() == Snippet.Kind.TYPE_DECL || s.kind() == Snippet.Kind.METHOD)
                .filter(s -> shell.status(s).isActive())
                .filter(s -> shell.sourceCodeAnalysis().wrapper(s).fullClassName().equals(wrapperClass))
                .findFirst().orElse(null);
    }

    /** Offset of the first non-blank character of 1-based {@code line} in {@code text}, or -1. */
    private static int lineStart(String text, int line) {
        int pos = 0;
        for (int l = 1; l < line; l++) {
            pos = text.indexOf('\n', pos) + 1;
            if (pos == 0) return -1;
        }
        while (pos < text.length() && text.charAt(pos) != '\n' && Character.isWhitespace(text.charAt(pos))) pos++;
        return pos;
    }

    /** Column (0-based) and length of the construct {@code f} is about in {@code line}; the line's code if unknown. */
    static int[] token(Finding f, String line) {
        String msg = f.message();
        List<String> wanted = new ArrayList<>();
        if (msg.startsWith("clones")) wanted.add("\\bclone\\b");
        if (msg.startsWith("concatenates")) wanted.add("\\+");
        if (msg.contains("synchronized")) wanted.add("\\bsynchronized\\b");
        if (msg.startsWith("creates a lambda")) {
            wanted.add("->");
            wanted.add("::");
        }
        Matcher boxed = BOXED.matcher(msg);
        if (boxed.lookingAt()) wanted.add("\\b" + boxed.group(1) + "\\b");
        Matcher callee = CALLEE.matcher(msg);
        if (callee.lookingAt()) wanted.add("\\b" + callee.group(1) + "\\b");
        Matcher inParens = CALLEE_IN_PARENS.matcher(msg);
        if (msg.startsWith("builds a string") && inParens.find()) wanted.add("\\b" + inParens.group(1) + "\\b");
        if (msg.startsWith("allocates") || msg.startsWith("throws a new") || msg.startsWith("builds a string")) {
            wanted.add("\\bnew\\b");
        }
        for (String regex : wanted) {
            Matcher m = Pattern.compile(regex).matcher(line);
            if (m.find()) return new int[] {m.start(), m.end() - m.start()};
        }
        int first = 0;
        while (first < line.length() && Character.isWhitespace(line.charAt(first))) first++;
        return new int[] {first, Math.max(1, line.strip().length())};
    }

    /** {@code Fuzz.Inner.process} for a method of {@code REPL.$JShell$12$Fuzz$Inner}; a method snippet's by name. */
    private static String qualified(String binaryName, String method) {
        String s = WRAPPER_CLASS.matcher(binaryName).replaceFirst("");
        return s.isEmpty() ? method : s.substring(1).replace('$', '.') + "." + method;
    }
}
