package mn.zasag.shared;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.ZoneId;

/** Business code asks for this clock instead of calling now(), so tests can pin time. */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    /** Mongolia keeps one time zone for the whole country (UTC+8) in its capital's name. */
    public static final ZoneId MONGOLIA = ZoneId.of("Asia/Ulaanbaatar");

    @Bean
    Clock clock() {
        return Clock.system(MONGOLIA);
    }
}
