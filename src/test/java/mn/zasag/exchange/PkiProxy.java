package mn.zasag.exchange;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A plain HTTP reverse proxy standing for the platform's public URL in tests: it forwards every request to the
 * application, counts OCSP requests, and can answer 503 for the OCSP responder ({@code /pki/ocsp}) or the CRLs
 * ({@code /pki/crl/...}) as an unreachable responder would.
 */
final class PkiProxy {

    final AtomicInteger ocspRequests = new AtomicInteger();
    volatile boolean ocspDown;
    volatile boolean crlDown;
    private volatile int target = -1;
    private final HttpServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    private PkiProxy(HttpServer server) {
        this.server = server;
    }

    static PkiProxy start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
            PkiProxy proxy = new PkiProxy(server);
            server.createContext("/", proxy::handle);
            server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4, r -> {
                Thread t = new Thread(r, "pki-proxy");
                t.setDaemon(true);
                return t;
            }));
            server.start();
            return proxy;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    int port() {
        return server.getAddress().getPort();
    }

    void target(int port) {
        this.target = port;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            if (path.startsWith("/pki/ocsp")) {
                ocspRequests.incrementAndGet();
            }
            if (target < 0 || (ocspDown && path.startsWith("/pki/ocsp")) || (crlDown && path.startsWith("/pki/crl"))) {
                exchange.sendResponseHeaders(503, -1);
                return;
            }
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            HttpRequest.Builder forward = HttpRequest.newBuilder(URI.create("http://localhost:" + target + exchange.getRequestURI()))
                    .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body));
            String type = exchange.getRequestHeaders().getFirst("Content-Type");
            if (type != null) {
                forward.header("Content-Type", type);
            }
            HttpResponse<byte[]> answer = http.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());
            answer.headers().firstValue("Content-Type").ifPresent(t -> exchange.getResponseHeaders().add("Content-Type", t));
            exchange.sendResponseHeaders(answer.statusCode(), answer.body().length == 0 ? -1 : answer.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer.body());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
