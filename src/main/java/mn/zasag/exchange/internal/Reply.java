package mn.zasag.exchange.internal;

import java.util.Map;

/** What the exchange answers: the provider's answer or an X-Road error, with the X-Road headers. */
public record Reply(int status, Map<String, String> headers, String contentType, byte[] body) {
}
