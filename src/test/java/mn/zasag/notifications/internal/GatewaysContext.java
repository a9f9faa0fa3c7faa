package mn.zasag.notifications.internal;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.junit.jupiter.api.AfterAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/**
 * One Spring context for the tests that talk to real gateways: an SMTP server (GreenMail) and an SMSC
 * (the jSMPP simulator), both in this JVM on free ports. The scheduled deliverer is off in this context:
 * each test drives delivery itself, playing one or several nodes.
 */
abstract class GatewaysContext {

    static final int SMTP_PORT = freePort();
    static final int SMPP_PORT = freePort();
    static final GreenMail SMTP = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    static final SmscSimulator SMSC;

    static {
        SMTP.start();
        try {
            SMSC = new SmscSimulator(SMPP_PORT, "zasag", "s3cret");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void gateways(DynamicPropertyRegistry registry) {
        registry.add("zasag.notifications.smtp.host", () -> "127.0.0.1");
        registry.add("zasag.notifications.smtp.port", () -> SMTP_PORT);
        registry.add("zasag.notifications.smtp.starttls", () -> false);
        registry.add("zasag.notifications.smtp.from", () -> "noreply@zasag.test");
        registry.add("zasag.notifications.smpp.host", () -> "127.0.0.1");
        registry.add("zasag.notifications.smpp.port", () -> SMPP_PORT);
        registry.add("zasag.notifications.smpp.system-id", () -> "zasag");
        registry.add("zasag.notifications.smpp.password", () -> "s3cret");
        registry.add("zasag.notifications.smpp.source-addr", () -> "ZASAG");
        registry.add("zasag.notifications.deliver", () -> false);
        registry.add("zasag.notifications.batch-size", () -> 3);
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void drain(Deliverer node) {
        while (node.deliverDue() > 0) {
            // until nothing is due for this node
        }
    }
}
