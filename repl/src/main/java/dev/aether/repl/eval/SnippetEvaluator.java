package dev.aether.repl.eval;

import dev.aether.core.budget.RunBudget;
import dev.aether.core.budget.RunStopped;
import java.io.ByteArrayInputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.ExpressionSnippet;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.MethodSnippet;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;
import jdk.jshell.TypeDeclSnippet;
import jdk.jshell.UnresolvedReferenceException;
import jdk.jshell.VarSnippet;

/**
 * Confined to the evaluation worker ({@value Evaluator#THREAD_NAME}). A JShell that runs user code in this JVM
 * through aether's own execution control, and reports each input as an {@link EvalReport}. JShell is not
 * thread-safe.
 */
public final class SnippetEvaluator implements AutoCloseable {
    /** Imports every session starts with; {@code dev.aether.repl.userapi} is the only aether package. */
    public static final List<String> PRELUDE_IMPORTS = List.of(
            "import static dev.aether.repl.userapi.Prelude.*;",
            "import dev.aether.repl.userapi.*;",
            "import dev.aether.core.*;",
            "import dev.aether.core.param.*;",
            "import dev.aether.core.node.*;",
            "import dev.aether.core.time.*;",
            "import dev.aether.core.engine.*;",
            "import dev.aether.nodes.voice.*;",
            "import dev.aether.nodes.drum.*;",
            "import dev.aether.sequencing.pattern.*;",
            "import dev.aether.sequencing.schedule.PatternTarget;",
            "import dev.aether.sequencing.midi.*;",
            "import java.util.*;",
            "import java.util.function.*;");

    /** What the report shows for an input whose user code was cancelled (Ctrl-C). */
    public static final String CANCELLED = "cancelled";

    private final JShell shell;
    private final AetherLoaderDelegate loader;
    private final AetherExecutionControlProvider control;
    private final Map<String, Class<?>> knownTypes = new HashMap<>();
    private final RealtimeLint lint;
    private final MissingSymbolHint missingSymbols = new MissingSymbolHint(System.getProperty("java.class.path"), knownTypes::get);
    private boolean snippetCancelled;          // the last snippet's user code was cancelled
    private final Map<String, String> knownSources = new HashMap<>();
    private String preludeSource = "";         // the source of the prelude's one snippet
    /** Variables already reported reset or gone by a redefinition (by snippet id), so each is told once. */
    private final java.util.Set<String> lostVariables = new java.util.HashSet<>();

    public SnippetEvaluator(AetherExecutionControlProvider.Mode mode, PrintStream userOut) { this(mode, userOut, null); }

    /** A shell whose user code belongs to {@code owner} (the live session the prelude talks to; null for none). */
    public SnippetEvaluator(AetherExecutionControlProvider.Mode mode, PrintStream userOut, Object owner) {
        this(mode, userOut, owner, new UserCodeGuard(), new RealtimeLint());
    }

    /**
     * A shell whose user code belongs to {@code owner}, runs under {@code guard} with the evaluation budget ({@link
     * UserCodeGuard#evalBudgetNanos}) and whose classes are checked by {@code lint} (whose mode its owner sets from
     * any thread).
     */
    public SnippetEvaluator(AetherExecutionControlProvider.Mode mode, PrintStream userOut, Object owner,
                            UserCodeGuard guard, RealtimeLint lint) {
        this.lint = lint;
        this.loader = new AetherLoaderDelegate(SnippetEvaluator.class.getClassLoader(), new CompileThreads(), owner,
                mode.woven());
        this.control = new AetherExecutionControlProvider(loader, mode, guard);
        StartupTrace.mark("JShell building");
        this.shell = JShell.builder()
                .executionEngine(control, Map.of())
                .compilerOptions("--class-path", System.getProperty("java.class.path"))
                .in(new ByteArrayInputStream(new byte[0]))
                .out(userOut)
                .err(userOut)
                .build();
        StartupTrace.mark("JShell built");
        importPrelude();
        StartupTrace.mark("prelude imported");
    }

