package dk.tvaers.web;

import java.text.MessageFormat;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.context.i18n.LocaleContextHolder;

/** Texts from the message bundles in the current request's language, for views built in Java. */
@FunctionalInterface
public interface Texts {

    /**
     * The Danish bundle read without Spring, for texts that are Danish whatever the page's
     * language: the API's error messages. Formats like Spring's message source: a text without
     * arguments is returned as written, one with arguments through {@link MessageFormat}.
     */
    Texts DANISH = (key, args) -> {
        String text = ResourceBundle.getBundle("messages", LanguageConfiguration.DANISH,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)).getString(key);
        return args.length == 0 ? text : new MessageFormat(text, LanguageConfiguration.DANISH).format(args);
    };

    String get(String key, Object... args);

    /** The key's text, or empty when the bundle has no such key (a step a process owner added, a field without a label). */
    default Optional<String> find(String key, Object... args) {
        try {
            return Optional.of(get(key, args));
        } catch (NoSuchMessageException | MissingResourceException e) {
            return Optional.empty();
        }
    }

    static Texts of(MessageSource messages) {
        return (key, args) -> messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
