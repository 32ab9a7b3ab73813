package org.photonee.web.socket;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Collections;
import java.util.List;

/**
 * Refuses a WebSocket upgrade to a role endpoint at the handshake (HTTP 400) when the client offers no subprotocol
 * we speak. Without it the container would accept the upgrade without a subprotocol and the client would only learn
 * from a close frame. {@link PeerEndpoint} still closes such connections (1002) on servers that run their WebSocket
 * upgrade before servlet filters.
 */
@WebFilter(urlPatterns = {"/ns", "/ns/*", "/master", "/master/*", "/game", "/game/*", "/s2s", "/s2s/*"},
        asyncSupported = true)
public class SubprotocolFilter extends HttpFilter {
    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String upgrade = request.getHeader("Upgrade");
        if (upgrade != null && "websocket".equalsIgnoreCase(upgrade.trim())) {
            List<String> offers = org.photonee.core.codec.WireProtocols.parseOffers(
                    Collections.list(request.getHeaders("Sec-WebSocket-Protocol")));
            if (SubprotocolPolicy.PROTOCOLS.select(offers).isEmpty()) {
                response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
                response.setContentType("text/plain;charset=UTF-8");
                response.getWriter().write(SubprotocolPolicy.refusal() + "\n");
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
