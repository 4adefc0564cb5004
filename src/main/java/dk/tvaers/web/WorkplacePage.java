package dk.tvaers.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.stereotype.Controller;

/**
 * A controller of the workplace's Danish pages, in whichever module it lives. Its errors answer as the
 * product's error page ({@link PageProblems}), never as problem+json: a page module needs nothing but
 * this annotation to get them.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Controller
public @interface WorkplacePage {
}
