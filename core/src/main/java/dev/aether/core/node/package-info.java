/**
 * What the engine knows of a node and how a node is run outside a plan: {@link dev.aether.core.node.NodeSpec} (its
 * ports and parameters, found on its fields and bound to one owner) and {@link dev.aether.core.node.NodeRunner} (the
 * one node harness: composites' children, class warm-up, trial runs, {@code :response}, tests). Control thread
 * unless a method says otherwise.
 */
package dev.aether.core.node;
