package dev.aether.repl.eval;

import java.util.List;

/**
 * Immutable; any thread. What one input did: text to show (values, "created class Fuzz", diagnostics, exceptions),
 * the snippets JShell accepted (for the journal), and the user types defined or redefined by it.
 *
 * @param output   lines to print, in order
 * @param accepted source of every snippet that compiled and ran without error, in order
 * @param types    types the input defined or replaced
 * @param failed   true when some snippet was rejected or threw
 */
public record EvalReport(List<String> output, List<String> accepted, List<TypeDefinition> types, boolean failed) {
    public EvalReport {
        output = List.copyOf(output);
        accepted = List.copyOf(accepted);
        types = List.copyOf(types);
    }

    /** The output as one string, lines separated by newlines (empty when nothing to show). */
    public String text() { return String.join("\n", output); }
}
