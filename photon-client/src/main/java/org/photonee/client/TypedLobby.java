package org.photonee.client;

import java.util.Objects;
import org.photonee.core.codes.LobbyType;

/**
 * A lobby: name plus type ({@link LobbyType}). The default lobby is the empty name with type 0.
 *
 * @param name lobby name, "" for the default lobby
 * @param type a {@link LobbyType} value
 */
public record TypedLobby(String name, int type) {
    public static final TypedLobby DEFAULT = new TypedLobby("", LobbyType.DEFAULT);

    public TypedLobby {
        Objects.requireNonNull(name, "name");
    }

    /** An SQL lobby, where join-random takes a SQL filter over C0..C9. */
    public static TypedLobby sql(String name) {
        return new TypedLobby(name, LobbyType.SQL);
    }

    public boolean isDefault() {
        return name.isEmpty() && type == LobbyType.DEFAULT;
    }
}
