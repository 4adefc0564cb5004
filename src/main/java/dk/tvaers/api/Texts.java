package dk.tvaers.api;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;

/** Texts from the message bundles in the current request's language, for views built in Java. */
@FunctionalInterface
interface Texts {

    String get(String key, Object... args);

    static Texts of(MessageSource messages) {
        return (key, args) -> messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
