package dev.aether.repl.userapi;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Any thread (read by reflection). Marks a {@link LiveVerbs} function and describes it in one line for
 * {@code :help verbs}, {@code :help NAME} and {@code docs/reference.md}, all generated from these annotations
 * ({@link PreludeHelp}, {@code dev.aether.repl.help.ReferenceDoc}); a public method anywhere in {@link Prelude}'s class
 * chain that carries one is listed.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface VerbDoc {
    /** Group shown in the listing: "playing", "parameters", "time", "time and swaps". */
    String group();

    /** The call as shown, with units: {@code set(chain, param, value, rampSeconds)}. */
    String usage();

    /** One line: what it does. */
    String text();
}
