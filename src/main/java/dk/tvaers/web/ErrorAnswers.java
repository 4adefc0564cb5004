package dk.tvaers.web;

import dk.tvaers.security.Problems;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * What the servlet container's error dispatch answers, in place of Spring Boot's English
 * "Whitelabel" page and its {@code timestamp/status/error/path} JSON: problem+json for
 * {@code /api/**} (requests the security firewall refused, errors raised outside a controller), and
 * the product's own Danish error page for everything else.
 */
@Controller
class ErrorAnswers implements ErrorController {

    @RequestMapping("/error")
    ModelAndView error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        int status = status(request);
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = uri instanceof String text ? text.substring(Math.min(text.length(), request.getContextPath().length())) : "";
        if (path.equals("/api") || path.startsWith("/api/")) {
            // Written here, not negotiated: a 406 must still be answered as problem+json.
            Problems.write(response, status, Problems.danishDetail(status));
            return null;
        }
        return page(HttpStatus.valueOf(status));
    }

    static ModelAndView page(HttpStatus status) {
        String key = switch (status.value()) {
            case 403 -> "error.forbidden";
            case 404 -> "error.notFound";
            case 409 -> "error.conflict";
            default -> status.is5xxServerError() ? "error.server" : "error.badRequest";
        };
        ModelAndView page = new ModelAndView("web/error");
        page.setStatus(status);
        page.addObject("titleKey", key + ".title");
        page.addObject("textKey", key + ".text");
        return page;
    }

    private static int status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer number ? number : 500;
        return HttpStatus.resolve(status) != null && status >= 400 ? status : 500;
    }
}
