/** aether's bytecode checks: the real-time rules read from compiled classes (ASM). Depends on no other aether module. */
module dev.aether.guard {
    requires org.objectweb.asm;
    requires org.objectweb.asm.tree;

    exports dev.aether.guard;
}