    /**
     * The prelude as one JShell snippet: JShell keeps an import snippet's whole source and puts it into every later
     * wrapper, so one evaluation imports all of them, and costs one compile instead of one per import (about 10 ms of
     * the worker's CPU each, before the first input can run; a render waits for it). The snippet is keyed by its first
     * import; an input that repeats a prelude import is therefore not handed to JShell (see {@link #evalSnippet}), so
     * it cannot replace the others.
     */
    private void importPrelude() {
        String source = String.join("\n", PRELUDE_IMPORTS);
        for (SnippetEvent e : shell.eval(source)) {
            if (e.causeSnippet() == null && e.status() != Snippet.Status.VALID) {
                String why = shell.diagnostics(e.snippet()).map(d -> d.getMessage(null)).collect(Collectors.joining("\n"));
                throw new IllegalStateException("prelude import failed (" + e.status() + "):\n" + source + "\n" + why);
            }
        }
        preludeSource = source;
    }

    /** The real-time lint run on each class defined here; its mode may be set from any thread. */
    public RealtimeLint lint() { return lint; }

    /** The delegate that loads user classes. */
    public AetherLoaderDelegate loader() { return loader; }

    /** The analysis of this shell (same thread only). */
    public SourceCodeAnalysis analysis() {
        loader.threads().note();
        return shell.sourceCodeAnalysis();
    }

    /**
     * Source of every active user import, type and method, in the order they were defined (the prelude
     * imports excluded): what a saved session needs to define the same classes again.
     */
    public List<String> declarationSources() {
        List<String> out = new ArrayList<>();
        for (Snippet s : shell.snippets().collect(Collectors.toList())) {
            if (!shell.status(s).isActive()) continue;
            Snippet.Kind k = s.kind();
            if (k == Snippet.Kind.IMPORT && s.source().strip().equals(preludeSource)) continue;
            if (k == Snippet.Kind.IMPORT || k == Snippet.Kind.TYPE_DECL || k == Snippet.Kind.METHOD) out.add(s.source().strip());
        }
        return out;
    }

    /** Evaluates every complete snippet in {@code input}, in order; an incomplete tail is reported. */
    public EvalReport evaluate(String input) { return evaluate(input, () -> false, defined -> List.of()); }

    /**
     * {@link #evaluate(String)}, calling {@code onTypes} after each snippet that defined or redefined types, before
     * the next snippet runs (so a swap setting made between two classes of one input applies to the later one); the
     * lines it returns are shown after that snippet's own. Once {@code cancelled} is true, or a snippet's run was
     * cancelled ({@link UserCodeGuard#cancel}), the rest of the input is not run and the report ends with "cancelled".
     */
    public EvalReport evaluate(String input, java.util.function.BooleanSupplier cancelled,
                               java.util.function.Function<List<TypeDefinition>, List<String>> onTypes) {
        loader.threads().note();
        control.cancelledBeforeRun(cancelled);
        try {
            return evaluateSnippets(input, cancelled, onTypes);
        } finally {
            control.cancelledBeforeRun(() -> false);
        }
    }

    private EvalReport evaluateSnippets(String input, java.util.function.BooleanSupplier cancelled,
                                        java.util.function.Function<List<TypeDefinition>, List<String>> onTypes) {
        List<String> out = new ArrayList<>(), accepted = new ArrayList<>();
        List<TypeDefinition> types = new ArrayList<>();
        boolean failed = false;
        SourceCodeAnalysis sca = shell.sourceCodeAnalysis();
        int consumed = 0;
        while (consumed < input.length() && !input.substring(consumed).isBlank()) {
            if (cancelled.getAsBoolean()) {
                out.add(CANCELLED);
                failed = true;
                break;
            }
            String rest = input.substring(consumed);
            SourceCodeAnalysis.CompletionInfo info = sca.analyzeCompletion(rest);
            if (info.completeness() == Completeness.EMPTY) break;
            if (!info.completeness().isComplete()) {
                out.add("error: incomplete input: " + firstLine(rest.strip()) + " ...");
                failed = true;
                break;
            }
            String source = info.source();
            int start = consumed + leadingWhitespace(rest) - leadingWhitespace(source);
            consumed = input.length() - info.remaining().length();
            int known = types.size();
            failed |= !evalSnippet(source, input, start, out, accepted, types);
            if (types.size() > known) out.addAll(onTypes.apply(List.copyOf(types.subList(known, types.size()))));
            if (snippetCancelled) break;
        }
        return new EvalReport(out, accepted, types, failed);
    }

