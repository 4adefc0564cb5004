package dk.tvaers.security;

import ch.qos.logback.classic.pattern.ExtendedThrowableProxyConverter;
import ch.qos.logback.classic.spi.IThrowableProxy;

/** Stack traces in the log, with every CPR-like number in their messages masked. */
public class CprMaskingThrowableConverter extends ExtendedThrowableProxyConverter {

    @Override
    protected String throwableProxyToString(IThrowableProxy proxy) {
        return CprMasking.mask(super.throwableProxyToString(proxy));
    }
}
