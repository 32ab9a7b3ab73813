package org.photonee.core.plugin;

import java.util.Map;
import org.photonee.core.protocol.PhotonHashtable;

/** An actor of the room as a plugin sees it (Photon's {@code IActor}); a snapshot taken on the room fiber. */
public interface PluginActor {
    int actorNr();

    String userId();

    String nickname();

    boolean isActive();

    /** A copy of the actor's custom properties (with the nickname, 255). */
    PhotonHashtable properties();

    /** Values custom authentication attached to the user (Photon's {@code Secure}); empty when none. */
    Map<String, Object> authCookie();
}