    /**
     * The value of the Java expression {@code expression}, evaluated in this shell (so it sees the user's
     * variables and methods) and then dropped from it, leaving no trace in the session.
     *
     * @throws IllegalArgumentException naming the compile error or the exception thrown
     */
    public Object valueOf(String expression) {
        loader.threads().note();
        String source = Captured.class.getName() + ".put((Object) (" + expression.strip() + "\n));";
        Captured.take();
        List<SnippetEvent> events = shell.eval(source);
        try {
            for (SnippetEvent e : events) {
                if (e.causeSnippet() != null) continue;
                if (e.status() == Snippet.Status.REJECTED) {
                    List<String> out = new ArrayList<>();
                    for (Diag d : shell.diagnostics(e.snippet()).collect(Collectors.toList())) {
                        for (String line : d.getMessage(null).split("\n")) {
                            if (!line.strip().startsWith("location:")) out.add(line);   // the hidden wrapper class
                        }
                    }
                    throw new IllegalArgumentException("not an expression: " + expression.strip()
                            + (out.isEmpty() ? "" : "\n" + String.join("\n", out)));
                }
                if (e.exception() != null) throw new IllegalArgumentException(describe(e.exception(), shell));
            }
            return Captured.take();
        } finally {
            for (SnippetEvent e : events) {
                if (e.causeSnippet() == null && shell.status(e.snippet()).isActive()) shell.drop(e.snippet());
            }
        }
    }

    private boolean evalSnippet(String source, String input, int start, List<String> out, List<String> accepted,
                                List<TypeDefinition> types) {
        snippetCancelled = false;
        if (PRELUDE_IMPORTS.contains(source.strip())) {    // already imported by the prelude snippet, which it would replace
            accepted.add(source.strip());
            return true;
        }
        List<SnippetEvent> events = shell.eval(source);
        boolean ok = true;
        for (SnippetEvent e : events) {
            if (e.status().isDefined()) shiftBudgetLines(e.snippet(), e.causeSnippet() == null ? lineOf(input, start) : 0);
            if (e.causeSnippet() != null) {                 // a consequence: a dependent type recompiled
                if (e.snippet() instanceof TypeDeclSnippet t && e.status().isActive()) noteType(t, types);
                if (e.snippet() instanceof VarSnippet v && e.previousStatus().isDefined()
                        && e.causeSnippet() instanceof TypeDeclSnippet by && lostVariables.add(v.id())) {
                    out.add(variableLost(v, e.status().isDefined(), by.name()));
                }
                continue;
            }
            Snippet s = e.snippet();
            if (e.status() == Snippet.Status.REJECTED) {
                ok = false;
                List<Diag> diags = shell.diagnostics(s).collect(Collectors.toList());
                if (diags.isEmpty()) out.add("error: not a valid snippet: " + firstLine(source.strip()));
                for (Diag d : diags) {
                    out.add(DiagnosticFormatter.format(d, input, start)
                            + missingSymbols.forMessage(d.getMessage(Locale.ROOT)).map(h -> "\n  " + h).orElse(""));
                }
                continue;
            }
            if (s instanceof DeclarationSnippet d && (e.status() == Snippet.Status.RECOVERABLE_DEFINED
                    || e.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED)) {
                ok = false;                                 // aether does not keep half-defined code
                boolean hadOne = e.previousStatus() == Snippet.Status.VALID;
                for (String missing : shell.unresolvedDependencies(d).collect(Collectors.toList())) {
                    out.add(unresolvedError(missing, source, input, start, hadOne)
                            + missingSymbols.forMessage("symbol: " + missing).map(h -> "\n  " + h).orElse(""));
                }
                if (hadOne && d instanceof TypeDeclSnippet t) restore(t.name());
                continue;
            }
            if (e.exception() != null) {
                ok = false;
                snippetCancelled = control.lastRunCancelled();
                out.add(snippetCancelled ? CANCELLED : stopped(e.exception(), shell));
                continue;
            }
            if (s instanceof TypeDeclSnippet t && !lintAccepts(t, input, start, out)) {
                ok = false;
                continue;
            }
            accepted.add(source.strip());
            describeSuccess(e, out, types);
        }
        return ok;
    }

