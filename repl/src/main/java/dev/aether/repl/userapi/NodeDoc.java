package dev.aether.repl.userapi;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Any thread (read by reflection). Marks a {@link NodeFunctions} creation function and describes it in one line
 * for {@code :help nodes}, {@code :help NAME} and {@code docs/reference.md}, all generated from these annotations
 * ({@link PreludeHelp}, {@code dev.aether.repl.help.ReferenceDoc}); any public static method of {@link Prelude}'s class
 * chain that carries one is listed.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface NodeDoc {
    /** Group shown in the listing: "oscillators", "noise", "filters", ... */
    String group();

    /** The call as shown, with units: {@code lowpass(cutoffHz)}. */
    String usage();

    /** One line: what it is, its ports and parameters with units. */
    String text();
}
