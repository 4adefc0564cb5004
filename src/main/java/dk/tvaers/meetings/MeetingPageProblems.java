package dk.tvaers.meetings;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;

/** The meeting pages' errors as the workplace's Danish error page. */
@ControllerAdvice(assignableTypes = MeetingPages.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class MeetingPageProblems {

    @ExceptionHandler(ResponseStatusException.class)
    ModelAndView status(ResponseStatusException e) {
        HttpStatusCode code = e.getStatusCode();
        return page(code, code.value() == 409 ? "error.closed" : "error.notFound");
    }

    @ExceptionHandler(AccessDeniedException.class)
    ModelAndView forbidden() {
        return page(HttpStatus.FORBIDDEN, "error.forbidden");
    }

    private static ModelAndView page(HttpStatusCode status, String key) {
        ModelAndView page = new ModelAndView("error/page");
        page.setStatus(status);
        page.addObject("titleKey", key + ".title");
        page.addObject("textKey", key + ".text");
        return page;
    }
}
