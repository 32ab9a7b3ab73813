package org.photonee.web.socket;

import org.photonee.core.peer.ApplicationBase;

/** Finds the application that serves an endpoint ("ns", "master", "game", "s2s"), or null when the role is off. */
@FunctionalInterface
public interface PeerApplications {
    ApplicationBase forEndpoint(String endpoint);
}
