package org.photonee.core.auth.custom;

import org.photonee.core.http.HttpQueueSettings;

import java.net.URI;
import java.util.Map;

/**
 * A custom authentication service asked over HTTP at every login ({@code photon.auth.<name>.*}).
 *
 * @param name                the provider's name in the keys
 * @param type                the ClientAuthenticationType (217) it serves
 * @param url                 the service ({@code .url}); its own query string is kept
 * @param forwardAsJson       {@code .forwardAsJson}: everything (configured params, client params, client data)
 *                            in one JSON POST body
 * @param rejectIfUnavailable {@code .rejectIfUnavailable} (default true): when the service cannot be used (no
 *                            answer, queue full or offline, HTTP error without a body), refuse the login; false
 *                            lets the client in anonymously
 * @param params              {@code .param.<key>}: query parameters added to every request; they win over a
 *                            client's parameter of the same name
 * @param queue               the provider's HTTP queue limits
 */
public record HttpProviderSettings(String name, int type, URI url, boolean forwardAsJson, boolean rejectIfUnavailable,
                                   Map<String, String> params, HttpQueueSettings queue) implements ProviderSettings {
    public HttpProviderSettings {
        params = Map.copyOf(params);
    }
}
