package dk.tvaers.web;

import dk.tvaers.casefile.CaseNotFoundException;
import dk.tvaers.casefile.CaseRuleException;
import dk.tvaers.security.NotVisibleException;
import dk.tvaers.route.TaskNotFoundException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;

/**
 * The one error advice of every module's pages (controllers marked {@link WorkplacePage}): what a page
 * cannot show answers as the Danish error page with the right status, never as problem+json.
 */
@ControllerAdvice(annotations = WorkplacePage.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageProblems {

    @ExceptionHandler({NotVisibleException.class, TaskNotFoundException.class, CaseNotFoundException.class})
    ModelAndView notFound() {
        return ErrorAnswers.page(HttpStatus.NOT_FOUND);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ModelAndView forbidden() {
        return ErrorAnswers.page(HttpStatus.FORBIDDEN);
    }

    /**
     * A rule of the case file a page's action broke (pages offer only what the rules allow, so this is a
     * stale page or a hand-made request): the rule in the page's language, nothing changed.
     */
    @ExceptionHandler(CaseRuleException.class)
    ModelAndView caseRule(CaseRuleException e) {
        if (!e.isStateRule()) {
            // A field's rule: the pages that take such fields answer it by the field themselves.
            return ErrorAnswers.page(HttpStatus.BAD_REQUEST);
        }
        ModelAndView page = ErrorAnswers.page(HttpStatus.CONFLICT);
        page.addObject("titleKey", "error.rule.title");
        page.addObject("textKey", "rule." + e.violations().get(0).code());
        return page;
    }

    /** A page's own refusal, with the status it names. */
    /** An upload the browser sent broken, or too large: the page's own error, not a server error. */
    @ExceptionHandler(org.springframework.web.multipart.MultipartException.class)
    ModelAndView multipart(org.springframework.web.multipart.MultipartException e) {
        return ErrorAnswers.page(e instanceof org.springframework.web.multipart.MaxUploadSizeExceededException ? HttpStatus.PAYLOAD_TOO_LARGE : HttpStatus.BAD_REQUEST);
    }

    @ExceptionHandler(ResponseStatusException.class)
    ModelAndView status(ResponseStatusException e) {
        HttpStatus status = HttpStatus.valueOf(e.getStatusCode().value());
        return ErrorAnswers.page(status);
    }
}
