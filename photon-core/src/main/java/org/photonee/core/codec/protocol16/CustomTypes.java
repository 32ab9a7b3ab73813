package org.photonee.core.codec.protocol16;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.photonee.core.protocol.CustomTypeValue;

/**
 * The application's custom types (Protocol16 type {@code c}): maps a custom type code to a Java class and back.
 * A code without a registration decodes to a {@link CustomTypeValue} that is relayed byte for byte, which is all a
 * relay server needs; register a type only when server code wants to read it (e.g. a plugin reading a Vector3).
 *
 * <p>Immutable once built, so one instance is shared by every thread that encodes or decodes.
 */
public final class CustomTypes {
    /** No registrations: every custom value stays a {@link CustomTypeValue}. */
    public static final CustomTypes NONE = new Builder().build();

    /** How one custom type becomes bytes and back. A failing deserializer rejects the message, not the server. */
    public record Registration<T>(byte code, Class<T> type, Function<? super T, byte[]> serializer,
                                  Function<byte[], ? extends T> deserializer) {
        public Registration {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(serializer, "serializer");
            Objects.requireNonNull(deserializer, "deserializer");
        }

        /** The value's bytes; the value must be an instance of {@link #type()}. */
        public byte[] serialize(Object value) {
            return serializer.apply(type.cast(value));
        }
    }

    private final Map<Byte, Registration<?>> byCode;
    private final Map<Class<?>, Registration<?>> byType;

    private CustomTypes(Map<Byte, Registration<?>> byCode, Map<Class<?>, Registration<?>> byType) {
        this.byCode = Map.copyOf(byCode);
        this.byType = Map.copyOf(byType);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The registration for a custom type code, or null. */
    public Registration<?> forCode(byte code) {
        return byCode.get(code);
    }

    /** The registration for exactly this class (no subclass lookup: the hot path stays a single map probe), or null. */
    public Registration<?> forType(Class<?> type) {
        return byType.isEmpty() ? null : byType.get(type);
    }

    public static final class Builder {
        private final Map<Byte, Registration<?>> byCode = new HashMap<>();
        private final Map<Class<?>, Registration<?>> byType = new HashMap<>();

        private Builder() {
        }

        /** Registers a type; codes and classes must be unique. */
        public <T> Builder register(byte code, Class<T> type, Function<? super T, byte[]> serializer,
                                    Function<byte[], ? extends T> deserializer) {
            Registration<T> r = new Registration<>(code, type, serializer, deserializer);
            if (byCode.containsKey(code) || byType.containsKey(type)) {
                throw new IllegalArgumentException("custom type code " + (code & 0xFF) + " or " + type.getName()
                        + " is already registered");
            }
            byCode.put(code, r);
            byType.put(type, r);
            return this;
        }

        public CustomTypes build() {
            return new CustomTypes(byCode, byType);
        }
    }
}
