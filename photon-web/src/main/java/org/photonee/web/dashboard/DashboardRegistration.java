package org.photonee.web.dashboard;

import jakarta.servlet.HttpConstraintElement;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.ServletSecurityElement;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebListener;

import java.util.logging.Logger;

/**
 * Puts the dashboard ({@code /photon/dashboard/*}) behind browser sign-in when {@code photon.admin.clientId} is
 * configured: a gate servlet with the constraint "any signed-in user" ({@code **}), so the container runs the
 * OpenID Connect flow; the gate then checks the operator role itself with the admin API's validator. Without a
 * client id the dashboard is served as it is and its data calls follow the admin API's rule (loopback, or a bearer
 * token).
 */
@WebListener
public class DashboardRegistration implements ServletContextListener {
    private static final Logger LOG = Logger.getLogger(DashboardRegistration.class.getName());

    @Override
    public void contextInitialized(ServletContextEvent event) {
        if (!DashboardSignInSettings.isConfigured()) {
            return;
        }
        ServletContext context = event.getServletContext();
        ServletRegistration.Dynamic gate = context.addServlet("photon-dashboard-gate", DashboardGateServlet.class);
        gate.addMapping("/dashboard/*");
        gate.setServletSecurity(new ServletSecurityElement(new HttpConstraintElement(
                ServletSecurity.EmptyRoleSemantic.PERMIT, ServletSecurity.TransportGuarantee.NONE, "**")));
        LOG.info("dashboard: browser sign-in through " + new DashboardSignInSettings().getIssuer());
    }
}
