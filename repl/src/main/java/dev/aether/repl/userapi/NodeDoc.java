package dev.aether.repl.userapi;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@link Prelude} creation function and describes it for {@code :help nodes}, which is generated from
 * these annotations (one table: the prelude itself).
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
