package mn.zasag.exchange.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code X-Road-Request-Hash} as PR-REST 4.3 defines it: base-64 of SHA512(SHA512(headers) + SHA512(body)), or of
 * SHA512(headers) when there is no body. PR-REST leaves "headers" to the implementation; ours is the request
 * line ({@code METHOD /r1/...?query}) followed by each X-Road header and Content-Type as
 * {@code lower-case-name: value}, sorted by name, each line ending in LF.
 */
final class RequestHash {

    private RequestHash() {
    }

    static String of(String method, String requestUri, Map<String, String> headers, byte[] body) {
        StringBuilder text = new StringBuilder(method).append(' ').append(requestUri).append('\n');
        TreeMap<String, String> sorted = new TreeMap<>();
        headers.forEach((name, value) -> {
            if (value != null) {
                sorted.put(name.toLowerCase(java.util.Locale.ROOT), value);
            }
        });
        sorted.forEach((name, value) -> text.append(name).append(": ").append(value).append('\n'));
        byte[] headerHash = sha512(text.toString().getBytes(StandardCharsets.UTF_8));
        if (body == null || body.length == 0) {
            return Base64.getEncoder().encodeToString(headerHash);
        }
        byte[] both = new byte[128];
        System.arraycopy(headerHash, 0, both, 0, 64);
        System.arraycopy(sha512(body), 0, both, 64, 64);
        return Base64.getEncoder().encodeToString(sha512(both));
    }

    static byte[] sha512(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-512").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
