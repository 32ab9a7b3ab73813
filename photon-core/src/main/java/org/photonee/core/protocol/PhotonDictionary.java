package org.photonee.core.protocol;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Photon's typed Dictionary (Protocol16 type {@code D}). The declared key and value type codes travel on the
 * wire; a type code of 0 or 42 ({@code *}) means each entry carries its own type.
 */
public final class PhotonDictionary extends LinkedHashMap<Object, Object> {
    /** Type code meaning "entries are typed individually". */
    public static final byte ANY_TYPE = 0;

    private final byte keyType;
    private final byte valueType;

    public PhotonDictionary(byte keyType, byte valueType) {
        this.keyType = keyType;
        this.valueType = valueType;
    }

    public PhotonDictionary(byte keyType, byte valueType, Map<?, ?> source) {
        super(source);
        this.keyType = keyType;
        this.valueType = valueType;
    }

    public byte keyType() {
        return keyType;
    }

    public byte valueType() {
        return valueType;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PhotonDictionary d && d.keyType == keyType && d.valueType == valueType
                && Values.deepEquals(this, d);
    }

    @Override
    public int hashCode() {
        return Values.deepHashCode(this) * 31 + keyType * 7 + valueType;
    }
}
