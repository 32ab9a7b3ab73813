package org.photonee.web;

import jakarta.ejb.EJB;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import org.photonee.ejb.PhotonNode;

import java.io.IOException;

/**
 * {@code ws://.../photon/status}: sends the node's status as JSON on open and again for every text message
 * received. Used by the dashboard and by smoke tests to prove WebSocket upgrades work on a deployment.
 */
@ServerEndpoint("/status")
public class StatusEndpoint {
    @EJB
    private PhotonNode node;

    @OnOpen
    public void onOpen(Session session) throws IOException {
        session.getBasicRemote().sendText(StatusJson.of(node.status()).toString());
    }

    @OnMessage
    public String onMessage(String ignored) {
        return StatusJson.of(node.status()).toString();
    }
}
