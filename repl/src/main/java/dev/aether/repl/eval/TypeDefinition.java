package dev.aether.repl.eval;

/**
 * Immutable; any thread. A user type as of one evaluation.
 *
 * @param name     simple name as typed ({@code Fuzz})
 * @param newClass the class now behind the name
 * @param oldClass the class it replaced, or null when the name is new
 * @param newSource the source of {@code newClass} as typed
 * @param oldSource the source of {@code oldClass}, or null when the name is new
 */
public record TypeDefinition(String name, Class<?> newClass, Class<?> oldClass, String newSource, String oldSource) {
    /** True when this replaced an earlier definition of the same name. */
    public boolean isRedefinition() { return oldClass != null && oldClass != newClass; }
}
