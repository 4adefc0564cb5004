package dk.tvaers;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Beans every module shares. */
@Configuration(proxyBeanMethods = false)
class TvaersConfiguration {

    @Bean
    Clock clock() {
        return new ApplicationClock();
    }
}
