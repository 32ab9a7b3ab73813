/** Authentication tokens shared by name server, master and game servers. */
package org.photonee.core.auth;
