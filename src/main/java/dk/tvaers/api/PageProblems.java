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
        return ErrorAnswers.page(HttpStatus.NOT_FOUND);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ModelAndView forbidden() {
        return ErrorAnswers.page(HttpStatus.FORBIDDEN);
    }

}