    /**
     * Runs the real-time lint on {@code t} and adds its warnings to {@code out}. False when {@code :lint strict}
     * refuses the class: the new definition is dropped and the previous one, if any, is defined again from its
     * source (live instances keep the old class; nothing is swapped).
     */
    private boolean lintAccepts(TypeDeclSnippet t, String input, int start, List<String> out) {
        RealtimeLint.Verdict v = lint.check(t, shell, loader, input, start);
        out.addAll(v.lines());
        if (!v.refused()) return true;
        Snippet previous = shell.snippets()
                .filter(p -> p != t && p instanceof TypeDeclSnippet d && d.name().equals(t.name()))
                .filter(p -> shell.status(p) == Snippet.Status.OVERWRITTEN)
                .reduce((a, b) -> b).orElse(null);
        boolean hadOld = knownTypes.containsKey(t.name()) && previous != null;
        shell.drop(t);
        if (hadOld) {
            shell.eval(previous.source());
            Class<?> restored = loader.newestTopLevel(t.name());
            if (restored != null) knownTypes.put(t.name(), restored);
        }
        out.add(RealtimeLint.refusal(t.name(), v.lines().size(), hadOld));
        return false;
    }

    private void describeSuccess(SnippetEvent e, List<String> out, List<TypeDefinition> types) {
        Snippet s = e.snippet();
        if (s instanceof TypeDeclSnippet t) {
            boolean replaced = noteType(t, types);
            out.add((replaced ? "replaced " : "created ") + kindOf(t) + " " + t.name() + unresolved(t));
        } else if (s instanceof MethodSnippet m) {
            boolean replaced = e.previousStatus() != Snippet.Status.NONEXISTENT;
            out.add((replaced ? "modified " : "created ") + "method " + m.name() + "(" + m.parameterTypes() + ")"
                    + unresolved(m));
        } else if (s instanceof VarSnippet v) {
            out.add(v.name() + " ==> " + e.value());
        } else if (s instanceof ExpressionSnippet x && e.value() != null && !"void".equals(x.typeName())) {
            out.add(x.name() + " ==> " + e.value());
        } else if (s.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND && e.value() != null) {
            out.add(((VarSnippet) s).name() + " ==> " + e.value());
        }
    }

    /**
     * Makes the budget sites of {@code s}'s classes name the line as typed: JShell compiles a snippet inside a
     * wrapper (package, imports, class), so a class file's line is the wrapped source's; {@code firstLine} is the
     * 0-based line of the input where the snippet starts.
     */
    private void shiftBudgetLines(Snippet s, int firstLine) {
        SourceCodeAnalysis.SnippetWrapper w = shell.sourceCodeAnalysis().wrapper(s);
        RunBudget.shiftLines(w.fullClassName(), lineOf(w.wrapped(), w.sourceToWrappedPosition(0)) - firstLine);
    }

    /** The 0-based line of {@code text} that {@code position} is on. */
    private static int lineOf(String text, int position) {
        int line = 0;
        for (int i = 0; i < position && i < text.length(); i++) if (text.charAt(i) == '\n') line++;
        return line;
    }

    /**
     * Defines type {@code name} again from the last source that compiled, after JShell replaced it by a definition
     * that does not (so the old definition stays in use for new instances too, as it does for those that sound).
     */
    private void restore(String name) {
        String previous = knownSources.get(name);
        if (previous != null) shell.eval(previous);
    }

