package dk.tvaers.security;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/** Logback's %m, %msg and %message, with every CPR-like number masked (see logback-spring.xml). */
public class CprMaskingMessageConverter extends MessageConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return CprMasking.mask(super.convert(event));
    }
}
