package mn.zasag.feedback;

import mn.zasag.catalog.Agencies;
import mn.zasag.catalog.AgencyExists;
import mn.zasag.catalog.Agency;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** The agencies the routing file names (tests run without demo data) and fresh client addresses. */
final class FeedbackFixtures {

    private static final AtomicInteger ADDRESS = new AtomicInteger();
    private static final AtomicInteger PHONE = new AtomicInteger(1000);

    private FeedbackFixtures() {
    }

    static void routingAgencies(Agencies agencies) {
        for (String code : List.of("CITA", "GASR", "GASI", "GASWS", "POLICE", "MRT", "GDT", "CUSTOMS", "NDC")) {
            if (agencies.find(code).isEmpty()) {
                try {
                    agencies.register(new Agency(code, "Байгууллага " + code, "Agency " + code));
                } catch (AgencyExists e) {
                    // another test class registered it first
                }
            }
        }
    }

    /** A client address no other test uses, so flood limits count each test on its own. */
    static RequestPostProcessor freshAddress() {
        int n = ADDRESS.incrementAndGet();
        String address = "10.77." + (n / 250) + "." + (n % 250 + 1);
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    /** A Mongolian mobile number no other test uses: 88 followed by six digits. */
    static String freshMobile() {
        return "88" + String.format("%06d", PHONE.incrementAndGet() + (int) (ProcessHandle.current().pid() % 1000) * 1000);
    }

    static RequestPostProcessor sameAddress(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }
}
