package mn.zasag.exchange.internal;

import mn.zasag.exchange.XRoadId;

import java.util.List;
import java.util.Map;

/**
 * One request to a service as the exchange received it, already parsed.
 *
 * @param client        the client subsystem ({@code X-Road-Client})
 * @param service       the service ({@code /r1/{serviceId}})
 * @param path          the path after the service code ("" or starting with {@code /})
 * @param rawQuery      the query string as sent, or null
 * @param messageId     {@code X-Road-Id}, or null to generate one
 * @param consentProof  {@code X-Zasag-Consent}: a consent id or a one-time code, or null
 * @param authenticated how the client was authenticated ({@code token:login}, {@code tls:serial}, {@code internal:module})
 */
public record Call(XRoadId client, XRoadId service, String method, String path, String rawQuery, Map<String, List<String>> query,
                   String messageId, String userId, String issue, String representedParty, String consentProof,
                   String contentType, byte[] body, String authenticated) {
}
