package org.photonee.core.protocol;

import java.util.Arrays;
import java.util.Objects;

/**
 * A value of an application-registered custom type (Protocol16 type {@code c}) that this server does not interpret:
 * its type code and opaque bytes, relayed unchanged so clients that know the type see it intact.
 */
public record CustomTypeValue(byte typeCode, byte[] data) {
    public CustomTypeValue {
        Objects.requireNonNull(data, "data");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CustomTypeValue c && c.typeCode == typeCode && Arrays.equals(c.data, data);
    }

    @Override
    public int hashCode() {
        return typeCode * 31 + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "Custom(" + (typeCode & 0xFF) + ", " + data.length + " bytes)";
    }
}
