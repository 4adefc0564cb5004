package dk.tvaers.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * A query parameter an API operation does not know is an error (400 with the parameter as the
 * field), as an unknown field of a body is: a misspelt filter ({@code ?stgae=SPARRING}) must not
 * silently answer the unfiltered list.
 */
class KnownQueryParameters implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method) || !AnnotatedElementUtils.hasAnnotation(method.getBeanType(), RestController.class)) {
            return true;
        }
        Set<String> known = java.util.Arrays.stream(method.getMethodParameters())
                .map(KnownQueryParameters::name)
                .filter(java.util.Objects::nonNull)
                .collect(Collectors.toSet());
        List<FieldError> errors = new ArrayList<>();
        for (String name : request.getParameterMap().keySet()) {
            if (!known.contains(name)) {
                errors.add(FieldError.of(name, "unknownParameter"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return true;
    }

    private static final DefaultParameterNameDiscoverer NAMES = new DefaultParameterNameDiscoverer();

    private static String name(MethodParameter parameter) {
        parameter.initParameterNameDiscovery(NAMES);
        RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
        if (param == null) {
            return null;
        }
        if (!param.name().isEmpty()) {
            return param.name();
        }
        return parameter.getParameterName();
    }
}
