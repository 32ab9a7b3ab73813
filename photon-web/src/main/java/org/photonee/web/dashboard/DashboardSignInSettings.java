package org.photonee.web.dashboard;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import jakarta.security.enterprise.authentication.mechanism.http.OpenIdAuthenticationMechanismDefinition;
import org.photonee.ejb.PhotonConfig;
import org.photonee.oidc.AdminAccess;

/**
 * Browser sign-in for the dashboard: Jakarta Security 3.0's OpenID Connect authorization-code flow (Soteria, in
 * Payara 6 and WildFly 39) against the admin issuer, with this application as the confidential client
 * {@code photon.admin.clientId} / {@code photon.admin.clientSecret}. The mechanism only acts on resources with a
 * security constraint, and {@link DashboardRegistration} adds the dashboard's constraint only when a client id is
 * configured, so without one nothing here runs.
 */
@OpenIdAuthenticationMechanismDefinition(
        providerURI = "${photonDashboardSignIn.issuer}",
        clientId = "${photonDashboardSignIn.clientId}",
        clientSecret = "${photonDashboardSignIn.clientSecret}",
        redirectURI = "${baseURL}/dashboard/callback",
        redirectToOriginalResource = true)
@Named("photonDashboardSignIn")
@ApplicationScoped
public class DashboardSignInSettings {
    public static final String CLIENT_ID = "photon.admin.clientId";
    public static final String CLIENT_SECRET = "photon.admin.clientSecret";

    public String getIssuer() {
        return value(AdminAccess.ISSUER);
    }

    public String getClientId() {
        return value(CLIENT_ID);
    }

    public String getClientSecret() {
        return value(CLIENT_SECRET);
    }

    /** Whether browser sign-in is configured (an issuer and a client id). */
    public static boolean isConfigured() {
        return !value(AdminAccess.ISSUER).isEmpty() && !value(CLIENT_ID).isEmpty();
    }

    private static String value(String key) {
        String v = PhotonConfig.lookup().apply(key);
        return v == null ? "" : v.trim();
    }
}
