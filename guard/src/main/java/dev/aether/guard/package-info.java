/**
 * A bytecode check of real-time code: {@link dev.aether.guard.RealtimeChecker} reads the class files of methods
 * marked {@code @RealtimeSafe} and reports each allocation, lock, string building, boxing, {@code invokedynamic},
 * first-use class load and call into unmarked code as a {@link dev.aether.guard.Finding}. Used by the build's
 * {@code RealtimeBytecodeTest} over core and the stdlib, and meant for the console's lint of user classes.
 *
 * <p>The module's API is this package: a {@code module-info} (added with the other modules') would export
 * {@code dev.aether.guard} only.
 */
package dev.aether.guard;
