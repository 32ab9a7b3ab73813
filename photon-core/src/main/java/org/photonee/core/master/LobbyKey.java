package org.photonee.core.master;

import java.util.Objects;

/**
 * A lobby's identity within an application: name and type together ("" / Default is the default lobby).
 *
 * @param name lobby name, never null
 * @param type {@code LobbyType} code
 */
public record LobbyKey(String name, int type) {
    public static final LobbyKey DEFAULT = new LobbyKey("", 0);

    public LobbyKey {
        Objects.requireNonNull(name, "name");
    }
}
