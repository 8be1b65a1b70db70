package dev.aether.repl.eval;

import java.io.ByteArrayInputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
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
            "import java.util.*;",
            "import java.util.function.*;");

    private final JShell shell;
    private final AetherLoaderDelegate loader;
    private final Map<String, Class<?>> knownTypes = new HashMap<>();

    public SnippetEvaluator(AetherExecutionControlProvider.Mode mode, PrintStream userOut) { this(mode, userOut, null); }

    /** A shell whose user code belongs to {@code owner} (the live session the prelude talks to; null for none). */
    public SnippetEvaluator(AetherExecutionControlProvider.Mode mode, PrintStream userOut, Object owner) {
        this.loader = new AetherLoaderDelegate(SnippetEvaluator.class.getClassLoader(), new CompileThreads(), owner);
        this.shell = JShell.builder()
                .executionEngine(new AetherExecutionControlProvider(loader, mode), Map.of())
                .compilerOptions("--class-path", System.getProperty("java.class.path"))
                .in(new ByteArrayInputStream(new byte[0]))
                .out(userOut)
                .err(userOut)
                .build();
        for (String imp : PRELUDE_IMPORTS) {
            EvalReport r = evaluate(imp);
            if (r.failed()) throw new IllegalStateException("prelude import failed: " + imp + "\n" + r.text());
        }
    }

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
            if (k == Snippet.Kind.IMPORT && PRELUDE_IMPORTS.contains(s.source().strip())) continue;
            if (k == Snippet.Kind.IMPORT || k == Snippet.Kind.TYPE_DECL || k == Snippet.Kind.METHOD) out.add(s.source().strip());
        }
        return out;
    }

    /** Evaluates every complete snippet in {@code input}, in order; an incomplete tail is reported. */
    public EvalReport evaluate(String input) {
        loader.threads().note();
        List<String> out = new ArrayList<>(), accepted = new ArrayList<>();
        List<TypeDefinition> types = new ArrayList<>();
        boolean failed = false;
        SourceCodeAnalysis sca = shell.sourceCodeAnalysis();
        int consumed = 0;
        while (consumed < input.length() && !input.substring(consumed).isBlank()) {
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
            failed |= !evalSnippet(source, input, start, out, accepted, types);
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
                if (e.exception() != null) throw new IllegalArgumentException(describe(e.exception()));
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
        List<SnippetEvent> events = shell.eval(source);
        boolean ok = true;
        for (SnippetEvent e : events) {
            if (e.causeSnippet() != null) {                 // a consequence: a dependent type recompiled
                if (e.snippet() instanceof TypeDeclSnippet t && e.status().isActive()) noteType(t, types);
                continue;
            }
            Snippet s = e.snippet();
            if (e.status() == Snippet.Status.REJECTED) {
                ok = false;
                List<Diag> diags = shell.diagnostics(s).collect(Collectors.toList());
                if (diags.isEmpty()) out.add("error: not a valid snippet: " + firstLine(source.strip()));
                for (Diag d : diags) out.add(DiagnosticFormatter.format(d, input, start));
                continue;
            }
            if (s instanceof DeclarationSnippet d && (e.status() == Snippet.Status.RECOVERABLE_DEFINED
                    || e.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED)) {
                ok = false;                                 // aether does not keep half-defined code
                for (String missing : shell.unresolvedDependencies(d).collect(Collectors.toList())) {
                    out.add(unresolvedError(missing, source, input, start));
                }
                continue;
            }
            if (e.exception() != null) {
                ok = false;
                out.add(describe(e.exception()));
                continue;
            }
            accepted.add(source.strip());
            describeSuccess(e, out, types);
        }
        return ok;
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

    /** Records the class now behind {@code t}; true when it replaced an earlier class of that name. */
    private boolean noteType(TypeDeclSnippet t, List<TypeDefinition> types) {
        Class<?> k = loader.newestTopLevel(t.name());
        if (k == null) return false;
        Class<?> old = knownTypes.put(t.name(), k);
        boolean replaced = old != null && old != k;
        if (old != k) types.add(new TypeDefinition(t.name(), k, replaced ? old : null));
        return replaced;
    }

    /** "cannot find symbol" for a name JShell would leave for later, with a caret at its first use. */
    private static String unresolvedError(String missing, String source, String input, int start) {
        String name = missing.substring(missing.lastIndexOf(' ') + 1);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\b" + java.util.regex.Pattern.quote(name) + "\\b")
                .matcher(source);
        int at = m.find() ? m.start() : 0;
        return DiagnosticFormatter.format("error", "cannot find symbol\n  symbol: " + missing
                        + "\n  (the old definition is still in use)", input, start + at, start + at + name.length());
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

    /** An exception thrown by user code, in one line; its trace goes to the {@link TraceLog}, which the line names. */
    static String describe(JShellException ex) {
        if (ex instanceof UnresolvedReferenceException u) {
            return "error: " + u.getSnippet().toString().strip() + " uses something not yet declared";
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
