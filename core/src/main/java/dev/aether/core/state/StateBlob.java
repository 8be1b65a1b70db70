package dev.aether.core.state;

import dev.aether.core.ControlThread;
import dev.aether.core.NodeState;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.util.Arrays;
import java.util.Base64;

/**
 * A node's {@link NodeState} as bytes, for saved sessions. Reading resolves classes through a given loader
 * (user node classes live in the console's loader). Immutable; control thread.
 */
@ControlThread
public final class StateBlob {
    private final String type;
    private final byte[] bytes;

    private StateBlob(String type, byte[] bytes) {
        this.type = type;
        this.bytes = bytes;
    }

    /** Serializes {@code state}. */
    public static StateBlob of(NodeState state) {
        try (ByteArrayOutputStream b = new ByteArrayOutputStream(); ObjectOutputStream o = new ObjectOutputStream(b)) {
            o.writeObject(state);
            o.flush();
            return new StateBlob(state.getClass().getName(), b.toByteArray());
        } catch (IOException e) {
            throw new IllegalArgumentException("state " + state.getClass().getName()
                    + " cannot be serialized (" + e.getMessage() + "); make every field of the state record serializable", e);
        }
    }

    /** Reads a blob written by {@link #toBase64()}. */
    public static StateBlob fromBase64(String type, String base64) {
        return new StateBlob(type, Base64.getDecoder().decode(base64));
    }

    /** The state again, with classes resolved through {@code loader}. */
    public NodeState toState(ClassLoader loader) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes)) {
            @Override protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
                try {
                    return Class.forName(desc.getName(), false, loader);
                } catch (ClassNotFoundException e) {
                    return super.resolveClass(desc);
                }
            }
        }) {
            return (NodeState) in.readObject();
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalArgumentException("saved state of type " + type + " cannot be read (" + e.getMessage()
                    + "); the node's State record has probably changed since it was saved", e);
        }
    }

    public String type() { return type; }
    public String toBase64() { return Base64.getEncoder().encodeToString(bytes); }
    public int size() { return bytes.length; }

    @Override public boolean equals(Object o) {
        return o instanceof StateBlob s && s.type.equals(type) && Arrays.equals(s.bytes, bytes);
    }
    @Override public int hashCode() { return type.hashCode() * 31 + Arrays.hashCode(bytes); }
}
