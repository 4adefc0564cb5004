package dk.tvaers.api;

import dk.tvaers.route.TaskNotFoundException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/** Errors on the workplace pages answer as Danish pages, not as problem+json. */
@ControllerAdvice(assignableTypes = {WorkplacePages.class, InboxPages.class, HomePages.class, TaskFormPages.class, YouthTeamPages.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageProblems {

    @ExceptionHandler({NotVisibleException.class, TaskNotFoundException.class, dk.tvaers.casefile.CaseNotFoundException.class})
    ModelAndView notFound() {
        return page(HttpStatus.NOT_FOUND, "error.notFound");
    }

    @ExceptionHandler(AccessDeniedException.class)
    ModelAndView forbidden() {
        return page(HttpStatus.FORBIDDEN, "error.forbidden");
    }

    private static ModelAndView page(HttpStatus status, String key) {
        ModelAndView page = new ModelAndView("error/page");
        page.setStatus(status);
        page.addObject("titleKey", key + ".title");
        page.addObject("textKey", key + ".text");
        return page;
    }
}
