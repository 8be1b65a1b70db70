package dev.aether.bench;

import dev.aether.bench.usercode.UserNodeHolder;
import dev.aether.bench.usercode.UserNodes;
import dev.aether.core.DspNode;
import dev.aether.core.InputPort;
import dev.aether.core.NodeId;
import dev.aether.core.OutputPort;
import dev.aether.core.engine.Engine;
import dev.aether.repl.eval.AetherExecutionControlProvider;
import dev.aether.repl.eval.EvalReport;
import dev.aether.repl.eval.SnippetEvaluator;
import java.io.OutputStream;
import java.io.PrintStream;

/**
 * Control thread. The soak's user code: nodes typed through the console's evaluator (woven with budget checks, as
 * the console runs them) playing into {@code mix}; a node stopped by its budget is counted and put back.
 */
final class UserCodeLoad {
    private final Engine engine;
    private final SnippetEvaluator shell;
    private long overBudget;

    UserCodeLoad(Engine engine, InputPort mix, int nodes) {
        this.engine = engine;
        this.shell = new SnippetEvaluator(AetherExecutionControlProvider.Mode.DIRECT,
                new PrintStream(OutputStream.nullOutputStream()));
        define(UserNodes.source(UserNodes.VOICES));
        for (int i = 0; i < nodes; i++) {
            DspNode node = make();
            engine.add(node);
            engine.connect(outOf(node), mix);
        }
    }

    /** Counts a node stopped by its budget and lets it sound again. */
    void putBack(NodeId id) {
        overBudget++;
        engine.clearFault(id);
    }

    long overBudget() { return overBudget; }

    private DspNode make() {
        define(UserNodeHolder.class.getName() + ".node = new " + UserNodes.className(UserNodes.VOICES) + "();");
        return UserNodeHolder.node;
    }

    private void define(String source) {
        EvalReport r = shell.evaluate(source);
        if (r.failed()) throw new IllegalStateException("JShell rejected: " + source + "\n" + r.text());
    }

    private static OutputPort outOf(DspNode node) {
        try {
            java.lang.reflect.Field f = node.getClass().getDeclaredField("out");
            f.setAccessible(true);
            return (OutputPort) f.get(node);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("a user node without a field 'out'", e);
        }
    }
}
