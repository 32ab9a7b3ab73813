package org.photonee.client;

import java.util.Collections;
import java.util.Map;
import org.photonee.core.protocol.PhotonHashtable;

/** Helpers for property tables: copy-on-write snapshots so readers on any thread see a consistent table. */
final class Properties {
    private Properties() {
    }

    static final Map<Object, Object> EMPTY = Collections.unmodifiableMap(new PhotonHashtable());

    /** A new snapshot with the changes merged in; a null value deletes the key when {@code deleteNulls}. */
    static Map<Object, Object> merge(Map<Object, Object> current, Map<?, ?> changes, boolean deleteNulls) {
        PhotonHashtable next = new PhotonHashtable(current);
        for (Map.Entry<?, ?> e : changes.entrySet()) {
            if (e.getValue() == null && deleteNulls) {
                next.remove(e.getKey());
            } else {
                next.put(e.getKey(), e.getValue());
            }
        }
        return Collections.unmodifiableMap(next);
    }

    static Map<Object, Object> snapshot(Map<?, ?> source) {
        return source == null ? EMPTY : Collections.unmodifiableMap(new PhotonHashtable(source));
    }

    /** Reads a well-known byte key, which a binary client sees as a {@code Byte} and a JSON peer may set as a string. */
    static Object wellKnown(Map<?, ?> table, Byte key) {
        if (table.containsKey(key)) {
            return table.get(key);
        }
        return table.get(String.valueOf(key & 0xFF));
    }
}
