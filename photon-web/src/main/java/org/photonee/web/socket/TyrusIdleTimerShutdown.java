package org.photonee.web.socket;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/** Stops {@link TyrusIdleTimer}'s scheduler thread when the application is undeployed. */
@WebListener
public final class TyrusIdleTimerShutdown implements ServletContextListener {
    @Override
    public void contextDestroyed(ServletContextEvent event) {
        TyrusIdleTimer.shutdown();
    }
}
