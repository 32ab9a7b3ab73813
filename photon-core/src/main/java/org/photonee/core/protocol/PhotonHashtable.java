package org.photonee.core.protocol;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Photon's Hashtable (Protocol16 type {@code h}): keys and values each carry their own type, null values are allowed.
 * Room and actor property tables are Hashtables with {@code Byte} keys for well-known properties and
 * {@code String} keys for custom ones. Insertion order is kept so encoded bytes are stable.
 */
public final class PhotonHashtable extends LinkedHashMap<Object, Object> {
    public PhotonHashtable() {
    }

    public PhotonHashtable(int expectedSize) {
        super(Math.max(4, (int) (expectedSize / 0.75f) + 1));
    }

    public PhotonHashtable(Map<?, ?> source) {
        super(source);
    }

    /** Builds a table from alternating key, value arguments. */
    public static PhotonHashtable of(Object... keyValuePairs) {
        if (keyValuePairs.length % 2 != 0) {
            throw new IllegalArgumentException("keys and values must come in pairs");
        }
        PhotonHashtable t = new PhotonHashtable(keyValuePairs.length / 2);
        for (int i = 0; i < keyValuePairs.length; i += 2) {
            t.put(keyValuePairs[i], keyValuePairs[i + 1]);
        }
        return t;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Map<?, ?> m && Values.deepEquals(this, m);
    }

    @Override
    public int hashCode() {
        return Values.deepHashCode(this);
    }
}
