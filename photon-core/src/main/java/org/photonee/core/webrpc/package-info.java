/**
 * WebRPC (LOADBALANCING.md §3.3): operation Rpc (219) on master and game server forwards a client's call to the
 * studio's web service through an {@link org.photonee.core.http.HttpQueue} and maps the answer back. The shared
 * URL rules (BaseUrl + path, the BaseUrl's query, {@code {AppId}}-style tags) live in
 * {@link org.photonee.core.webrpc.WebServiceUrl}, which webhooks use too.
 */
package org.photonee.core.webrpc;
