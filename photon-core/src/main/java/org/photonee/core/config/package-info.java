/** Instance-level settings (roles, addresses) parsed from {@code photon.*} configuration keys. */
package org.photonee.core.config;
