package org.photonee.web;

import jakarta.ejb.EJB;
import jakarta.json.Json;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import org.photonee.ejb.PhotonNode;
import org.photonee.oidc.AdminAccess;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.logging.Logger;

/**
 * Guards {@code /photon/api/admin/**}: a bearer token from the admin issuer carrying the admin role
 * ({@link AdminAccess}); 401 without a valid token, 403 without the role. Without an issuer configured only
 * loopback callers get in. The check is the project's own validator, so it is the same on Payara Micro, Payara
 * Server and WildFly, with no server security configuration. Every admin call is logged with who made it.
 */
@Provider
public class AdminAuthorizationFilter implements ContainerRequestFilter {
    private static final Logger LOG = Logger.getLogger("org.photonee.admin");

    /** The request attribute naming who an allowed admin call came from (token subject, or "loopback"). */
    public static final String CALLER_ATTRIBUTE = "org.photonee.admin.caller";

    @EJB
    private PhotonNode node;

    @Context
    private HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!path.startsWith("admin") && !path.startsWith("/admin")) {
            return;
        }
        AdminAccess access = node.adminAccess();
        AdminAccess.Decision decision = access == null
                ? new AdminAccess.Decision(503, "the node is not started", null)
                : access.decide(request.getHeaderString(HttpHeaders.AUTHORIZATION), isLoopback());
        if (!decision.allowed()) {
            LOG.info(() -> "admin " + request.getMethod() + " /" + path + " refused (" + decision.status() + "): "
                    + decision.reason() + " from " + servletRequest.getRemoteAddr());
            Response.ResponseBuilder r = Response.status(decision.status()).type(MediaType.APPLICATION_JSON)
                    .entity(Json.createObjectBuilder().add("error", decision.reason()).build().toString());
            if (decision.status() == 401) {
                r.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"photon-admin\"");
            }
            request.abortWith(r.build());
            return;
        }
        servletRequest.setAttribute(CALLER_ATTRIBUTE, decision.caller());
        // Changes are logged with who made them; reads (which dashboards poll) only at FINE.
        LOG.log("GET".equals(request.getMethod()) ? java.util.logging.Level.FINE : java.util.logging.Level.INFO,
                () -> "admin " + request.getMethod() + " /" + path + " by " + decision.caller());
    }

    private boolean isLoopback() {
        try {
            return InetAddress.getByName(servletRequest.getRemoteAddr()).isLoopbackAddress();
        } catch (UnknownHostException | RuntimeException e) {
            return false;
        }
    }
}
