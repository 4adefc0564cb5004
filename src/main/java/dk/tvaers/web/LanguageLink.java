package dk.tvaers.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;

/**
 * The header's language link: the same page with its query kept (the inbox's filters, the page
 * number) and only {@code lang} changed; a one-time status message is not shown again. A page shown
 * in answer to a form post links to the page a GET shows ({@code pageUrl} in the model when that is
 * another address than the post's).
 */
public class LanguageLink implements HandlerInterceptor {

    public static final String PAGE_URL = "pageUrl";

    /** Query words that report what just happened ("Opgaven er nu din"), not what the page shows. */
    private static final Set<String> ONE_SHOT = Set.of("lang", "taken", "returned", "conflict", "gone", "done", "indkaldt", "sendt");

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView page) {
        if (page == null || page.getViewName() == null || page.getViewName().startsWith("redirect:")) {
            return;
        }
        Object pageUrl = page.getModel().get(PAGE_URL);
        boolean get = "GET".equals(request.getMethod());
        String path = pageUrl != null ? pageUrl.toString() : request.getRequestURI();
        String query = get && pageUrl == null && request.getQueryString() != null ? request.getQueryString() : "";
        String kept = Arrays.stream(query.split("&"))
                .filter(pair -> !pair.isEmpty() && !ONE_SHOT.contains(pair.split("=", 2)[0]))
                .collect(Collectors.joining("&"));
        page.addObject("languageLink", path + "?" + (kept.isEmpty() ? "" : kept + "&") + "lang=");
    }
}
