/**
 * The run budget of user code: checks woven into user classes as they load ({@link RunBudget#check}) stop a
 * loop that runs past its thread's deadline, or that the person cancelled, by throwing {@link RunStopped}
 * inside it.
 */
package dev.aether.core.budget;