    /**
     * What became of variable {@code v} when type {@code type} was redefined: JShell drops it or resets it to null,
     * and a node it held is no longer what sounds (a hot swap replaced that).
     */
    private static String variableLost(VarSnippet v, boolean kept, String type) {
        return "note: variable " + v.name() + (kept ? " was reset to null" : " is gone") + ": " + type
                + " was redefined; a node it held was swapped to the new class: slot(\"name\").node() gives the one"
                + " that sounds";
    }

    /** Records the class now behind {@code t}; true when it replaced an earlier class of that name. */
    private boolean noteType(TypeDeclSnippet t, List<TypeDefinition> types) {
        Class<?> k = loader.newestTopLevel(t.name());
        if (k == null) return false;
        Class<?> old = knownTypes.put(t.name(), k);
        boolean replaced = old != null && old != k;
        if (old != k) {
            String oldSource = knownSources.put(t.name(), t.source());
            types.add(new TypeDefinition(t.name(), k, replaced ? old : null, t.source(), replaced ? oldSource : null));
        }
        return replaced;
    }

    /** What an input whose user code ran past the evaluation budget shows; other exceptions as {@link #describe}. */
    private static String stopped(JShellException ex, JShell shell) {
        if (!(ex instanceof EvalException ee) || !RunStopped.class.getName().equals(ee.getExceptionClassName())) {
            return describe(ex, shell);
        }
        String where = ex.getMessage().replaceFirst(" in \\$JShell\\$\\d+[A-Z]*\\.do_it\\$", " in this input");
        return "stopped: " + where + "; make it end sooner, or allow longer runs with -D"
                + UserCodeGuard.EVAL_BUDGET_PROPERTY + "=SECONDS (Ctrl-C cancels)";
    }

    /**
     * "cannot find symbol" for a name JShell would leave for later, with a caret at its first use; {@code hadOne}:
     * an earlier definition of the same name was valid (and keeps playing).
     */
    private static String unresolvedError(String missing, String source, String input, int start, boolean hadOne) {
        String symbol = missing.contains("(") ? missing.substring(0, missing.indexOf('(')) : missing;
        String name = symbol.substring(symbol.lastIndexOf(' ') + 1);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\b" + java.util.regex.Pattern.quote(name) + "\\b")
                .matcher(source);
        int at = m.find() ? m.start() : 0;
        return DiagnosticFormatter.format("error", "cannot find symbol\n  symbol: " + missing
                        + (hadOne ? "\n  (the old definition is still in use)" : ""), input, start + at, start + at + name.length());
    }

    private String unresolved(DeclarationSnippet d) {
        List<String> missing = shell.unresolvedDependencies(d).collect(Collectors.toList());
        return missing.isEmpty() ? "" : ", however, it cannot be used until " + String.join(", ", missing)
                + " is declared";
    }

    private static String kindOf(TypeDeclSnippet t) {
        switch (t.subKind()) {
            case INTERFACE_SUBKIND: return "interface";
            case ENUM_SUBKIND: return "enum";
            case RECORD_SUBKIND: return "record";
            case ANNOTATION_TYPE_SUBKIND: return "annotation";
            default: return "class";
        }
    }

    /**
     * An exception thrown by user code, in one line (its trace goes to the {@link TraceLog}, which the line names);
     * the use of a declaration whose definition did not compile names it and what it is missing.
     */
    static String describe(JShellException ex, JShell shell) {
        if (ex instanceof UnresolvedReferenceException u) {
            DeclarationSnippet d = u.getSnippet();
            String kind = d instanceof TypeDeclSnippet t ? kindOf(t) : d instanceof MethodSnippet ? "method" : "variable";
            List<String> missing = shell.unresolvedDependencies(d).collect(Collectors.toList());
            return "error: " + kind + " " + d.name() + " cannot be used: its definition did not compile"
                    + (missing.isEmpty() ? "" : " (cannot find " + String.join(", ", missing) + ")")
                    + "; fix it and define it again";
        }
        String className = ex instanceof EvalException ee ? ee.getExceptionClassName() : ex.getClass().getName();
        return TraceLog.oneLine(className, ex.getMessage(), ex);
    }

    private static int leadingWhitespace(String s) {
        int i = 0;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
        return i;
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    @Override public void close() { shell.close(); }
}
