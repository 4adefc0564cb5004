package dk.tvaers.meetings;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The outbox's retry runs on Spring's scheduler (the engine's job executor runs the route). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class MeetingsConfiguration {
}
