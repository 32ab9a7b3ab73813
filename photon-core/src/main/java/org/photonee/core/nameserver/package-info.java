/**
 * The name server role: authenticates clients and tells them which master serves their region
 * (LOADBALANCING.md §2.9).
 */
package org.photonee.core.nameserver;
