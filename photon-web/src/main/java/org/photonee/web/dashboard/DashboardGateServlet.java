package org.photonee.web.dashboard;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.security.enterprise.identitystore.openid.OpenIdContext;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.photonee.ejb.PhotonNode;
import org.photonee.oidc.AdminAccess;

import java.io.IOException;

/**
 * The dashboard behind browser sign-in. The container has already signed the user in (OpenID Connect, see
 * {@link DashboardSignInSettings}); here the user's access token must carry the operator role, checked with the
 * same validator as the admin API. {@code /dashboard/session} hands the page that token, which it sends as the
 * bearer token of its admin API calls; everything else is the dashboard's static files.
 */
public class DashboardGateServlet extends HttpServlet {
    @Inject
    private OpenIdContext openId;

    @EJB
    private PhotonNode node;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        String token = openId.getAccessToken() == null ? null : openId.getAccessToken().getToken();
        AdminAccess.Decision decision = node.adminAccess().decide(token == null ? null : "Bearer " + token, false);
        if (!decision.allowed()) {
            response.setStatus(decision.status() == 401 ? 401 : 403);
            response.setContentType("application/json");
            response.getWriter().write(Json.createObjectBuilder().add("error", decision.reason()).build().toString());
            return;
        }
        String path = request.getPathInfo() == null ? "/" : request.getPathInfo();
        if (path.equals("/callback")) {
            response.sendRedirect(request.getContextPath() + "/dashboard/");
            return;
        }
        if (path.equals("/session")) {
            response.setContentType("application/json");
            response.setHeader("Cache-Control", "no-store");
            response.getWriter().write(Json.createObjectBuilder().add("caller", decision.caller())
                    .add("accessToken", token).build().toString());
            return;
        }
        RequestDispatcher files = getServletContext().getNamedDispatcher("default");
        if (files == null) {
            response.sendError(404);
            return;
        }
        files.forward(request, response);
    }
}
